/* Printing: web addresses are printed after external links only.
 * Material's instant navigation turns every link into an absolute URL, so CSS
 * alone cannot tell the site's own links from external ones; this marks the
 * site's own. Without JavaScript, own links stay relative and CSS suffices. */
(function () {
  "use strict";

  function markOwnLinks() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset a[href]"), function (link) {
      try {
        if (new URL(link.getAttribute("href"), window.location.href).origin === window.location.origin) {
          link.setAttribute("data-own-link", "");
        }
      } catch (error) { /* not a URL: leave it */ }
    });
  }

  window.roadmap.onPage(markOwnLinks);
})();
