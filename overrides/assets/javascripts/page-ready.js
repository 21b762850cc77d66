/* The site's one namespace, the one way its scripts start, and the scripts
 * each page needs.
 *
 * roadmap.onPage(setUp) runs setUp on every page the reader sees: with
 * Material's instant navigation a page change fires document$ without a
 * reload; without it (or before it loads) the DOM's own events do.
 *
 * The site's features load only on the pages that have them: the progress
 * store on pages with a checklist, the roadmap, the projects or a quiz; the
 * quiz on skill pages; the list filter on the glossary and the Resources
 * page. Each loads once, from this script's own folder, and runs its set-up
 * for every page from then on. Loaded first (mkdocs.yml, extra_javascript). */
(function () {
  "use strict";
  var roadmap = window.roadmap || (window.roadmap = {});
  var here = document.currentScript ? document.currentScript.src : "";
  var folder = here.slice(0, here.lastIndexOf("/") + 1);
  var FEATURES = [
    [".skill-checklist, .roadmap__node, .progress-panel, .project[data-project], .quiz[data-quiz]", "progress.js"],
    [".quiz[data-quiz]", "quiz.js"],
    ["[data-list-filter]", "list-filter.js"],
    ["[data-term-index]", "glossary-anchors.js"]
  ];
  var loaded = {};

  roadmap.onPage = function (setUp) {
    if (typeof document$ !== "undefined") {
      document$.subscribe(setUp);
    } else if (document.readyState !== "loading") {
      setUp();
    } else {
      document.addEventListener("DOMContentLoaded", setUp);
    }
  };

  function loadFeatures() {
    FEATURES.forEach(function (feature) {
      var file = feature[1];
      if (loaded[file] || !document.querySelector(feature[0])) return;
      loaded[file] = true;
      var script = document.createElement("script");
      script.src = folder + file;
      script.async = false;  // in list order: the quiz needs the progress store
      document.head.appendChild(script);
    });
  }

  roadmap.onPage(loadFeatures);
})();
