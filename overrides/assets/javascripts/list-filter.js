/* Filter a long list as the reader types or chooses (the Resources page;
 * any list marked up the same way).
 *
 *   <div data-list-filter="NAME" hidden> with an <input data-filter-text>,
 *       any number of <select data-filter-facet="FIELD">, and a status line
 *       (role="status") that says how many items match;
 *   <… data-filter-list="NAME"> holding the items: [data-filter-item], each
 *       with data-FIELD for every facet; the text box matches an item's
 *       first link text, its data-names (other names, kept short) and, for a
 *       data-category, the text of the heading with id "category-<it>";
 *       optional [data-filter-group] wrappers are hidden when none of their
 *       items matches.
 *
 * Without JavaScript the controls stay hidden and the whole list shows. */
(function () {
  "use strict";

  function normalise(text) {
    return text.toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUpFilter(box) {
    if (box.dataset.ready) return;
    var name = box.dataset.listFilter;
    var list = document.querySelector('[data-filter-list="' + name + '"]');
    if (!list) return;
    box.dataset.ready = "1";
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-filter-item]"));
    var groups = Array.prototype.slice.call(list.querySelectorAll("[data-filter-group]"));
    var text = box.querySelector("[data-filter-text]");
    var facets = Array.prototype.slice.call(box.querySelectorAll("[data-filter-facet]"));
    var status = box.querySelector('[role="status"]');
    var noun = box.dataset.filterNoun || "items";
    var names = items.map(function (item) {
      var link = item.querySelector("a");
      var heading = item.dataset.category && document.getElementById("category-" + item.dataset.category);
      return normalise([item.dataset.names || "", link ? link.textContent : "",
        heading ? heading.textContent : ""].join("|"));
    });

    function apply() {
      var words = normalise(text.value).split(" ").filter(Boolean);
      var chosen = facets.filter(function (f) { return f.value; });
      var shown = 0;
      items.forEach(function (item, i) {
        var match = words.every(function (w) { return names[i].indexOf(w) !== -1; }) &&
          chosen.every(function (f) { return item.dataset[f.dataset.filterFacet] === f.value; });
        item.hidden = !match;
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.hidden = !group.querySelector("[data-filter-item]:not([hidden])");
      });
      var typed = text.value.trim();
      var said = typed ? " \u201c" + typed + "\u201d" : "";
      status.textContent = words.length || chosen.length
        ? shown + " of " + items.length + " " + noun + " match" + said + "."
        : items.length + " " + noun + ".";
    }

    text.addEventListener("input", apply);
    facets.forEach(function (facet) { facet.addEventListener("change", apply); });
    box.hidden = false;
    apply();
  }

  window.roadmap.onPage(function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-list-filter]"), setUpFilter);
  });
})();
