// PER's service worker (generated into dist/sw.js by tools/pwa/make-sw.mjs from this
// template; the build fills in VERSION, PAGES and FILES).
//
// - Install: precaches every entry's page (at the first address it serves, so the page
//   comes with its own CSP), its first-load files (the size report's), the results data
//   sets and the shared public files, in one versioned cache.
// - Activate: deletes every older version's cache; the page is told a new version is
//   ready (it shows a notice and reloads when the user says so: SKIP message).
// - Fetch: /api/ is never touched (personal data is never cached, never served stale);
//   pages: the network first, the precached page of their entry when offline, else the
//   offline page; other same-origin GETs: the cache first, else the network (and a 200
//   without no-store is kept, for files fetched later such as the face models).
'use strict';

const VERSION = '__VERSION__';
const CACHE = `per-${VERSION}`;
// [address prefix, address the entry's page is precached at], longest prefix first.
const PAGES = __PAGES__;
const FILES = __FILES__;
const OFFLINE = '/public/offline.html';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll([...new Set([...PAGES.map(([, p]) => p), ...FILES, OFFLINE])])),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('per-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP') self.skipWaiting();
});

// The address at which the page of `path`'s entry is precached, if an entry serves it.
function pageOf(path) {
  for (const [prefix, page] of PAGES) {
    if (path === prefix || (prefix === '/' ? path === '/index.html' : path.startsWith(prefix + '/'))) return page;
  }
  return null;
}

async function page(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const own = pageOf(new URL(request.url).pathname);
    return (own && (await cache.match(own))) || (await cache.match(OFFLINE)) || Response.error();
  }
}

async function file(request) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: false });
  if (hit) return hit;
  const answer = await fetch(request);
  const cc = answer.headers.get('cache-control') || '';
  if (answer.status === 200 && !/no-store/.test(cc)) await cache.put(request, answer.clone());
  return answer;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/') || url.pathname === '/sw.js') return;
  event.respondWith(request.mode === 'navigate' ? page(request) : file(request));
});
