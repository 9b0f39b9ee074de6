// maths.js
function sigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
}
function sigmoidPrime(z) {
  const e = Math.exp(-Math.abs(z));
  return e / ((1 + e) * (1 + e));
}
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
  let daL = a[L].map((x, i) => 2 * (x - y[i]) / m);
  for (let l = L; l >= 1; l--) {
    const dz = daL.map((d, i) => d * sigmoidPrime(z[l - 1][i]));
    let sw = 0, sb = 0;
    for (let i = 0; i < m; i++) {
      sw += dz[i] * a[l - 1][i];
      sb += dz[i];
    }
    dw[l - 1] = sw;
    db[l - 1] = sb;
    daL = dz.map((d) => d * w[l - 1]);
    da[l - 1] = daL;
  }
  return { cost: cost / m, w: dw, b: db, a: da, acts: a, zs: z };
}

// dom.js
var SVG_NS = "http://www.w3.org/2000/svg";
function htmlEl(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of [].concat(children)) el.append(c);
  return el;
}
function svgEl(tag, attrs = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}
function svgText(x, y, text, attrs = {}) {
  const t = svgEl("text", { x, y, class: "bp-bar-label", ...attrs });
  t.textContent = text;
  return t;
}
function fmt(x) {
  if (x === 0) return "0";
  const ax = Math.abs(x);
  return ax >= 1e-3 && ax < 1e4 ? x.toFixed(4) : x.toExponential(3);
}
function pageLang() {
  const lang = (document.documentElement.lang || "").toLowerCase();
  return lang.startsWith("zh") ? "zh" : "en";
}
function texts(TEXT2) {
  return TEXT2[pageLang()] || TEXT2.en;
}
function pageHasMathJax() {
  return [...document.scripts].some((el) => /\/tex-(mml-)?(chtml|svg)(-full)?\.js/.test(el.src));
}
function label(tex, plain) {
  return pageHasMathJax() ? `\\(${tex}\\)` : plain;
}
function typeset(el) {
  const MJ = window.MathJax;
  if (!pageHasMathJax() || !MJ) return;
  if (MJ.typesetPromise) MJ.typesetPromise([el]).catch(() => {
  });
  else if (MJ.startup && MJ.startup.promise) MJ.startup.promise.then(() => MJ.typesetPromise([el]));
}

// controls.js
function frame(name, children, cls = "") {
  return htmlEl("div", {
    class: `bp-explorable ${cls}`.trim(),
    "data-explorable": name,
    "data-lm-suppress-shortcuts": "true"
  }, children);
}
function params(model) {
  return model.get("params");
}
function slider(name, label2, spec, value, onInput, aria) {
  const input = htmlEl("input", {
    type: "range",
    "data-param": name,
    min: spec.min,
    max: spec.max,
    step: spec.step,
    "aria-label": aria || name
  });
  input.value = value;
  const show = (v) => Number.isInteger(Number(spec.step)) ? String(v) : fmt(v);
  const out = htmlEl("output", { class: "bp-slider-value" }, show(Number(input.value)));
  input.addEventListener("input", () => {
    const v = Number(input.value);
    out.textContent = show(v);
    onInput(v);
  });
  input.addEventListener("keydown", (e) => e.stopPropagation());
  const row = htmlEl("label", { class: "bp-slider" }, [htmlEl("span", { class: "bp-label" }, label2), input, out]);
  row.set = (v, exact = false) => {
    input.value = v;
    out.textContent = exact ? fmt(v) : show(Number(input.value));
  };
  return row;
}
function save(model) {
  try {
    model.save_changes();
  } catch (e) {
  }
}
function bindSlider(model, p, name, label2, aria, update) {
  const spec = model.get("ranges")[name];
  p[name] = model.get(name);
  const row = slider(name, label2, spec, p[name], (v) => {
    p[name] = v;
    update(name);
    model.set(name, v);
    save(model);
  }, aria);
  model.on(`change:${name}`, () => {
    const v = model.get(name);
    if (v !== p[name]) {
      p[name] = v;
      row.set(v);
      update(name);
    }
  });
  return row;
}
function readoutCell(name, integer = false) {
  const val = htmlEl("span", { class: "bp-value", "data-readout": name, "data-value": "" });
  val.set = (x) => {
    val.dataset.value = String(x);
    val.textContent = integer ? String(Math.round(x)) : fmt(x);
  };
  return val;
}
function readout(name, label2, integer = false) {
  const val = readoutCell(name, integer);
  const row = htmlEl("div", { class: "bp-readout" }, [htmlEl("span", { class: "bp-label" }, label2), val]);
  row.set = val.set;
  return row;
}
function readouts(list) {
  return Object.fromEntries(list.map(([key, text]) => [key, readout(key, text)]));
}

// charts.js
function bars(svg, items, width, rowH, scale) {
  svg.replaceChildren();
  const maxAbs = scale || Math.max(1e-12, ...items.map((it) => Math.abs(it.value)));
  const valueW = 62, x0 = 52, mid = (x0 + width - valueW) / 2, half = mid - x0 - 4, top = scale ? 14 : 0;
  svg.append(svgEl("line", { x1: mid, x2: mid, y1: top, y2: top + items.length * rowH, class: "bp-axis" }));
  if (scale) {
    for (const f of [-1, 1]) {
      svg.append(svgEl("line", {
        x1: mid + f * half,
        x2: mid + f * half,
        y1: top,
        y2: top + items.length * rowH,
        class: "bp-grid"
      }), svgText(mid + f * half, 10, String(f * scale), { "text-anchor": "middle", class: "bp-tick" }));
    }
    svg.append(svgText(mid, 10, "0", { "text-anchor": "middle", class: "bp-tick" }));
  }
  items.forEach((it, k) => {
    const clipped = Math.abs(it.value) > maxAbs;
    const len = Math.min(Math.abs(it.value), maxAbs) / maxAbs * half;
    const x = it.value >= 0 ? mid : mid - len, y = top + k * rowH;
    svg.append(
      svgEl("rect", {
        x,
        y: y + 4,
        width: Math.max(len, 0.5),
        height: rowH - 8,
        class: (it.value >= 0 ? "bp-bar-pos" : "bp-bar-neg") + (clipped ? " bp-clipped" : ""),
        "data-bar": it.key || it.label,
        "data-value": String(it.value)
      }),
      svgText(4, y + rowH / 2 + 4, it.label),
      svgText(width - 2, y + rowH / 2 + 4, (clipped ? "» " : "") + fmt(it.value), { "text-anchor": "end", class: "bp-bar-value" })
    );
  });
}
function ticks(lo, hi, log = false) {
  if (log) {
    const out2 = [];
    for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out2.push(10 ** e);
    return out2;
  }
  const span = hi - lo || 1, raw = span / 5, p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * p).find((st) => st >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}
function lineChart(svg, series, opts) {
  const W = opts.W || 300, H = opts.H || 180, left = 44, right = 8, top = 8, bottom = 34;
  const all = series.flatMap((sr) => sr.points);
  const xs = all.map((q) => q[0]), ys = all.map((q) => q[1]).filter((v) => !opts.logY || v > 0);
  const xMin = opts.xMin ?? Math.min(...xs), xMax = opts.xMax ?? Math.max(...xs, xMin + 1e-9);
  let yMin = opts.yMin ?? Math.min(...ys), yMax = opts.yMax ?? Math.max(...ys);
  if (opts.logY) {
    yMin = 10 ** Math.floor(Math.log10(Math.max(yMin, 1e-300)));
    yMax = 10 ** Math.ceil(Math.log10(Math.max(yMax, yMin * 10)));
    if (yMax <= yMin) yMax = yMin * 10;
  } else if (yMax - yMin < 1e-12) {
    yMax = yMin + 1;
  }
  const ty = (v) => opts.logY ? Math.log10(Math.max(v, 1e-300)) : v;
  const X = (x) => left + (x - xMin) / (xMax - xMin || 1) * (W - left - right);
  const Y = (y) => top + (1 - (ty(y) - ty(yMin)) / (ty(yMax) - ty(yMin))) * (H - top - bottom);
  svg.replaceChildren();
  svg.append(
    svgEl("line", { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: "bp-axis" }),
    svgEl("line", { x1: left, x2: left, y1: top, y2: H - bottom, class: "bp-axis" })
  );
  for (const v of ticks(yMin, yMax, opts.logY)) {
    svg.append(
      svgEl("line", { x1: left, x2: W - right, y1: Y(v), y2: Y(v), class: "bp-grid" }),
      svgText(
        left - 3,
        Y(v) + 3,
        opts.logY ? `1e${Math.round(Math.log10(v))}` : String(+v.toPrecision(6)),
        { "text-anchor": "end", class: "bp-tick" }
      )
    );
  }
  for (const v of ticks(xMin, xMax)) {
    svg.append(
      svgEl("line", { x1: X(v), x2: X(v), y1: H - bottom, y2: H - bottom + 3, class: "bp-axis" }),
      svgText(X(v), H - bottom + 13, String(+v.toPrecision(6)), { "text-anchor": "middle", class: "bp-tick" })
    );
  }
  if (opts.xLabel) svg.append(svgText((left + W - right) / 2, H - 4, opts.xLabel, { "text-anchor": "middle" }));
  if (opts.yLabel) {
    svg.append(svgText(
      -(top + H - bottom) / 2,
      10,
      opts.yLabel,
      { "text-anchor": "middle", transform: "rotate(-90)" }
    ));
  }
  for (const sr of series) {
    svg.append(svgEl("polyline", {
      class: sr.class || "bp-cost-line",
      "data-y": sr.points.map((q) => q[1]).join(","),
      points: sr.points.map(([x, y]) => `${X(x).toFixed(2)},${Y(y).toFixed(2)}`).join(" ")
    }));
  }
  return { X, Y };
}

// neuron.js
var SCALE = 0.5;
var TEXT = {
  en: {
    aria: { w: "weight w", b: "bias b", a: "input activation a of layer L minus 1", y: "target y" },
    z: "weighted input",
    a_L: "output",
    sigma_prime_z: "slope of the sigmoid",
    C: "cost",
    bars: "wish −∂C/∂θ for each knob (per unit of η: the step is η times it), fixed scale ±0.5; » marks a bar past the edge",
    barsAria: "bars of the wishes minus dC/dw, minus dC/db and minus dC/da",
    curveAria: "the cost as a function of the parameter moved last, with its tangent",
    curveY: "cost C₀",
    curve: (k) => `C₀ against ${k} (the other sliders fixed); dashed: the tangent, slope ∂C/∂${k}`
  },
  zh: {
    aria: { w: "权重 w", b: "偏置 b", a: "上一层的输入激活值 a", y: "目标值 y" },
    z: "加权输入",
    a_L: "输出",
    sigma_prime_z: "S 型函数的斜率",
    C: "代价",
    bars: "对每个量的期望 −∂C/∂θ（每单位学习率：调整是它的 η 倍），固定刻度 ±0.5；» 表示超出边缘",
    barsAria: "期望 −∂C/∂w、−∂C/∂b、−∂C/∂a 的条形图",
    curveAria: "代价随最后移动的参数变化的曲线及其切线",
    curveY: "代价 C₀",
    curve: (k) => `C₀ 随 ${k} 的变化（其余滑块不变）；虚线为切线，斜率 ∂C/∂${k}`
  }
};
function neuronValues(p) {
  const g = chainGradients([p.w], [p.b], [p.a], [p.y]);
  const z = g.zs[0][0];
  return {
    z,
    a_L: g.acts[1][0],
    sigma_prime_z: sigmoidPrime(z),
    C: g.cost,
    dC_dw: g.w[0],
    dC_db: g.b[0],
    dC_da: g.a[0][0]
  };
}
function drawCurve(svg, caption, T, spec, p, moving, v) {
  const r = spec[moving], n = 121, pts = [];
  for (let i = 0; i < n; i++) {
    const x = r.min + (r.max - r.min) * i / (n - 1);
    pts.push([x, neuronValues({ ...p, [moving]: x }).C]);
  }
  const name = moving === "a" ? "a(L−1)" : moving;
  const { X, Y } = lineChart(svg, [{ points: pts }], { W: 300, H: 180, xLabel: name, yLabel: T.curveY, yMin: 0 });
  const slope = { w: v.dC_dw, b: v.dC_db, a: v.dC_da }[moving], x0 = p[moving];
  const cMax = Math.max(...pts.map((q) => q[1]), 1e-9);
  const dx = Math.min((r.max - r.min) / 8, 0.25 * cMax / Math.max(Math.abs(slope), 1e-12));
  let lo = Math.max(-dx, r.min - x0), hi = Math.min(dx, r.max - x0);
  if (slope !== 0) {
    const t0 = (0 - v.C) / slope, t1 = (cMax - v.C) / slope;
    lo = Math.max(lo, Math.min(t0, t1));
    hi = Math.min(hi, Math.max(t0, t1));
  }
  svg.append(
    svgEl("line", {
      x1: X(x0 + lo),
      y1: Y(v.C + slope * lo),
      x2: X(x0 + hi),
      y2: Y(v.C + slope * hi),
      class: "bp-tangent"
    }),
    svgEl("circle", { cx: X(x0), cy: Y(v.C), r: 4, class: "bp-point" })
  );
  caption.textContent = T.curve(name);
}
function render({ model, el }) {
  const T = texts(TEXT), p = {}, spec = model.get("ranges");
  let moving = "w";
  const labels = { w: label("w", "w"), b: label("b", "b"), a: label("a^{(L-1)}", "a⁽ᴸ⁻¹⁾"), y: label("y", "y") };
  const sliders = params(model).map((k) => bindSlider(model, p, k, labels[k], T.aria[k], (name) => {
    if (name !== "y") moving = name;
    update();
  }));
  const outs = readouts([
    ["z", `${T.z} ${label("z = wa + b", "z = wa + b")}`],
    ["a_L", `${T.a_L} ${label("a^{(L)} = \\sigma(z)", "a⁽ᴸ⁾ = σ(z)")}`],
    ["sigma_prime_z", `${T.sigma_prime_z} ${label("\\sigma'(z)", "σ′(z)")}`],
    ["C", `${T.C} ${label("C_0", "C₀")}`],
    ["dC_dw", label("\\partial C_0/\\partial w", "∂C₀/∂w")],
    ["dC_db", label("\\partial C_0/\\partial b", "∂C₀/∂b")],
    ["dC_da", label("\\partial C_0/\\partial a^{(L-1)}", "∂C₀/∂a⁽ᴸ⁻¹⁾")]
  ]);
  const barSvg = svgEl("svg", { class: "bp-bars", viewBox: "0 0 300 98", role: "img", "aria-label": T.barsAria });
  const curveSvg = svgEl("svg", { class: "bp-curve", viewBox: "0 0 300 180", role: "img", "aria-label": T.curveAria });
  const caption = htmlEl("div", { class: "bp-caption", "data-caption": "curve" });
  el.append(frame("neuron", [
    htmlEl("div", { class: "bp-controls" }, sliders),
    htmlEl("div", { class: "bp-readouts" }, Object.values(outs)),
    htmlEl("div", { class: "bp-plots" }, [
      htmlEl("div", {}, [barSvg, htmlEl("div", { class: "bp-caption", "data-caption": "bars" }, T.bars)]),
      htmlEl("div", {}, [curveSvg, caption])
    ])
  ]));
  function update() {
    const v = neuronValues(p);
    for (const k in outs) outs[k].set(v[k]);
    bars(barSvg, [
      { key: "w", label: "−∂C/∂w", value: -v.dC_dw },
      { key: "b", label: "−∂C/∂b", value: -v.dC_db },
      { key: "a", label: "−∂C/∂a", value: -v.dC_da }
    ], 300, 28, SCALE);
    drawCurve(curveSvg, caption, T, spec, p, moving, v);
  }
  update();
  typeset(el);
}
var neuron_default = { render };
export {
  neuron_default as default,
  neuronValues
};
