// Progressive enhancement only: every page works without this file.
// Regions marked data-refresh="SECONDS" are reloaded from the same page in place, so a responder watching an
// incident or a drill sees pages go out and acknowledgements arrive without reloading.
(function () {
  'use strict';
  function refresh(region, seconds) {
    setTimeout(function () {
      fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (html) {
            var doc = new DOMParser().parseFromString(html, 'text/html');
            var fresh = doc.getElementById(region.id);
            if (fresh && !region.contains(document.activeElement)) {
              region.innerHTML = fresh.innerHTML;
            }
            // A region whose fresh copy no longer asks to be refreshed (a test page sent) has reached its end;
            // it says so itself, as the fresh copy does.
            if (fresh && !fresh.hasAttribute('data-refresh')) { region.removeAttribute('data-refresh'); return; }
          }
          refresh(region, seconds);
        })
        .catch(function () { refresh(region, seconds * 2); });
    }, seconds * 1000);
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-refresh][id]').forEach(function (region) {
      var seconds = Math.max(2, parseInt(region.getAttribute('data-refresh'), 10) || 5);
      refresh(region, seconds);
    });
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (e) {
        if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
      });
    });
  });
})();
