// maths.js
function sigmoid(z) {
  const e = Math.exp(-Math.abs(z));
  return z >= 0 ? 1 / (1 + e) : e / (1 + e);
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
function svgText(x, y, text2, attrs = {}) {
  const t = svgEl("text", { x, y, class: "bp-bar-label", ...attrs });
  t.textContent = text2;
  return t;
}
function fmt(x) {
  if (x === 0) return "0";
  const ax = Math.abs(x);
  return ax >= 1e-3 && ax < 1e4 ? x.toFixed(4) : x.toExponential(3);
}
var SUB = "₀₁₂₃";
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
function sliderGroup(title, rows) {
  return htmlEl("fieldset", {}, [htmlEl("legend", {}, title), ...rows]);
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
  return Object.fromEntries(list.map(([key, text2]) => [key, readout(key, text2)]));
}
function button(action, text2, onClick, aria) {
  const b = htmlEl("button", { type: "button", "data-action": action, ...aria ? { "aria-label": aria } : {} }, text2);
  b.addEventListener("click", onClick);
  return b;
}
function silenceButtons(model, p, sliders, T, output, update, n = 2) {
  return [...Array(n).keys()].map((j) => button(`match${j}`, T.match(j), () => {
    const y = output(j), name = `y${j}`;
    p[name] = y;
    sliders[name].set(y, true);
    update(name);
    model.set(name, y);
    save(model);
  }, T.matchAria(j)));
}

// charts.js
function wishArrow(x, y, wish, { scale, length, width, cls, key }) {
  const g = svgEl("g", { class: cls, "data-arrow": key, "data-value": String(wish) });
  const clipped = Math.abs(wish) > scale;
  const f = Math.min(Math.abs(wish) / scale, 1), len = length * f, wdt = 1 + width * f, dir = wish > 0 ? -1 : 1;
  if (len < 0.5) {
    g.setAttribute("display", "none");
    return g;
  }
  const head = Math.min(len, Math.max(0.6 * len, 4), 5 + 1.5 * wdt);
  const tip = (at) => svgEl("polygon", { points: `${x - 3 - wdt},${y + dir * (at - head)} ${x + 3 + wdt},${y + dir * (at - head)} ${x},${y + dir * at}`, stroke: "none" });
  g.append(svgEl("line", { x1: x, y1: y, x2: x, y2: y + dir * (len - head), "stroke-width": wdt }), tip(len));
  if (clipped) {
    g.setAttribute("data-clipped", "");
    g.append(tip(len - head));
  }
  return g;
}

// recursion.js
var NAME = { 0: (i) => `x${SUB[i]}`, 1: (k) => `a⁽¹⁾${SUB[k]}`, 2: (j) => `a⁽²⁾${SUB[j]}` };
var TEXT = {
  en: {
    groups: ["inputs x = a⁽⁰⁾", "targets y", "hidden biases b⁽¹⁾"],
    aria: {
      x0: "input x 0",
      x1: "input x 1",
      y0: "target y 0 of output neuron 0",
      y1: "target y 1 of output neuron 1",
      b1_0: "bias of hidden neuron 0",
      b1_1: "bias of hidden neuron 1",
      b1_2: "bias of hidden neuron 2"
    },
    match: (j) => `silence output ${j}: set y${SUB[j]} to its output`,
    matchAria: (j) => `silence output neuron ${j}: set its target to its output`,
    cost: "cost",
    output: (j) => `output ${j}`,
    steps: [
      "Step 1: layer 2 passes its wishes back to layer 1",
      "Step 2: the same step, one layer further back: layer 1 to the inputs"
    ],
    own: ["own wish 2(y − a⁽²⁾)", "own wish (the sum of step 1)"],
    gp: "σ′(z)",
    from: (n) => `from ${n}`,
    sum: "sum",
    to: (n) => `for ${n}`,
    ownHead: "own wish",
    svgAria: [
      "Step 1: the two output neurons on the right, each with its own wish; the three hidden neurons in the middle; on the left, for each hidden neuron, the wish each output neuron has for it, and their sum.",
      "Step 2: the three hidden neurons on the right, each with its own wish, the sum that arrived in step 1; the two inputs in the middle; on the left, for each input, the wish each hidden neuron has for it, and their sum."
    ],
    scale: (v) => `longest arrow ${fmt(v)}`,
    asBefore: "drawn as the sums of step 1",
    caption: "Arrows: wishes −∂C/∂a, per unit of learning rate (up: a should grow). On the right, each neuron's own wish; on the left, the wish each of them has for a neuron of the layer before, w·σ′(z)·(own wish), in the sender's colour, then their sum. The sums of step 1 arrive in step 2 as the hidden neurons' own wishes, drawn the same. The left side of each picture is scaled to its longest arrow. Lines: the weights (width |w|, dashed when negative).",
    tableAria: (n) => `numbers of step ${n}`
  },
  zh: {
    groups: ["输入 x = a⁽⁰⁾", "目标值 y", "隐藏层偏置 b⁽¹⁾"],
    aria: {
      x0: "输入 x 0",
      x1: "输入 x 1",
      y0: "输出神经元 0 的目标值 y 0",
      y1: "输出神经元 1 的目标值 y 1",
      b1_0: "隐藏神经元 0 的偏置",
      b1_1: "隐藏神经元 1 的偏置",
      b1_2: "隐藏神经元 2 的偏置"
    },
    match: (j) => `让输出 ${j} 安静：令 y${SUB[j]} 等于它的输出`,
    matchAria: (j) => `让输出神经元 ${j} 安静：把它的目标值设为它的输出`,
    cost: "代价",
    output: (j) => `输出 ${j}`,
    steps: ["第 1 步：第 2 层把期望传回第 1 层", "第 2 步：同样的一步，再往回一层：从第 1 层到输入"],
    own: ["自身的期望 2(y − a⁽²⁾)", "自身的期望（第 1 步的总和）"],
    gp: "σ′(z)",
    from: (n) => `来自 ${n}`,
    sum: "总和",
    to: (n) => `给 ${n}`,
    ownHead: "自身的期望",
    svgAria: [
      "第 1 步：右边两个输出神经元，各带自身的期望；中间三个隐藏神经元；左边是每个输出神经元对每个隐藏神经元的期望，以及它们的总和。",
      "第 2 步：右边三个隐藏神经元，各带自身的期望，即第 1 步传来的总和；中间两个输入；左边是每个隐藏神经元对每个输入的期望，以及它们的总和。"
    ],
    scale: (v) => `最长箭头 ${fmt(v)}`,
    asBefore: "与第 1 步的总和画法相同",
    caption: "箭头：期望 −∂C/∂a（每单位学习率；向上：a 应该变大）。右边是每个神经元自身的期望；左边是它们各自对前一层某个神经元的期望 w·σ′(z)·（自身的期望），用发出者的颜色画出，然后是它们的总和。第 1 步的总和在第 2 步成为隐藏神经元自身的期望，画法不变。每幅图的左半边按其中最长的箭头缩放。连线：权重（粗细为 |w|，负值为虚线）。",
    tableAria: (n) => `第 ${n} 步的数值`
  }
};
function recursionStep(W, a, wish) {
  const gp = a.map((x) => x * (1 - x));
  const piece = W.map((row, j) => row.map((w) => w * (gp[j] * wish[j])));
  const sum = W[0].map((_, k) => piece.reduce((acc, row) => acc + row[k], 0));
  return { gp, piece, sum };
}
function recursionValues(p) {
  const x = [p.x0, p.x1], y = [p.y0, p.y1], b1 = [p.b1_0, p.b1_1, p.b1_2];
  const layer = (W, b, a) => W.map((row, j) => sigmoid(row.reduce((acc, w, k) => acc + w * a[k], 0) + b[j]));
  const a1 = layer(p.W1, b1, x), a2 = layer(p.W2, p.b2, a1);
  const wish2 = a2.map((a, j) => 2 * (y[j] - a));
  const s2 = recursionStep(p.W2, a2, wish2);
  const s1 = recursionStep(p.W1, a1, s2.sum);
  const v = { C: a2.reduce((acc, a, j) => acc + (a - y[j]) ** 2, 0), out0: a2[0], out1: a2[1] };
  for (const [l, st, own] of [[2, s2, wish2], [1, s1, s2.sum]]) {
    st.gp.forEach((g, j) => {
      v[`wish${l}_${j}`] = own[j];
      v[`gp${l}_${j}`] = g;
      st.piece[j].forEach((q, k) => {
        v[`piece${l}_${j}_${k}`] = q;
      });
    });
    st.sum.forEach((q, k) => {
      v[`sum${l - 1}_${k}`] = q;
    });
  }
  return { v, a: [x, a1, a2], steps: { 2: { ...s2, wish: wish2 }, 1: { ...s1, wish: s2.sum } } };
}
var range = (n) => [...Array(n).keys()];
function stepTable(T, outs, l, nS, nR) {
  const cell = (key) => htmlEl("td", {}, outs[key] = readoutCell(key));
  const th = (text2, attrs = {}) => htmlEl("th", attrs, text2);
  const row = (name, keys, withSum) => htmlEl("tr", {}, [
    th(name, { scope: "row" }),
    ...keys.map(cell),
    withSum ? cell(withSum) : htmlEl("td", {})
  ]);
  return htmlEl("div", { class: "rc-table-wrap" }, htmlEl("table", { "aria-label": T.tableAria(3 - l), "data-table": `step${3 - l}` }, [
    htmlEl("thead", {}, htmlEl("tr", {}, [
      th(""),
      ...range(nS).map((j) => th(T.from(NAME[l](j)), { scope: "col" })),
      th(T.sum, { scope: "col" })
    ])),
    htmlEl("tbody", {}, [
      row(T.own[2 - l], range(nS).map((j) => `wish${l}_${j}`)),
      row(T.gp, range(nS).map((j) => `gp${l}_${j}`)),
      ...range(nR).map((k) => row(T.to(NAME[l - 1](k)), range(nS).map((j) => `piece${l}_${j}_${k}`), `sum${l - 1}_${k}`))
    ])
  ]));
}
var ROW = (n, i) => 120 + (i - (n - 1) / 2) * 64;
var XR = 184;
var XS = 282;
var XW = 320;
var LEN = 28;
var COL = (j) => 16 + 34 * j;
var arrow = (x, y, wish, scale, cls, key) => wishArrow(x, y, wish, { scale, length: LEN, width: 4, cls, key });
var text = (x, y, str, cls = "rc-text", anchor = "middle") => svgText(x, y, str, { class: cls, "text-anchor": anchor });
function drawStep(svg, T, p, l, r, acts, W, scale, ownScale) {
  const nS = W.length, nR = W[0].length, xSum = COL(nS) + 10;
  const senderCls = (j) => `rc-s${l}-${j}`, sumCls = (k) => l === 2 ? `rc-s1-${k}` : "rc-s0";
  svg.replaceChildren();
  for (let j = 0; j < nS; j++) svg.append(text(COL(j), 14, NAME[l](j), "rc-small"));
  svg.append(text(xSum, 14, T.sum, "rc-small"), text(338, 14, T.ownHead, "rc-small", "end"));
  svg.append(
    text(4, 232, T.scale(scale), "rc-small", "start"),
    text(338, 232, l === 2 ? T.scale(ownScale) : T.asBefore, "rc-small", "end")
  );
  for (let j = 0; j < nS; j++) {
    for (let k = 0; k < nR; k++) {
      svg.append(svgEl("line", {
        x1: XR + 19,
        y1: ROW(nR, k),
        x2: XS - 19,
        y2: ROW(nS, j),
        class: `rc-edge ${senderCls(j)}`,
        "stroke-width": 0.5 + 0.8 * Math.abs(W[j][k]),
        "stroke-dasharray": W[j][k] < 0 ? "4 3" : ""
      }));
    }
  }
  for (let k = 0; k < nR; k++) {
    const y = ROW(nR, k);
    svg.append(svgEl("line", { x1: 4, x2: xSum + 14, y1: y, y2: y, class: "rc-base" }));
    for (let j = 0; j < nS; j++) {
      svg.append(arrow(COL(j), y, r.piece[j][k], scale, senderCls(j), `${l}-${j}-${k}`));
      if (j > 0) svg.append(text(COL(j) - 17, y + 4, "+", "rc-small"));
    }
    svg.append(text(xSum - 17, y + 4, "=", "rc-small"), arrow(xSum, y, r.sum[k], scale, sumCls(k), `sum${l - 1}-${k}`));
    svg.append(svgEl("circle", { cx: XR, cy: y, r: 19, class: "rc-node" }));
    if (l === 2) svg.append(svgEl("circle", { cx: XR, cy: y, r: 19, class: sumCls(k), style: "fill: none", "stroke-width": 2.5 }));
    svg.append(text(XR, y - 1, NAME[l - 1](k)), text(XR, y + 11, acts[l - 1][k].toFixed(2), "rc-small"));
  }
  for (let j = 0; j < nS; j++) {
    const y = ROW(nS, j);
    svg.append(
      svgEl("line", { x1: XW - 12, x2: XW + 12, y1: y, y2: y, class: "rc-base" }),
      arrow(XW, y, r.wish[j], ownScale, senderCls(j), `own${l}-${j}`),
      svgEl("circle", { cx: XS, cy: y, r: 19, class: "rc-node" }),
      svgEl("circle", { cx: XS, cy: y, r: 19, class: senderCls(j), style: "fill: none", "stroke-width": 2.5 }),
      text(XS, y - 1, NAME[l](j)),
      text(XS, y + 11, acts[l][j].toFixed(2), "rc-small")
    );
    if (l === 2) svg.append(text(XS, y + 32, `y${SUB[j]} = ${p[`y${j}`].toFixed(2)}`, "rc-small"));
  }
}
function render({ model, el }) {
  const T = texts(TEXT), p = {}, sliders = {};
  for (const k of ["W1", "W2", "b2"]) p[k] = model.get(k);
  const labels = {
    x0: label("x_0", "x₀"),
    x1: label("x_1", "x₁"),
    y0: label("y_0", "y₀"),
    y1: label("y_1", "y₁"),
    b1_0: label("b^{[1]}_0", "b⁽¹⁾₀"),
    b1_1: label("b^{[1]}_1", "b⁽¹⁾₁"),
    b1_2: label("b^{[1]}_2", "b⁽¹⁾₂")
  };
  for (const k of params(model)) sliders[k] = bindSlider(model, p, k, labels[k], T.aria[k], () => update());
  const group = (title, names) => sliderGroup(title, names.map((n) => sliders[n]));
  const buttons = silenceButtons(model, p, sliders, T, (j) => recursionValues(p).v[`out${j}`], () => update());
  const outs = readouts([
    ["C", `${T.cost} ${label("C", "C")}`],
    ...[0, 1].map((j) => [`out${j}`, `${T.output(j)} ${label(`a^{(2)}_${j}`, NAME[2](j))}`])
  ]);
  const top = Object.values(outs);
  const svgs = {};
  const step = (l, nS, nR) => {
    svgs[l] = svgEl("svg", { viewBox: "0 0 340 238", role: "img", "aria-label": T.svgAria[2 - l], "data-picture": `step${3 - l}` });
    return htmlEl("section", { class: "rc-step", "data-step": String(3 - l) }, [
      htmlEl("div", { class: "rc-head" }, T.steps[2 - l]),
      svgs[l],
      stepTable(T, outs, l, nS, nR)
    ]);
  };
  el.append(frame("recursion", [
    htmlEl("div", { class: "rc-sliders" }, [
      group(T.groups[0], ["x0", "x1"]),
      group(T.groups[1], ["y0", "y1"]),
      group(T.groups[2], ["b1_0", "b1_1", "b1_2"])
    ]),
    htmlEl("div", { class: "bp-buttons" }, buttons),
    htmlEl("div", { class: "rc-top" }, top),
    htmlEl("div", { class: "rc-steps" }, [step(2, 2, 3), step(1, 3, 2)]),
    htmlEl("div", { class: "bp-caption" }, T.caption)
  ], "bp-recursion"));
  const longest = (...xs) => Math.max(1e-300, ...xs.flat(2).map(Math.abs));
  function update() {
    const { v, a, steps } = recursionValues(p);
    for (const k in outs) outs[k].set(v[k]);
    const scale1 = longest(steps[2].piece, steps[2].sum), scale2 = longest(steps[1].piece, steps[1].sum);
    drawStep(svgs[2], T, p, 2, steps[2], a, p.W2, scale1, longest(steps[2].wish));
    drawStep(svgs[1], T, p, 1, steps[1], a, p.W1, scale2, scale1);
  }
  update();
  typeset(el);
}
var recursion_default = { render };
export {
  recursion_default as default,
  recursionStep,
  recursionValues
};
