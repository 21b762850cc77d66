/* Reading progress, kept in the reader's own browser.
 *
 * - Skill pages: each "what to learn" item (ul.skill-checklist > li[data-key])
 *   gets a checkbox; ticks are saved in localStorage under the item's stable key.
 * - Home page: the roadmap shows ticked/total per skill and overall, and the
 *   panel under it exports, imports and resets the saved progress.
 * Nothing is sent anywhere. Without JavaScript the checklist stays a plain
 * list and the panel stays hidden. Runs again on every page that Material's
 * instant navigation loads (document$).
 */
(function () {
  "use strict";

  var STORAGE_KEY = "ml-engineer-roadmap:progress";
  var FORMAT = "ml-engineer-roadmap-progress";
  var VERSION = 1;

  // -- storage: { skillId: [key, ...] } ------------------------------------
  function load() {
    try {
      var raw = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      return raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
    } catch (error) {
      return {};
    }
  }

  function save(progress) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(progress));
      return true;
    } catch (error) {
      return false; // storage disabled: the page still works, ticks are not kept
    }
  }

  function ticked(progress, skill) {
    return Array.isArray(progress[skill]) ? progress[skill] : [];
  }

  function setTick(skill, key, on) {
    var progress = load();
    var keys = ticked(progress, skill).filter(function (k) { return k !== key; });
    if (on) keys.push(key);
    progress[skill] = keys;
    return save(progress);
  }

  // -- skill pages: interactive checklist ----------------------------------
  function setUpChecklist(list) {
    if (list.classList.contains("is-interactive")) return;
    var skill = list.dataset.skill;
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-key]"));
    var summary = document.createElement("p");
    summary.className = "skill-checklist__summary";
    summary.setAttribute("role", "status");
    summary.setAttribute("aria-live", "polite");
    list.parentNode.insertBefore(summary, list);

    function refresh() {
      var done = ticked(load(), skill);
      var count = items.filter(function (li) { return done.indexOf(li.dataset.key) !== -1; }).length;
      summary.textContent = count + " of " + items.length + " done";
    }

    items.forEach(function (li) {
      var id = "check-" + skill + "-" + li.dataset.key;
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.checked = ticked(load(), skill).indexOf(li.dataset.key) !== -1;
      var text = document.createElement("span");
      while (li.firstChild) text.appendChild(li.firstChild);
      var label = document.createElement("label");
      label.htmlFor = id;
      label.appendChild(box);
      label.appendChild(text);
      li.appendChild(label);
      box.addEventListener("change", function () {
        setTick(skill, li.dataset.key, box.checked);
        refresh();
      });
    });
    list.classList.add("is-interactive");
    refresh();
  }

  // -- home page: roadmap counts and the progress panel --------------------
  function refreshRoadmap(nodes, overall) {
    var progress = load();
    var done = 0;
    var total = 0;
    nodes.forEach(function (node) {
      var keys = (node.dataset.keys || "").split(" ").filter(Boolean);
      var have = ticked(progress, node.dataset.skill);
      var count = keys.filter(function (k) { return have.indexOf(k) !== -1; }).length;
      done += count;
      total += keys.length;
      var title = node.getAttribute("aria-label").split(",")[0];
      node.querySelector(".roadmap__count").textContent = count + "/" + keys.length + " done";
      node.setAttribute("aria-label", title + ", " + count + " of " + keys.length + " items done");
      node.classList.toggle("is-complete", keys.length > 0 && count === keys.length);
    });
    if (overall) {
      overall.textContent = "Your progress: " + done + " of " + total + " items done across " +
        nodes.length + " skills.";
    }
  }

  function download(filename, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function parseImport(text) {
    var data = JSON.parse(text);
    if (!data || data.format !== FORMAT || data.version !== VERSION || typeof data.progress !== "object") {
      throw new Error("not a progress file exported from this site");
    }
    var clean = {};
    Object.keys(data.progress).forEach(function (skill) {
      var keys = data.progress[skill];
      if (Array.isArray(keys)) clean[skill] = keys.filter(function (k) { return typeof k === "string"; });
    });
    return clean;
  }

  function setUpPanel(panel, nodes) {
    if (panel.dataset.ready) return;
    panel.dataset.ready = "1";
    var overall = panel.querySelector(".progress-panel__overall");
    var file = panel.querySelector(".progress-panel__file");
    var say = function (message) { overall.textContent = message; };

    panel.addEventListener("click", function (event) {
      var action = event.target.closest("[data-progress-action]");
      if (!action) return;
      var what = action.dataset.progressAction;
      if (what === "export") {
        var payload = { format: FORMAT, version: VERSION, exported: new Date().toISOString(), progress: load() };
        download("ml-engineer-roadmap-progress.json", JSON.stringify(payload, null, 2) + "\n");
      } else if (what === "import") {
        file.click();
      } else if (what === "reset") {
        if (window.confirm("Clear all your ticked items on this device? This cannot be undone.")) {
          try { window.localStorage.removeItem(STORAGE_KEY); } catch (error) { /* nothing stored */ }
          refreshRoadmap(nodes, overall);
        }
      }
    });

    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) return;
      chosen.text().then(function (text) {
        save(parseImport(text));
        refreshRoadmap(nodes, overall);
      }).catch(function (error) {
        say("Could not import that file: " + error.message + ".");
      }).then(function () { file.value = ""; });
    });

    panel.hidden = false;
    refreshRoadmap(nodes, overall);
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("ul.skill-checklist[data-skill]"), setUpChecklist);
    var nodes = Array.prototype.slice.call(document.querySelectorAll(".roadmap__node[data-skill]"));
    var panel = document.querySelector(".progress-panel");
    if (panel) setUpPanel(panel, nodes);
    else if (nodes.length) refreshRoadmap(nodes, null);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
