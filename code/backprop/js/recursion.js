// The same step, one layer further back (chapter 4): the worked 2-3-2 network, its wishes passed back twice.
// x = a[0] (2 inputs) → a[1] = σ(W1 x + b1) (3 hidden) → a[2] = σ(W2 a[1] + b2) (2 outputs), C = Σ_j (a[2]_j − y_j)².
// A wish is −∂C/∂a, per unit of learning rate (up: a should grow). One step back through layer l: neuron j, whose
// own wish is wish[l]_j, wishes for a[l−1]_k the piece w[l]_jk σ'(z[l]_j) wish[l]_j, and a[l−1]_k's wish is the sum
// of its pieces. Step 1 is layer 2, whose own wishes come from the targets, 2(y − a[2]); step 2 is the same
// function for layer 1, whose own wishes are step 1's sums.
import { sigmoid } from "./maths.js";
import { SUB, fmt, htmlEl, label, svgEl, svgText, texts, typeset } from "./dom.js";
import { bindSlider, frame, params, readoutCell, readouts, silenceButtons, sliderGroup } from "./controls.js";
import { wishArrow } from "./charts.js";

const NAME = { 0: (i) => `x${SUB[i]}`, 1: (k) => `a⁽¹⁾${SUB[k]}`, 2: (j) => `a⁽²⁾${SUB[j]}` };

const TEXT = {
  en: {
    groups: ["inputs x = a⁽⁰⁾", "targets y", "hidden biases b⁽¹⁾"],
    aria: {
      x0: "input x 0", x1: "input x 1", y0: "target y 0 of output neuron 0", y1: "target y 1 of output neuron 1",
      b1_0: "bias of hidden neuron 0", b1_1: "bias of hidden neuron 1", b1_2: "bias of hidden neuron 2",
    },
    match: (j) => `silence output ${j}: set y${SUB[j]} to its output`,
    matchAria: (j) => `silence output neuron ${j}: set its target to its output`,
    cost: "cost", output: (j) => `output ${j}`,
    steps: ["Step 1: layer 2 passes its wishes back to layer 1",
      "Step 2: the same step, one layer further back: layer 1 to the inputs"],
    own: ["own wish 2(y − a⁽²⁾)", "own wish (the sum of step 1)"],
    gp: "σ′(z)", from: (n) => `from ${n}`, sum: "sum", to: (n) => `for ${n}`, ownHead: "own wish",
    svgAria: [
      "Step 1: the two output neurons on the right, each with its own wish; the three hidden neurons in the "
        + "middle; on the left, for each hidden neuron, the wish each output neuron has for it, and their sum.",
      "Step 2: the three hidden neurons on the right, each with its own wish, the sum that arrived in step 1; "
        + "the two inputs in the middle; on the left, for each input, the wish each hidden neuron has for it, "
        + "and their sum."],
    scale: (v) => `longest arrow ${fmt(v)}`, asBefore: "drawn as the sums of step 1",
    caption: "Arrows: wishes −∂C/∂a, per unit of learning rate (up: a should grow). On the right, each neuron's "
      + "own wish; on the left, the wish each of them has for a neuron of the layer before, w·σ′(z)·(own wish), "
      + "in the sender's colour, then their sum. The sums of step 1 arrive in step 2 as the hidden neurons' own "
      + "wishes, drawn the same. The left side of each picture is scaled to its longest arrow. Lines: the "
      + "weights (width |w|, dashed when negative).",
    tableAria: (n) => `numbers of step ${n}`,
  },
  zh: {
    groups: ["输入 x = a⁽⁰⁾", "目标值 y", "隐藏层偏置 b⁽¹⁾"],
    aria: {
      x0: "输入 x 0", x1: "输入 x 1", y0: "输出神经元 0 的目标值 y 0", y1: "输出神经元 1 的目标值 y 1",
      b1_0: "隐藏神经元 0 的偏置", b1_1: "隐藏神经元 1 的偏置", b1_2: "隐藏神经元 2 的偏置",
    },
    match: (j) => `让输出 ${j} 安静：令 y${SUB[j]} 等于它的输出`,
    matchAria: (j) => `让输出神经元 ${j} 安静：把它的目标值设为它的输出`,
    cost: "代价", output: (j) => `输出 ${j}`,
    steps: ["第 1 步：第 2 层把期望传回第 1 层", "第 2 步：同样的一步，再往回一层：从第 1 层到输入"],
    own: ["自身的期望 2(y − a⁽²⁾)", "自身的期望（第 1 步的总和）"],
    gp: "σ′(z)", from: (n) => `来自 ${n}`, sum: "总和", to: (n) => `给 ${n}`, ownHead: "自身的期望",
    svgAria: [
      "第 1 步：右边两个输出神经元，各带自身的期望；中间三个隐藏神经元；左边是每个输出神经元对每个隐藏神经元的期望，以及它们的总和。",
      "第 2 步：右边三个隐藏神经元，各带自身的期望，即第 1 步传来的总和；中间两个输入；左边是每个隐藏神经元对每个输入的期望，"
        + "以及它们的总和。"],
    scale: (v) => `最长箭头 ${fmt(v)}`, asBefore: "与第 1 步的总和画法相同",
    caption: "箭头：期望 −∂C/∂a（每单位学习率；向上：a 应该变大）。右边是每个神经元自身的期望；左边是它们各自对"
      + "前一层某个神经元的期望 w·σ′(z)·（自身的期望），用发出者的颜色画出，然后是它们的总和。第 1 步的总和在第 2 步成为"
      + "隐藏神经元自身的期望，画法不变。每幅图的左半边按其中最长的箭头缩放。连线：权重（粗细为 |w|，负值为虚线）。",
    tableAria: (n) => `第 ${n} 步的数值`,
  },
};

// One step back through a layer: its activations a (σ'(z) = a(1 − a)), weights W (rows: its neurons) and own
// wishes; returns σ'(z), the pieces (row j: neuron j's wishes for the layer before) and their sums.
export function recursionStep(W, a, wish) {
  const gp = a.map((x) => x * (1 - x));
  const piece = W.map((row, j) => row.map((w) => w * (gp[j] * wish[j])));
  const sum = W[0].map((_, k) => piece.reduce((acc, row) => acc + row[k], 0));
  return { gp, piece, sum };
}

export function recursionValues(p) {    // as backprop.explorables.Recursion.values()
  const x = [p.x0, p.x1], y = [p.y0, p.y1], b1 = [p.b1_0, p.b1_1, p.b1_2];
  const layer = (W, b, a) => W.map((row, j) => sigmoid(row.reduce((acc, w, k) => acc + w * a[k], 0) + b[j]));
  const a1 = layer(p.W1, b1, x), a2 = layer(p.W2, p.b2, a1);
  const wish2 = a2.map((a, j) => 2 * (y[j] - a));          // −∂C/∂a[2] = 2(y − a[2])
  const s2 = recursionStep(p.W2, a2, wish2);                // step 1
  const s1 = recursionStep(p.W1, a1, s2.sum);               // step 2: the sums are layer 1's own wishes
  const v = { C: a2.reduce((acc, a, j) => acc + (a - y[j]) ** 2, 0), out0: a2[0], out1: a2[1] };
  for (const [l, st, own] of [[2, s2, wish2], [1, s1, s2.sum]]) {
    st.gp.forEach((g, j) => {
      v[`wish${l}_${j}`] = own[j];
      v[`gp${l}_${j}`] = g;
      st.piece[j].forEach((q, k) => { v[`piece${l}_${j}_${k}`] = q; });
    });
    st.sum.forEach((q, k) => { v[`sum${l - 1}_${k}`] = q; });
  }
  return { v, a: [x, a1, a2], steps: { 2: { ...s2, wish: wish2 }, 1: { ...s1, wish: s2.sum } } };
}


const range = (n) => [...Array(n).keys()];

// One step's table, its cells' readouts put in outs: a column per sending neuron j (layer l, nS of them) and one
// for the sums; rows: the senders' own wishes, their σ'(z), then one row per neuron k of the layer before (nR of
// them: its pieces, then their sum).
function stepTable(T, outs, l, nS, nR) {
  const cell = (key) => htmlEl("td", {}, (outs[key] = readoutCell(key)));
  const th = (text, attrs = {}) => htmlEl("th", attrs, text);
  const row = (name, keys, withSum) => htmlEl("tr", {}, [th(name, { scope: "row" }), ...keys.map(cell),
    withSum ? cell(withSum) : htmlEl("td", {})]);
  return htmlEl("div", { class: "rc-table-wrap" }, htmlEl("table", { "aria-label": T.tableAria(3 - l), "data-table": `step${3 - l}` }, [
    htmlEl("thead", {}, htmlEl("tr", {}, [th(""), ...range(nS).map((j) => th(T.from(NAME[l](j)), { scope: "col" })),
      th(T.sum, { scope: "col" })])),
    htmlEl("tbody", {}, [
      row(T.own[2 - l], range(nS).map((j) => `wish${l}_${j}`)),
      row(T.gp, range(nS).map((j) => `gp${l}_${j}`)),
      ...range(nR).map((k) => row(T.to(NAME[l - 1](k)), range(nS).map((j) => `piece${l}_${j}_${k}`), `sum${l - 1}_${k}`)),
    ])]));
}

const ROW = (n, i) => 120 + (i - (n - 1) / 2) * 64, XR = 184, XS = 282, XW = 320, LEN = 28;
const COL = (j) => 16 + 34 * j;
const arrow = (x, y, wish, scale, cls, key) => wishArrow(x, y, wish, { scale, length: LEN, width: 4, cls, key });
const text = (x, y, str, cls = "rc-text", anchor = "middle") => svgText(x, y, str, { class: cls, "text-anchor": anchor });

// One step's picture, into svg: the senders (layer l, weights W) on the right with their own wishes, the layer
// before in the middle, and on the left, for each neuron k of the layer before, the pieces from every sender
// and their sum. The left side is scaled to its longest arrow (scale); the own wishes on the right to ownScale.
function drawStep(svg, T, p, l, r, acts, W, scale, ownScale) {
  const nS = W.length, nR = W[0].length, xSum = COL(nS) + 10;
  const senderCls = (j) => `rc-s${l}-${j}`, sumCls = (k) => (l === 2 ? `rc-s1-${k}` : "rc-s0");
  svg.replaceChildren();
  for (let j = 0; j < nS; j++) svg.append(text(COL(j), 14, NAME[l](j), "rc-small"));
  svg.append(text(xSum, 14, T.sum, "rc-small"), text(338, 14, T.ownHead, "rc-small", "end"));
  svg.append(text(4, 232, T.scale(scale), "rc-small", "start"),
    text(338, 232, l === 2 ? T.scale(ownScale) : T.asBefore, "rc-small", "end"));
  for (let j = 0; j < nS; j++) {
    for (let k = 0; k < nR; k++) {
      svg.append(svgEl("line", { x1: XR + 19, y1: ROW(nR, k), x2: XS - 19, y2: ROW(nS, j), class: `rc-edge ${senderCls(j)}`,
        "stroke-width": 0.5 + 0.8 * Math.abs(W[j][k]), "stroke-dasharray": W[j][k] < 0 ? "4 3" : "" }));
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
    svg.append(svgEl("line", { x1: XW - 12, x2: XW + 12, y1: y, y2: y, class: "rc-base" }),
      arrow(XW, y, r.wish[j], ownScale, senderCls(j), `own${l}-${j}`),
      svgEl("circle", { cx: XS, cy: y, r: 19, class: "rc-node" }),
      svgEl("circle", { cx: XS, cy: y, r: 19, class: senderCls(j), style: "fill: none", "stroke-width": 2.5 }),
      text(XS, y - 1, NAME[l](j)), text(XS, y + 11, acts[l][j].toFixed(2), "rc-small"));
    if (l === 2) svg.append(text(XS, y + 32, `y${SUB[j]} = ${p[`y${j}`].toFixed(2)}`, "rc-small"));
  }
}

function render({ model, el }) {
  const T = texts(TEXT), p = {}, sliders = {};
  for (const k of ["W1", "W2", "b2"]) p[k] = model.get(k);
  const labels = {
    x0: label("x_0", "x₀"), x1: label("x_1", "x₁"), y0: label("y_0", "y₀"), y1: label("y_1", "y₁"),
    b1_0: label("b^{[1]}_0", "b⁽¹⁾₀"), b1_1: label("b^{[1]}_1", "b⁽¹⁾₁"), b1_2: label("b^{[1]}_2", "b⁽¹⁾₂"),
  };
  for (const k of params(model)) sliders[k] = bindSlider(model, p, k, labels[k], T.aria[k], () => update());
  const group = (title, names) => sliderGroup(title, names.map((n) => sliders[n]));
  const buttons = silenceButtons(model, p, sliders, T, (j) => recursionValues(p).v[`out${j}`], () => update());
  const outs = readouts([["C", `${T.cost} ${label("C", "C")}`],
    ...[0, 1].map((j) => [`out${j}`, `${T.output(j)} ${label(`a^{(2)}_${j}`, NAME[2](j))}`])]);
  const top = Object.values(outs);
  const svgs = {};
  const step = (l, nS, nR) => {     // step 1 is layer l = 2, step 2 is layer 1
    svgs[l] = svgEl("svg", { viewBox: "0 0 340 238", role: "img", "aria-label": T.svgAria[2 - l], "data-picture": `step${3 - l}` });
    return htmlEl("section", { class: "rc-step", "data-step": String(3 - l) }, [
      htmlEl("div", { class: "rc-head" }, T.steps[2 - l]), svgs[l], stepTable(T, outs, l, nS, nR)]);
  };
  el.append(frame("recursion", [
    htmlEl("div", { class: "rc-sliders" }, [group(T.groups[0], ["x0", "x1"]), group(T.groups[1], ["y0", "y1"]),
      group(T.groups[2], ["b1_0", "b1_1", "b1_2"])]),
    htmlEl("div", { class: "bp-buttons" }, buttons),
    htmlEl("div", { class: "rc-top" }, top),
    htmlEl("div", { class: "rc-steps" }, [step(2, 2, 3), step(1, 3, 2)]),
    htmlEl("div", { class: "bp-caption" }, T.caption),
  ], "bp-recursion"));

  // each left side at its own scale; step 2's own wishes at the scale step 1 drew them with, as its sums
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

export default { render };
