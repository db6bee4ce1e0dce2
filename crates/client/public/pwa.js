// Registers /sw.js; a new version waiting loads the notice (pwa-update.js).
(function () {
  var sw = navigator.serviceWorker;
  sw && addEventListener('load', function () {
    sw.register('/sw.js').then(function (r) {
      if (!r) return;
      function tell(w) {
        if (w && sw.controller) {
          window.perUpdate = w;
          var s = document.createElement('script');
          s.src = '/public/pwa-update.js';
          document.head.append(s);
        }
      }
      function watch(w) {
        w && w.addEventListener('statechange', function () { w.state == 'installed' && tell(w); });
      }
      tell(r.waiting);
      watch(r.installing);
      r.addEventListener('updatefound', function () { watch(r.installing); });
    }, function () {});
  });
})();
