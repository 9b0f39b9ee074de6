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
function shuffledOrder(m, seed, n) {
  const M = 2147483647, out = [];
  let state = seed % (M - 1) + 1;
  while (out.length < n) {
    const idx = [...Array(m).keys()];
    for (let i = m - 1; i > 0; i--) {
      state = state * 48271 % M;
      const j = state % (i + 1);
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    out.push(...idx);
  }
  return out.slice(0, n);
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
function button(action, text, onClick, aria) {
  const b = htmlEl("button", { type: "button", "data-action": action, ...aria ? { "aria-label": aria } : {} }, text);
  b.addEventListener("click", onClick);
  return b;
}

// charts.js
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

// descent.js
var TEXT = {
  en: {
    lr: "learning rate",
    batch: "batch size",
    aria: { lr: "learning rate η", batch_size: "batch size" },
    J: "cost J on all examples",
    step: "steps taken",
    stepBtn: "Step",
    run: (n) => `Run ${n} steps`,
    reset: "Reset",
    chartAria: "the cost J on all examples against the steps taken, log scale",
    x: "steps taken",
    y: "cost J (log scale)",
    caption: (B, m) => `Batch size ${B} of ${m} examples; each step uses the next ${B} of a shuffled order, reshuffled every epoch. Moving a slider starts again from the same weights.`
  },
  zh: {
    lr: "学习率",
    batch: "小批量大小",
    aria: { lr: "学习率 η", batch_size: "小批量大小" },
    J: "全部样本上的代价 J",
    step: "已走步数",
    stepBtn: "走一步",
    run: (n) => `连续走 ${n} 步`,
    reset: "重置",
    chartAria: "全部样本上的代价 J 随步数的变化，对数刻度",
    x: "已走步数",
    y: "代价 J（对数刻度）",
    caption: (B, m) => `小批量大小 ${B}（共 ${m} 个样本）；每步取打乱顺序中的下 ${B} 个样本，每个周期重新打乱。移动滑块会从相同的权重重新开始。`
  }
};
function descentBatch(m, seed, B, j, order) {
  if (order.length < (j + 1) * B) order = shuffledOrder(m, seed, Math.max(2 * (j + 1) * B, 4 * m));
  return { idx: order.slice(j * B, (j + 1) * B), order };
}
function descentStep(theta, data, lr, idx) {
  const g = chainGradients(theta.w, theta.b, idx.map((i) => data.a0[i]), idx.map((i) => data.y[i]));
  theta.w = theta.w.map((x, l) => x - lr * g.w[l]);
  theta.b = theta.b.map((x, l) => x - lr * g.b[l]);
}
function render({ model, el }) {
  const T = texts(TEXT);
  const data = { a0: model.get("a0"), y: model.get("y") }, m = data.a0.length, RUN = model.get("run_steps");
  const start = () => ({ w: model.get("w0").slice(), b: model.get("b0").slice() });
  const p = {};
  let theta = start(), k = 0, costs = [], timer = null, order = [];
  const J = () => chainGradients(theta.w, theta.b, data.a0, data.y).cost;
  const lrSlider = bindSlider(model, p, "lr", `${T.lr} ${label("\\eta", "η")}`, T.aria.lr, () => {
    stop();
    reset();
  });
  const bSlider = bindSlider(model, p, "batch_size", T.batch, T.aria.batch_size, () => {
    stop();
    reset();
  });
  const outJ = readout("J", `${T.J}`), outK = readout("step", T.step, true);
  const svg = svgEl("svg", { class: "bp-curve", viewBox: "0 0 300 190", role: "img", "aria-label": T.chartAria });
  const caption = htmlEl("div", { class: "bp-caption" });
  const root = frame("descent", [
    htmlEl("div", { class: "bp-controls" }, [
      lrSlider,
      bSlider,
      htmlEl("div", { class: "bp-buttons" }, [
        button("step", T.stepBtn, () => {
          stop();
          advance(1);
        }),
        button("run", T.run(RUN), run),
        button("reset", T.reset, () => {
          stop();
          reset();
        })
      ])
    ]),
    htmlEl("div", { class: "bp-readouts" }, [outJ, outK]),
    htmlEl("div", { class: "bp-plots" }, [htmlEl("div", {}, [svg, caption])])
  ]);
  Object.assign(root.dataset, { running: "false", batch: "" });
  el.append(root);
  function advance(n) {
    for (let i = 0; i < n; i++) {
      let idx;
      ({ idx, order } = descentBatch(m, model.get("seed"), p.batch_size, k, order));
      descentStep(theta, data, p.lr, idx);
      k += 1;
      costs.push(J());
      root.dataset.batch = idx.join(",");
    }
    draw();
  }
  function run() {
    stop();
    let left = RUN;
    root.dataset.running = "true";
    timer = setInterval(() => {
      const n = Math.min(5, left);
      advance(n);
      left -= n;
      if (left <= 0) stop();
    }, 30);
  }
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    root.dataset.running = "false";
  }
  function reset() {
    theta = start();
    k = 0;
    order = [];
    costs = [J()];
    root.dataset.batch = "";
    draw();
  }
  function draw() {
    outJ.set(costs[costs.length - 1]);
    outK.set(k);
    lineChart(
      svg,
      [{ points: costs.map((c, i) => [i, c]) }],
      { W: 300, H: 190, xMin: 0, xMax: Math.max(costs.length - 1, RUN), logY: true, xLabel: T.x, yLabel: T.y }
    );
    caption.textContent = T.caption(p.batch_size, m);
  }
  reset();
  typeset(el);
}
var descent_default = { render };
export {
  descent_default as default,
  descentBatch,
  descentStep
};
