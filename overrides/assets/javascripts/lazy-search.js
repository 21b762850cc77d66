/* The search index and the search worker load when the reader starts a
 * search, not on every first visit.
 *
 * Material for MkDocs fetches search/search_index.json and starts its search
 * worker as soon as a page loads, whether or not the reader ever searches:
 * most of a first visit's weight. This script runs before Material's bundle
 * (overrides/main.html, block extrahead) and holds both back until the
 * reader focuses or clicks the search box, opens search from its toggle, or
 * presses one of Material's search shortcuts (/, s, f) or a deep link opens
 * it. Then both go out at once, and search works as before: Material sends
 * the query only once its worker says it is ready, so nothing typed while
 * the index loads is lost. Without JavaScript there is no search at all, as
 * before. */
(function () {
  "use strict";

  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var WORKER = /\/workers\/search\.[^/]*\.js(?:[?#]|$)/;
  var started = false;
  var waiting = [];

  function start() {
    if (started) return;
    started = true;
    waiting.splice(0).forEach(function (run) { run(); });
  }

  function later(run) {
    if (started) run();
    else waiting.push(run);
  }

  // The index: Material requests it with XMLHttpRequest; hold back its send().
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.roadmapDeferred = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.roadmapDeferred) return send.apply(request, args);
    later(function () { send.apply(request, args); });
  };

  // The worker: Material listens for its messages and posts to it; a stand-in
  // queues the messages and starts the real worker when search starts.
  var RealWorker = window.Worker;
  if (typeof RealWorker === "function" && typeof EventTarget === "function") {
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url))) return new RealWorker(url, options);
      var stand = new EventTarget();
      var real = null;
      var queue = [];
      stand.postMessage = function (data) {
        if (real) real.postMessage(data);
        else queue.push(data);
      };
      stand.terminate = function () {
        if (real) real.terminate();
        queue = [];
      };
      later(function () {
        real = new RealWorker(url, options);
        real.addEventListener("message", function (event) {
          stand.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        queue.splice(0).forEach(function (data) { real.postMessage(data); });
      });
      return stand;
    };
    window.Worker.prototype = RealWorker.prototype;
  }

  // What starts a search.
  function isSearch(element) {
    return element instanceof Element &&
      !!element.closest(".md-search, label[for='__search'], [data-md-toggle='search'], #__search");
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) start(); }, true);
  document.addEventListener("pointerdown", function (event) { if (isSearch(event.target)) start(); }, true);
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) start();
  }, true);
  document.addEventListener("keydown", function (event) {
    var field = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
    if (!field && ["/", "s", "S", "f", "F"].indexOf(event.key) !== -1) start();
  }, true);
  if (/[?&]q=/.test(window.location.search)) start();  // a deep link to a search
})();
