// Shared by every explorable: the maths (a line-by-line copy of backprop.chain) and small DOM helpers.
// Each explorable's module is this file followed by its own; Python tests hold the numbers to backprop's.

function sigmoid(z) {            // exp only of -|z|: never overflows, accurate for any z
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}

function sigmoidPrime(z) {       // e / (1 + e)^2 with e = exp(-|z|)
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}

// The chain, one neuron per layer, for a batch of examples a0[i], y[i] (as backprop.chain).
function chainTrace(w, b, a0) {
  const a = [a0.slice()], z = [];
  for (let l = 0; l < w.length; l++) {
    z.push(a[l].map((x) => w[l] * x + b[l]));
    a.push(z[l].map(sigmoid));
  }
  return { a, z };
}

function chainGradients(w, b, a0, y) {
  const L = w.length, m = a0.length, { a, z } = chainTrace(w, b, a0);
  const dw = new Array(L).fill(0), db = new Array(L).fill(0), da = new Array(L);
  let cost = 0;
  for (let i = 0; i < m; i++) cost += (a[L][i] - y[i]) ** 2;
  let daL = a[L].map((x, i) => (2 * (x - y[i])) / m);
  for (let l = L; l >= 1; l--) {
    const dz = daL.map((d, i) => d * sigmoidPrime(z[l - 1][i]));
    let sw = 0, sb = 0;
    for (let i = 0; i < m; i++) { sw += dz[i] * a[l - 1][i]; sb += dz[i]; }
    dw[l - 1] = sw; db[l - 1] = sb;
    daL = dz.map((d) => d * w[l - 1]);
    da[l - 1] = daL;
  }
  return { cost: cost / m, w: dw, b: db, a: da, acts: a, zs: z };
}

// ---- the page's language: every visible string comes from a TEXT = {en: {...}, zh: {...}} table ----
function pageLang() {            // "zh" on a Chinese page (<html lang="zh-CN">), else "en"
  const lang = (document.documentElement.lang || "").toLowerCase();
  return lang.startsWith("zh") ? "zh" : "en";
}

function texts(TEXT) {           // the table for this page's language
  return TEXT[pageLang()] || TEXT.en;
}

// ---- DOM helpers ---------------------------------------------------------------------------
const SVGNS = "http://www.w3.org/2000/svg";

function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of [].concat(children)) el.append(c);
  return el;
}

function s(tag, attrs = {}) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

// An SVG <text> at (x, y); attrs may set "text-anchor", "class", ... (default class bp-bar-label).
function svgText(x, y, text, attrs = {}) {
  const t = s("text", { x, y, class: "bp-bar-label", ...attrs });
  t.textContent = text;
  return t;
}

function fmt(x) {                // readable text; the full value goes in data-value
  if (x === 0) return "0";
  const ax = Math.abs(x);
  return ax >= 1e-3 && ax < 1e4 ? x.toFixed(4) : x.toExponential(3);
}

// Neither the book (its formulas are typeset when it is built) nor JupyterLab has a page-wide MathJax: a
// label is then plain Unicode text (a⁽ᴸ⁻¹⁾), never raw TeX. A page that loads MathJax 3 gets the TeX typeset.
const PAGE_HAS_MATHJAX = [...document.scripts].some((s) => /\/tex-(mml-)?(chtml|svg)(-full)?\.js/.test(s.src));

function label(tex, plain) {     // TeX where the page typesets it, plain text elsewhere
  return PAGE_HAS_MATHJAX ? `\\(${tex}\\)` : plain;
}

function typeset(el) {
  const MJ = window.MathJax;
  if (!PAGE_HAS_MATHJAX || !MJ) return;
  if (MJ.typesetPromise) MJ.typesetPromise([el]).catch(() => {});
  else if (MJ.startup && MJ.startup.promise) MJ.startup.promise.then(() => MJ.typesetPromise([el]));
}

// A labelled slider <input type="range" data-param=name>; onInput(value) runs on every input event.
// aria: the words a screen reader speaks ("weight w1"); without it, the name.
// Integer steps show integers. Keys pressed on a slider stay with it: JupyterLab's shortcuts
// (arrow keys move between cells) would otherwise take them.
function slider(name, label, spec, value, onInput, aria) {
  const input = h("input", {
    type: "range", "data-param": name, min: spec.min, max: spec.max, step: spec.step,
    "aria-label": aria || name,
  });
  input.value = value;
  const show = (v) => (Number.isInteger(Number(spec.step)) ? String(v) : fmt(v));
  const out = h("output", { class: "bp-slider-value" }, show(Number(input.value)));
  input.addEventListener("input", () => {
    const v = Number(input.value);
    out.textContent = show(v);
    onInput(v);
  });
  input.addEventListener("keydown", (e) => e.stopPropagation());
  const row = h("label", { class: "bp-slider" }, [h("span", { class: "bp-label" }, label), input, out]);
  row.set = (v) => { input.value = v; out.textContent = show(Number(input.value)); };
  row.input = input;
  return row;
}

// A slider bound to the model's trait `name`: moving it sets p[name], redraws and saves to the kernel;
// Python setting the trait moves the slider and redraws (see followModel).
function bindSlider(model, p, name, label, aria, update) {
  const spec = model.get("ranges")[name];
  p[name] = model.get(name);
  const row = slider(name, label, spec, p[name], (v) => {
    p[name] = v; update(name); model.set(name, v); save(model);
  }, aria);
  model.on(`change:${name}`, () => {
    const v = model.get(name);
    if (v !== p[name]) { p[name] = v; row.set(v); update(name); }
  });
  return row;
}

// A numeric readout <span data-readout=name data-value=...>; integer = true shows an integer.
function readout(name, label, integer = false) {
  const val = h("span", { class: "bp-value", "data-readout": name, "data-value": "" });
  const row = h("div", { class: "bp-readout" }, [h("span", { class: "bp-label" }, label), val]);
  row.set = (x) => { val.dataset.value = String(x); val.textContent = integer ? String(Math.round(x)) : fmt(x); };
  return row;
}

// Horizontal bars for signed values, centred on zero, scaled to the largest magnitude
// (or to a fixed `scale`, labelled at both ends: bars beyond it are clipped and marked »).
// Each bar's value is printed in a column on the right.
function bars(svg, items, width, rowH, scale) {
  svg.replaceChildren();
  const maxAbs = scale || Math.max(1e-12, ...items.map((it) => Math.abs(it.value)));
  const valueW = 62, x0 = 52, mid = (x0 + width - valueW) / 2, half = mid - x0 - 4, top = scale ? 14 : 0;
  svg.append(s("line", { x1: mid, x2: mid, y1: top, y2: top + items.length * rowH, class: "bp-axis" }));
  if (scale) {
    for (const f of [-1, 1]) {
      svg.append(s("line", { x1: mid + f * half, x2: mid + f * half, y1: top, y2: top + items.length * rowH,
        class: "bp-grid" }), svgText(mid + f * half, 10, String(f * scale), { "text-anchor": "middle", class: "bp-tick" }));
    }
    svg.append(svgText(mid, 10, "0", { "text-anchor": "middle", class: "bp-tick" }));
  }
  items.forEach((it, k) => {
    const clipped = Math.abs(it.value) > maxAbs;
    const len = (Math.min(Math.abs(it.value), maxAbs) / maxAbs) * half;
    const x = it.value >= 0 ? mid : mid - len, y = top + k * rowH;
    svg.append(s("rect", { x, y: y + 4, width: Math.max(len, 0.5), height: rowH - 8,
      class: (it.value >= 0 ? "bp-bar-pos" : "bp-bar-neg") + (clipped ? " bp-clipped" : ""),
      "data-bar": it.key || it.label, "data-value": String(it.value) }),
    svgText(4, y + rowH / 2 + 4, it.label),
    svgText(width - 2, y + rowH / 2 + 4, (clipped ? "» " : "") + fmt(it.value), { "text-anchor": "end", class: "bp-bar-value" }));
  });
}

// Ticks for an axis from lo to hi: 1, 2, 5 × 10^k on a linear axis, the powers of ten on a log axis.
function ticks(lo, hi, log = false) {
  if (log) {
    const out = [];
    for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
    return out;
  }
  const span = hi - lo || 1, raw = span / 5, p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * p).find((st) => st >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

// A line chart with axes, ticks and axis labels into an <svg viewBox="0 0 W H">.
// series: [{points: [[x, y], ...], class}], opts: {W, H, xLabel, yLabel, logY, xMin, xMax, yMin, yMax}.
// Returns {X, Y}: the maps from data to SVG coordinates, for marks drawn on top.
function lineChart(svg, series, opts) {
  const W = opts.W || 300, H = opts.H || 180, left = 44, right = 8, top = 8, bottom = 34;
  const all = series.flatMap((sr) => sr.points);
  const xs = all.map((q) => q[0]), ys = all.map((q) => q[1]).filter((v) => !opts.logY || v > 0);
  const xMin = opts.xMin ?? Math.min(...xs), xMax = opts.xMax ?? Math.max(...xs, xMin + 1e-9);
  let yMin = opts.yMin ?? Math.min(...ys), yMax = opts.yMax ?? Math.max(...ys);
  if (opts.logY) {               // whole decades, so the ticks are labelled at both ends
    yMin = 10 ** Math.floor(Math.log10(Math.max(yMin, 1e-300)));
    yMax = 10 ** Math.ceil(Math.log10(Math.max(yMax, yMin * 10)));
    if (yMax <= yMin) yMax = yMin * 10;
  } else if (yMax - yMin < 1e-12) { yMax = yMin + 1; }
  const ty = (v) => (opts.logY ? Math.log10(Math.max(v, 1e-300)) : v);
  const X = (x) => left + ((x - xMin) / (xMax - xMin || 1)) * (W - left - right);
  const Y = (y) => top + (1 - (ty(y) - ty(yMin)) / (ty(yMax) - ty(yMin))) * (H - top - bottom);
  svg.replaceChildren();
  svg.append(s("line", { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: "bp-axis" }),
    s("line", { x1: left, x2: left, y1: top, y2: H - bottom, class: "bp-axis" }));
  for (const v of ticks(yMin, yMax, opts.logY)) {
    svg.append(s("line", { x1: left, x2: W - right, y1: Y(v), y2: Y(v), class: "bp-grid" }),
      svgText(left - 3, Y(v) + 3, opts.logY ? `1e${Math.round(Math.log10(v))}` : String(+v.toPrecision(6)),
        { "text-anchor": "end", class: "bp-tick" }));
  }
  for (const v of ticks(xMin, xMax)) {
    svg.append(s("line", { x1: X(v), x2: X(v), y1: H - bottom, y2: H - bottom + 3, class: "bp-axis" }),
      svgText(X(v), H - bottom + 13, String(+v.toPrecision(6)), { "text-anchor": "middle", class: "bp-tick" }));
  }
  if (opts.xLabel) svg.append(svgText((left + W - right) / 2, H - 4, opts.xLabel, { "text-anchor": "middle" }));
  if (opts.yLabel) {
    svg.append(svgText(-(top + H - bottom) / 2, 10, opts.yLabel,
      { "text-anchor": "middle", transform: "rotate(-90)" }));
  }
  for (const sr of series) {
    svg.append(s("polyline", { class: sr.class || "bp-cost-line", "data-y": sr.points.map((q) => q[1]).join(","),
      points: sr.points.map(([x, y]) => `${X(x).toFixed(2)},${Y(y).toFixed(2)}`).join(" ") }));
  }
  return { X, Y };
}

// When Python sets a parameter (in a live kernel), move its slider and redraw.
function followModel(model, names, p, sliders, update) {
  for (const k of names) {
    model.on(`change:${k}`, () => {
      const v = model.get(k);
      if (v !== p[k]) { p[k] = v; sliders[k].set(v); update(); }
    });
  }
}

// Save a change to the kernel when there is one; a static page has no kernel to save to.
function save(model) {
  try { model.save_changes(); } catch (e) { /* static HTML: no comm, nothing to sync */ }
}

// A seeded shuffle, the same in Python (backprop.explorables._order): the Park–Miller generator
// state ← 48271·state mod (2³¹ − 1) (exact in doubles), and a Fisher–Yates shuffle of 0..m−1.
// shuffledOrder(m, seed, n): the first n indices of a stream of permutations, a new one per epoch.
function shuffledOrder(m, seed, n) {
  const M = 2147483647, out = [];
  let state = (seed % (M - 1)) + 1;
  while (out.length < n) {
    const idx = [...Array(m).keys()];
    for (let i = m - 1; i > 0; i--) {
      state = (state * 48271) % M;
      const j = state % (i + 1);
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    out.push(...idx);
  }
  return out.slice(0, n);
}
