/* The site's one namespace, and the one way its scripts start.
 *
 * roadmap.onPage(setUp) runs setUp on every page the reader sees: with
 * Material's instant navigation a page change fires document$ without a
 * reload; without it (or before it loads) the DOM's own events do. Loaded
 * first (mkdocs.yml, extra_javascript), so the other scripts can use it. */
(function () {
  "use strict";
  var roadmap = window.roadmap || (window.roadmap = {});

  roadmap.onPage = function (setUp) {
    if (typeof document$ !== "undefined") {
      document$.subscribe(setUp);
    } else if (document.readyState !== "loading") {
      setUp();
    } else {
      document.addEventListener("DOMContentLoaded", setUp);
    }
  };
})();
