/* Glossary filter: narrows the glossary page as the reader types.
 * Without JavaScript the box stays hidden and the full list is shown.
 * Works with Material's instant navigation (document$ fires on every page). */
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUp() {
    var box = document.querySelector(".glossary-filter");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var input = box.querySelector("input");
    var status = box.querySelector(".glossary-filter__status");
    var entries = Array.prototype.slice.call(document.querySelectorAll(".glossary-entry"));
    var letters = Array.prototype.slice.call(document.querySelectorAll("h2.glossary-letter"));
    box.hidden = false;

    function apply() {
      var query = normalise(input.value);
      var shown = 0;
      entries.forEach(function (entry) {
        // Match titles, ids, aliases and the category name, not the prose.
        var match = !query || entry.dataset.names.indexOf(query) !== -1;
        entry.hidden = !match;
        if (match) shown += 1;
      });
      // Hide a letter heading when none of its entries is shown.
      letters.forEach(function (heading) {
        var any = false;
        for (var el = heading.nextElementSibling; el && !el.matches("h2"); el = el.nextElementSibling) {
          if (el.classList.contains("glossary-entry") && !el.hidden) { any = true; break; }
        }
        heading.hidden = !any;
      });
      status.textContent = query
        ? shown + " of " + entries.length + " terms match \u201c" + input.value.trim() + "\u201d."
        : entries.length + " terms.";
    }

    input.addEventListener("input", apply);
    apply();
  }

  window.roadmap.onPage(setUp);
})();
