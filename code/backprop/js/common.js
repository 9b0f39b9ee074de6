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

function fmt(x) {                // readable text; the full value goes in data-value
  if (x === 0) return "0";
  const ax = Math.abs(x);
  return ax >= 1e-3 && ax < 1e4 ? x.toFixed(4) : x.toExponential(3);
}

// The book loads MathJax 3 as a page script; JupyterLab renders its own math and has no page-wide
// MathJax, so there a label falls back to plain Unicode text instead of showing raw TeX.
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
function slider(name, label, spec, value, onInput) {
  const input = h("input", {
    type: "range", "data-param": name, min: spec.min, max: spec.max, step: spec.step,
    "aria-label": name,
  });
  input.value = value;
  const out = h("output", { class: "bp-slider-value" }, fmt(value));
  input.addEventListener("input", () => {
    const v = Number(input.value);
    out.textContent = fmt(v);
    onInput(v);
  });
  const row = h("label", { class: "bp-slider" }, [h("span", { class: "bp-label" }, label), input, out]);
  row.set = (v) => { input.value = v; out.textContent = fmt(Number(input.value)); };
  return row;
}

// A numeric readout <span data-readout=name data-value=...>.
function readout(name, label) {
  const val = h("span", { class: "bp-value", "data-readout": name, "data-value": "" });
  const row = h("div", { class: "bp-readout" }, [h("span", { class: "bp-label" }, label), val]);
  row.set = (x) => { val.dataset.value = String(x); val.textContent = fmt(x); };
  return row;
}

// Horizontal bars for signed values, centred on zero, scaled to the largest magnitude.
function bars(svg, items, width, rowH) {
  svg.replaceChildren();
  const maxAbs = Math.max(1e-12, ...items.map((it) => Math.abs(it.value)));
  const mid = width / 2 + 40, half = width / 2 - 50;
  svg.append(s("line", { x1: mid, x2: mid, y1: 0, y2: items.length * rowH, class: "bp-axis" }));
  items.forEach((it, k) => {
    const len = (Math.abs(it.value) / maxAbs) * half;
    const x = it.value >= 0 ? mid : mid - len;
    svg.append(s("rect", { x, y: k * rowH + 4, width: Math.max(len, 0.5), height: rowH - 8,
      class: it.value >= 0 ? "bp-bar-pos" : "bp-bar-neg" }));
    const t = s("text", { x: 4, y: k * rowH + rowH / 2 + 4, class: "bp-bar-label" });
    t.textContent = it.label;
    svg.append(t);
  });
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
