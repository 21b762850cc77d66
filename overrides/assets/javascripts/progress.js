/* Reading progress, kept in the reader's own browser (localStorage).
 *
 * One versioned record holds everything: the ticked checklist items of each
 * skill, the quiz answers of each skill, and the portfolio projects marked
 * done. Nothing is sent anywhere. Other scripts use roadmap.progress; this
 * file also runs the checklists, the project ticks and the home page's panel
 * (roadmap counts, export, import, reset).
 *
 * Stored and exported shape (version 2):
 *   { format, version: 2, exported?, progress: {
 *       checklist: { skillId: [key, ...] },
 *       quiz:      { skillId: { questionKey: optionIndex } },
 *       projects:  [projectId, ...] } }
 * Version 1 files ({ format, version: 1, progress: { skillId: [key] } }) are
 * still imported. An import that is not exactly this shape is refused with a
 * message and changes nothing.
 */
(function () {
  "use strict";

  var STORAGE_KEY = "ml-engineer-roadmap:progress";
  var FORMAT = "ml-engineer-roadmap-progress";
  var VERSION = 2;
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var LIMITS = { bytes: 200000, skills: 100, keysPerSkill: 300, projects: 300, option: 4 };

  // -- the record ------------------------------------------------------------
  function empty() {
    return { checklist: {}, quiz: {}, projects: [] };
  }

  function isPlainObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value) &&
      Object.getPrototypeOf(value) === Object.prototype;
  }

  function isId(value) {
    return typeof value === "string" && value.length <= 80 && ID.test(value);
  }

  function fail(message) {
    throw new Error(message);
  }

  function checkIds(list, what, limit) {
    if (!Array.isArray(list)) fail(what + " is not a list");
    if (list.length > limit) fail(what + " has " + list.length + " entries, more than " + limit);
    list.forEach(function (id) {
      if (!isId(id)) fail(what + " holds " + JSON.stringify(String(id).slice(0, 40)) + ", which is not an id");
    });
    return list.filter(function (id, i) { return list.indexOf(id) === i; });
  }

  function checkMap(map, what, each) {
    if (!isPlainObject(map)) fail(what + " is not a mapping of skills");
    var keys = Object.keys(map);
    if (keys.length > LIMITS.skills) fail(what + " lists " + keys.length + " skills");
    var clean = {};
    keys.forEach(function (skill) {
      if (!isId(skill)) fail(what + " names " + JSON.stringify(skill.slice(0, 40)) + ", which is not a skill id");
      clean[skill] = each(map[skill], what + " of " + skill);
    });
    return clean;
  }

  function checkAnswers(answers, what) {
    if (!isPlainObject(answers)) fail(what + " is not a mapping of questions");
    var keys = Object.keys(answers);
    if (keys.length > LIMITS.keysPerSkill) fail(what + " has too many answers");
    var clean = {};
    keys.forEach(function (key) {
      var choice = answers[key];
      if (!isId(key)) fail(what + " names " + JSON.stringify(key.slice(0, 40)) + ", which is not a question key");
      if (typeof choice !== "number" || !Number.isInteger(choice) || choice < 0 || choice > LIMITS.option) {
        fail(what + ", question " + key + ": the answer is not an option number");
      }
      clean[key] = choice;
    });
    return clean;
  }

  /* A progress record (version 2) from anything: throws with the reason. */
  function checked(progress) {
    if (!isPlainObject(progress)) fail("the progress is not a mapping");
    var allowed = ["checklist", "quiz", "projects"];
    Object.keys(progress).forEach(function (key) {
      if (allowed.indexOf(key) === -1) fail("the progress has an unknown part " + JSON.stringify(key.slice(0, 40)));
    });
    return {
      checklist: checkMap(progress.checklist || {}, "the checklist", function (keys, what) {
        return checkIds(keys, what, LIMITS.keysPerSkill);
      }),
      quiz: checkMap(progress.quiz || {}, "the quiz answers", checkAnswers),
      projects: checkIds(progress.projects || [], "the projects", LIMITS.projects)
    };
  }

  /* The text of an exported file -> a version 2 record, or an Error saying why not. */
  function parseExport(text) {
    if (typeof text !== "string") fail("the file could not be read");
    if (text.length > LIMITS.bytes) {
      fail("the file is " + Math.round(text.length / 1000) + " kB; a progress file is a few kB");
    }
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      fail("the file is not JSON");
    }
    if (!isPlainObject(data) || data.format !== FORMAT) fail("it is not a progress file exported from this site");
    Object.keys(data).forEach(function (key) {
      if (["format", "version", "exported", "progress"].indexOf(key) === -1) {
        fail("it has an unknown field " + JSON.stringify(key.slice(0, 40)));
      }
    });
    if (data.exported !== undefined && (typeof data.exported !== "string" || data.exported.length > 40)) {
      fail("its export date is not a date");
    }
    if (data.version === 1) {
      return checked({ checklist: data.progress });
    }
    if (data.version !== VERSION) fail("it is a version this site does not know (" + String(data.version) + ")");
    return checked(data.progress);
  }

  // -- storage -----------------------------------------------------------------
  var lastSaveFailed = false;

  function load() {
    var raw;
    try {
      raw = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
    } catch (error) {
      return empty();
    }
    if (raw === null) return empty();
    try {
      // Stored before version 2: { skillId: [key, ...] }, the checklist only.
      return isPlainObject(raw) && raw.version === VERSION ? checked(raw.progress) : checked({ checklist: raw });
    } catch (error) {
      return empty();  // unreadable: start afresh rather than break the page
    }
  }

  function save(progress) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ version: VERSION, progress: progress }));
      lastSaveFailed = false;
      return true;
    } catch (error) {
      lastSaveFailed = true;
      return false;  // storage full or turned off
    }
  }

  function update(change) {
    var progress = load();
    change(progress);
    return save(progress);
  }

  var SAVE_FAILED = "This browser did not save it (storage is full or turned off), so it will be lost on reload.";

  function exportText() {
    var payload = { format: FORMAT, version: VERSION, exported: new Date().toISOString(), progress: load() };
    return JSON.stringify(payload, null, 2) + "\n";
  }

  var api = {
    load: load,
    save: save,
    saveFailedMessage: SAVE_FAILED,
    parseExport: parseExport,
    exportText: exportText,
    ticked: function (skill) {
      var keys = load().checklist[skill];
      return Array.isArray(keys) ? keys : [];
    },
    setTick: function (skill, key, on) {
      return update(function (progress) {
        var keys = (progress.checklist[skill] || []).filter(function (k) { return k !== key; });
        if (on) keys.push(key);
        progress.checklist[skill] = keys;
      });
    },
    answers: function (skill) {
      return load().quiz[skill] || {};
    },
    setAnswer: function (skill, key, choice) {
      return update(function (progress) {
        progress.quiz[skill] = progress.quiz[skill] || {};
        progress.quiz[skill][key] = choice;
      });
    },
    projectDone: function (id) {
      return load().projects.indexOf(id) !== -1;
    },
    setProject: function (id, on) {
      return update(function (progress) {
        progress.projects = progress.projects.filter(function (p) { return p !== id; });
        if (on) progress.projects.push(id);
      });
    },
    reset: function () {
      try {
        window.localStorage.removeItem(STORAGE_KEY);
        return true;
      } catch (error) {
        return false;
      }
    },
    lastSaveFailed: function () { return lastSaveFailed; }
  };
  window.roadmap.progress = api;

  // -- skill pages: the checklist ------------------------------------------------
  function setUpChecklist(list) {
    if (list.classList.contains("is-interactive")) return;
    var skill = list.dataset.skill;
    var items = Array.prototype.slice.call(list.querySelectorAll("li[data-key]"));
    var summary = document.createElement("p");
    summary.className = "skill-checklist__summary";
    summary.setAttribute("role", "status");
    summary.setAttribute("aria-live", "polite");
    list.parentNode.insertBefore(summary, list);

    function refresh(saved) {
      var done = api.ticked(skill);
      var count = items.filter(function (li) { return done.indexOf(li.dataset.key) !== -1; }).length;
      summary.textContent = count + " of " + items.length + " done" + (saved === false ? ". " + SAVE_FAILED : "");
    }

    items.forEach(function (li) {
      var id = "check-" + skill + "-" + li.dataset.key;
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.checked = api.ticked(skill).indexOf(li.dataset.key) !== -1;
      var text = document.createElement("span");
      while (li.firstChild) text.appendChild(li.firstChild);
      var label = document.createElement("label");
      label.htmlFor = id;
      label.appendChild(box);
      label.appendChild(text);
      li.appendChild(label);
      box.addEventListener("change", function () {
        refresh(api.setTick(skill, li.dataset.key, box.checked));
      });
    });
    list.classList.add("is-interactive");
    refresh();
  }

  // -- the Projects page: a "done" tick per project ---------------------------
  function setUpProject(card) {
    if (card.dataset.ready) return;
    card.dataset.ready = "1";
    var id = card.dataset.project;
    var line = document.createElement("p");
    line.className = "project__tick";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.id = "project-done-" + id;
    box.checked = api.projectDone(id);
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" I have finished this project"));
    var status = document.createElement("span");
    status.className = "project__status";
    status.setAttribute("role", "status");
    line.appendChild(label);
    line.appendChild(status);
    card.appendChild(line);
    box.addEventListener("change", function () {
      status.textContent = api.setProject(id, box.checked) ? "" : " " + SAVE_FAILED;
    });
  }

  // -- home page: the roadmap's counts and the progress panel ---------------------
  function totals(nodes) {
    var progress = load();
    var done = 0;
    var total = 0;
    nodes.forEach(function (node) {
      var keys = (node.dataset.keys || "").split(" ").filter(Boolean);
      var have = progress.checklist[node.dataset.skill] || [];
      var count = keys.filter(function (k) { return have.indexOf(k) !== -1; }).length;
      done += count;
      total += keys.length;
      node.querySelector(".roadmap__count").textContent = count + "/" + keys.length + " done";
      node.setAttribute("aria-label", node.dataset.label + ", " + count + " of " + keys.length + " items done");
      node.classList.toggle("is-complete", keys.length > 0 && count === keys.length);
    });
    var answered = 0;
    Object.keys(progress.quiz).forEach(function (skill) { answered += Object.keys(progress.quiz[skill]).length; });
    return "Your progress: " + done + " of " + total + " checklist items done across " + nodes.length +
      " skills, " + answered + " quiz answers given, " + progress.projects.length + " projects finished.";
  }

  function download(filename, text) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
  }

  function setUpPanel(panel, nodes) {
    if (panel.dataset.ready) return;
    panel.dataset.ready = "1";
    var overall = panel.querySelector(".progress-panel__overall");
    var file = panel.querySelector(".progress-panel__file");
    var refresh = function (note) { overall.textContent = totals(nodes) + (note ? " " + note : ""); };

    panel.addEventListener("click", function (event) {
      var action = event.target.closest("[data-progress-action]");
      if (!action) return;
      var what = action.dataset.progressAction;
      if (what === "export") {
        download("ml-engineer-roadmap-progress.json", exportText());
      } else if (what === "import") {
        file.click();
      } else if (what === "reset") {
        if (window.confirm("Clear all your ticks, quiz answers and projects on this device? This cannot be undone.")) {
          refresh(api.reset() ? "Progress cleared." : "This browser did not let the site clear its storage.");
        }
      }
    });

    file.addEventListener("change", function () {
      var chosen = file.files && file.files[0];
      if (!chosen) return;
      var finish = function () { file.value = ""; };
      if (chosen.size > LIMITS.bytes) {
        refresh("Could not import that file: it is " + Math.round(chosen.size / 1000) +
          " kB; a progress file is a few kB. Nothing was changed.");
        finish();
        return;
      }
      chosen.text().then(function (text) {
        var progress = parseExport(text);
        refresh(save(progress) ? "Progress imported." : SAVE_FAILED);
      }).catch(function (error) {
        refresh("Could not import that file: " + error.message + ". Nothing was changed.");
      }).then(finish);
    });

    panel.hidden = false;
    refresh();
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll("ul.skill-checklist[data-skill]"), setUpChecklist);
    Array.prototype.forEach.call(document.querySelectorAll(".project[data-project]"), setUpProject);
    var nodes = Array.prototype.slice.call(document.querySelectorAll(".roadmap__node[data-skill]"));
    var panel = document.querySelector(".progress-panel");
    if (panel) setUpPanel(panel, nodes);
    else if (nodes.length) totals(nodes);
  }

  window.roadmap.onPage(setUp);
})();
