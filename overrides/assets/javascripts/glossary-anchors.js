/* Old links to a glossary entry, glossary/#<id>, still land on the term.
 *
 * Each term has its own page now, glossary/<id>/. The index keeps every
 * term's id on its entry, so an old link scrolls to the entry even without
 * JavaScript; with it, the reader is taken on to the term's own page (the
 * old address is replaced in the history, so Back leaves the glossary). */
(function () {
  "use strict";

  window.roadmap.onPage(function () {
    var index = document.querySelector("[data-term-index]");
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!index || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return;
    var entry = document.getElementById(id);
    var link = entry && index.contains(entry) && entry.querySelector("a[href]");
    if (link) window.location.replace(link.href);
  });
})();
