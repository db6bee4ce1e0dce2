// The "new version" notice (loaded by pwa.js when a new service worker is installed and
// waiting): a status message in the page's language with a button that activates the new
// version (SKIP) and reloads the page when it has taken over.
'use strict';
(() => {
  if (document.getElementById('update-notice')) return;
  const worker = window.perUpdate;
  const T = {
    sq: ['Një version i ri i PER është gati.', 'Ringarkoni'],
    en: ['A new version of PER is ready.', 'Reload'],
    it: ['È pronta una nuova versione di PER.', 'Ricarica'],
    el: ['Μια νέα έκδοση του PER είναι έτοιμη.', 'Επαναφόρτωση'],
    de: ['Eine neue Version von PER ist bereit.', 'Neu laden'],
  };
  const [text, label] = T[document.documentElement.lang] || T.sq;
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = '/public/pwa-update.css';
  document.head.append(css);
  const box = document.createElement('div');
  box.id = 'update-notice';
  box.className = 'update-notice';
  box.setAttribute('role', 'status');
  const p = document.createElement('p');
  p.textContent = text;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button';
  button.id = 'update-reload';
  button.textContent = label;
  button.addEventListener('click', () => {
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage('SKIP');
  });
  box.append(p, button);
  document.body.append(box);
})();
