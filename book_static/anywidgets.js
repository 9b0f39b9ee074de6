// The page's saved anywidgets (the explorables), drawn with no widget manager, no require.js, no network.
// Pages whose notebook saved widget state load this one plain script (MyST-NB's nb_ipywidgets_js in
// _config.yml). It reads the stored state (<script type="application/vnd.jupyter.widget-state+json">),
// makes one small model per anywidget (anywidget's host contract: get, set, on, off, save_changes, send;
// "change:<name>" events), imports the widget's stored ES module (its _esm, from a blob: URL, which a
// plain script may import() from file:// pages too), adds its _css once, and renders it where each view
// script (application/vnd.jupyter.widget-view+json) stands: initialize({model}) once, render({model, el})
// per view. There is no kernel: save_changes and send do nothing.
// A widget this loader cannot draw (a plain ipywidgets control, an Output widget, a link between widgets)
// is a console error and a visible note in its place, never a silent gap (the browser tests fail on any
// console error; _ext/book_ext.py fails the build first).
(function () {
  "use strict";
  var STATE = "application/vnd.jupyter.widget-state+json";
  var VIEW = "application/vnd.jupyter.widget-view+json";
  // models that may sit in the state without being drawn: the layout every DOM widget points to
  var PASSIVE = { "@jupyter-widgets/base": { LayoutModel: true } };

  function same(a, b) {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    return JSON.stringify(a) === JSON.stringify(b);
  }

  function Model(id, state) {
    this.model_id = id;
    this._state = state;
    this._on = {};
  }
  Model.prototype.get = function (name) {
    return this._state[name];
  };
  Model.prototype.set = function (name, value) {
    var changes = {};
    if (typeof name === "object" && name !== null) changes = name;
    else changes[name] = value;
    var changed = [];
    for (var k in changes) {
      if (!same(this._state[k], changes[k])) {
        this._state[k] = changes[k];
        changed.push(k);
      }
    }
    for (var i = 0; i < changed.length; i++) this._emit("change:" + changed[i], [this, this._state[changed[i]]]);
    if (changed.length) this._emit("change", [this]);
  };
  Model.prototype.on = function (events, cb, ctx) {
    var names = String(events).split(/\s+/);
    for (var i = 0; i < names.length; i++) {
      if (!names[i]) continue;
      (this._on[names[i]] = this._on[names[i]] || []).push({ cb: cb, ctx: ctx });
    }
  };
  Model.prototype.off = function (events, cb) {
    if (!events) {
      if (!cb) { this._on = {}; return; }
      events = Object.keys(this._on).join(" ");
    }
    var names = String(events).split(/\s+/);
    for (var i = 0; i < names.length; i++) {
      var list = this._on[names[i]];
      if (!list) continue;
      this._on[names[i]] = cb ? list.filter(function (h) { return h.cb !== cb; }) : [];
    }
  };
  Model.prototype._emit = function (name, args) {
    var list = (this._on[name] || []).slice();
    for (var i = 0; i < list.length; i++) list[i].cb.apply(list[i].ctx || this, args);
  };
  Model.prototype.save_changes = function () {};   // no kernel to sync with
  Model.prototype.send = function () {};           // no kernel to hear custom messages

  function fail(where, why) {
    console.error("anywidgets.js: " + why);
    if (where) {
      var note = document.createElement("p");
      note.className = "anywidget-error";
      note.setAttribute("role", "alert");
      note.textContent = "This interactive figure cannot be shown here: " + why;
      where.parentNode.insertBefore(note, where);
    }
  }

  function readState() {
    var models = {};
    var scripts = document.querySelectorAll('script[type="' + STATE + '"]');
    for (var i = 0; i < scripts.length; i++) {
      var state;
      try {
        state = JSON.parse(scripts[i].textContent).state || {};
      } catch (e) {
        fail(scripts[i], "the saved widget state is not valid JSON (" + e + ")");
        continue;
      }
      for (var id in state) {
        var m = state[id];
        if (m.model_module === "anywidget") models[id] = { model: new Model(id, m.state || {}), passive: false };
        else if ((PASSIVE[m.model_module] || {})[m.model_name]) models[id] = { passive: true };
        else fail(null, "widget " + id + " is a " + m.model_module + " " + m.model_name +
                  ", which only a Jupyter widget manager draws");
      }
    }
    return models;
  }

  var modules = {};   // _esm text -> promise of the widget object ({render, initialize})
  var styled = {};    // _css already added

  function widgetOf(esm) {
    if (!modules[esm]) {
      var url = URL.createObjectURL(new Blob([esm], { type: "text/javascript" }));
      modules[esm] = import(url).then(function (mod) {
        var def = mod.default;
        return typeof def === "function" ? def() : (def || mod);
      });
    }
    return modules[esm];
  }

  function addCss(css) {
    if (!css || styled[css]) return;
    styled[css] = true;
    var style = document.createElement("style");
    style.textContent = css;
    document.head.appendChild(style);
  }

  var initialized = {};

  function renderView(script, entry) {
    var model = entry.model;
    var area = document.createElement("div");
    area.className = "widget-subarea";
    var el = document.createElement("div");
    el.className = ["jupyter-widgets"].concat(model.get("_dom_classes") || []).join(" ");
    area.appendChild(el);
    script.parentNode.insertBefore(area, script);
    addCss(model.get("_css"));
    return widgetOf(model.get("_esm")).then(function (widget) {
      var ready = initialized[model.model_id];
      if (!ready) {
        ready = initialized[model.model_id] = Promise.resolve(
          widget.initialize ? widget.initialize({ model: model, experimental: {} }) : undefined);
      }
      return ready.then(function () {
        if (!widget.render) throw new Error("its module has no render()");
        return widget.render({ model: model, el: el, experimental: {} });
      });
    }).catch(function (e) {
      fail(area, "widget " + model.model_id + " failed to render (" + e + ")");
    });
  }

  function start() {
    var models = readState();
    var views = document.querySelectorAll('script[type="' + VIEW + '"]');
    for (var i = 0; i < views.length; i++) {
      var id;
      try {
        id = JSON.parse(views[i].textContent).model_id;
      } catch (e) {
        fail(views[i], "a widget view is not valid JSON (" + e + ")");
        continue;
      }
      var entry = models[id];
      if (!entry) fail(views[i], "widget " + id + " has no saved state");
      else if (entry.passive || !entry.model) fail(views[i], "widget " + id + " is not an anywidget");
      else renderView(views[i], entry);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
