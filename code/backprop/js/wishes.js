// Many neurons, one wish (chapter 4): three activations a_k feed two sigmoid neurons j.
// z_j = Σ_k w_jk a_k + b_j, out_j = σ(z_j), C = Σ_j E_j with E_j = (out_j − y_j)².
// Neuron j's gradient for a_k is ∂E_j/∂a_k = w_jk σ'(z_j) 2(out_j − y_j), and ∂C/∂a_k is the sum over j.
// The readouts show these gradients (the keys wish_j_k keep their old name: outside checks read them).
// The drawing shows the wishes, their negatives −∂E_j/∂a_k and −∂C/∂a_k (an arrow up: a_k should grow),
// on a fixed scale, so an arrow keeps its length while another one changes.
// The readout of ∂C/∂θ for a slider θ is dC_d<θ>: dC_da0, dC_db0, dC_dw01 (w_jk: output j, input k).
import { sigmoid, sigmoidPrime } from "./maths.js";
import { SUB, htmlEl, label, svgEl, svgText, texts, typeset } from "./dom.js";
import { bindSlider, frame, readouts, silenceButtons, sliderGroup } from "./controls.js";
import { wishArrow } from "./charts.js";

const J = [0, 1], K = [0, 1, 2];
const SCALE = 0.8;   // a wish of 0.8 is a full-length arrow; a longer one is clipped and gets a second head

const TEXT = {
  en: {
    groups: ["inputs aₖ (from layer L−1)", "targets yⱼ", "biases bⱼ", "weights wⱼₖ (into neuron j from input k)"],
    aria: {
      a: (k) => `input activation a ${k}`, y: (j) => `target y ${j} of output neuron ${j}`,
      b: (j) => `bias b ${j} of output neuron ${j}`, w: (j, k) => `weight from input ${k} to output neuron ${j}`,
    },
    cost: "cost", output: (j) => `output of neuron ${j}`,
    heads: ["cost and outputs", (j) => `neuron ${j}'s gradients ∂C/∂θ`, "the inputs' gradients, summed",
      "The readouts are gradients ∂C/∂θ; the arrows are the wishes, their negatives −∂C/∂θ."],
    match: (j) => `silence neuron ${j}: set y${SUB[j]} to its output`,
    matchAria: (j) => `silence output neuron ${j}: set its target to its output`,
    cols: ["neuron 0", "neuron 1", "sum"],
    svgAria: "The network: three inputs on the left feed two output neurons on the right. Beside each input, "
      + "an arrow for each output neuron's wish for it, and an arrow for their sum.",
    caption: "Arrows: output neuron j's wish −∂Eⱼ/∂aₖ for input aₖ (per unit of learning rate; Eⱼ is neuron j's "
      + "squared error; up: aₖ should grow; length and width: how much), then their sum −∂C/∂aₖ. "
      + "The scale is fixed: a full-length arrow is a wish of 0.8, and a double head marks a longer one. "
      + "Lines: the weights wⱼₖ (width |wⱼₖ|, dashed when negative).",
  },
  zh: {
    groups: ["输入 aₖ（来自第 L−1 层）", "目标值 yⱼ", "偏置 bⱼ", "权重 wⱼₖ（输入 k 到神经元 j）"],
    aria: {
      a: (k) => `输入激活值 a ${k}`, y: (j) => `输出神经元 ${j} 的目标值 y ${j}`,
      b: (j) => `输出神经元 ${j} 的偏置 b ${j}`, w: (j, k) => `输入 ${k} 到输出神经元 ${j} 的权重`,
    },
    cost: "代价", output: (j) => `神经元 ${j} 的输出`,
    heads: ["代价与输出", (j) => `神经元 ${j} 的梯度 ∂C/∂θ`, "每个输入的梯度之和",
      "读数是梯度 ∂C/∂θ；箭头是期望，即它们的相反数 −∂C/∂θ。"],
    match: (j) => `让神经元 ${j} 安静：令 y${SUB[j]} 等于它的输出`,
    matchAria: (j) => `让输出神经元 ${j} 安静：把它的目标值设为它的输出`,
    cols: ["神经元 0", "神经元 1", "总和"],
    svgAria: "网络：左边三个输入连到右边两个输出神经元。每个输入旁边，是每个输出神经元对它的期望（箭头），"
      + "以及它们的总和。",
    caption: "箭头：输出神经元 j 对输入 aₖ 的期望 −∂Eⱼ/∂aₖ（每单位学习率；Eⱼ 是神经元 j 的平方误差；"
      + "向上：aₖ 应该变大；长度和粗细：变多少），然后是它们的总和 −∂C/∂aₖ。"
      + "刻度固定：满长的箭头表示期望为 0.8，双箭头表示更长的期望。"
      + "连线：权重 wⱼₖ（粗细为 |wⱼₖ|，负值为虚线）。",
  },
};

export function wishesValues(p) {       // as backprop.explorables.Wishes.values() (backprop.wishes.layer_wishes)
  const a = [p.a0, p.a1, p.a2], v = { C: 0 };
  const dz = [], dE = [[], []];
  for (const j of J) {
    let z = 0;
    for (const k of K) z += p[`w${j}${k}`] * a[k];
    z += p[`b${j}`];
    const out = sigmoid(z);
    v[`out${j}`] = out;
    v.C += (out - p[`y${j}`]) ** 2;
    dz[j] = 2 * (out - p[`y${j}`]) * sigmoidPrime(z);       // ∂C/∂z_j = 2(out_j − y_j) σ'(z_j)
    v[`dC_dz${j}`] = dz[j];
    v[`dC_db${j}`] = dz[j];
    for (const k of K) {
      dE[j][k] = p[`w${j}${k}`] * dz[j];                      // ∂E_j/∂a_k, the gradient
      v[`wish_${j}_${k}`] = dE[j][k];                           // (the key's name is kept: see the top)
      v[`dC_dw${j}${k}`] = dz[j] * a[k];                    // ∂C/∂w_jk
    }
  }
  for (const k of K) v[`dC_da${k}`] = 0 + dE[0][k] + dE[1][k];   // Σ_j ∂E_j/∂a_k
  return v;
}


// The picture, into svg: the inputs a_k (middle) and the output neurons (right) joined by the weights, and beside
// each input, each neuron's wish for it and their sum (left).
const ROW = [70, 140, 210], OUT = [105, 175], XIN = 200, XOUT = 320, XCOL = [28, 80, 138];
const arrow = (x, y, wish, cls, key) => wishArrow(x, y, wish, { scale: SCALE, length: 32, width: 5, cls, key });
const text = (x, y, str, cls = "wz-text", anchor = "middle") => svgText(x, y, str, { class: cls, "text-anchor": anchor });

function drawWishes(svg, T, v, p) {
  svg.replaceChildren();
  const a = [p.a0, p.a1, p.a2];
  const wish = J.map((j) => K.map((k) => -v[`wish_${j}_${k}`]));   // −∂E_j/∂a_k
  const sums = K.map((k) => -v[`dC_da${k}`]);                       // −∂C/∂a_k
  [0, 1, 2].forEach((c) => svg.append(text(XCOL[c], 18, T.cols[c], "wz-small")));
  for (const j of J) {
    for (const k of K) {
      svg.append(svgEl("line", { x1: XIN + 20, y1: ROW[k], x2: XOUT - 20, y2: OUT[j], class: `wz-edge wz-j${j}`,
        "stroke-width": 0.5 + 0.8 * Math.abs(p[`w${j}${k}`]), "stroke-dasharray": p[`w${j}${k}`] < 0 ? "4 3" : "" }));
    }
  }
  for (const k of K) {
    svg.append(svgEl("line", { x1: 6, x2: 160, y1: ROW[k], y2: ROW[k], class: "wz-base" }));
    svg.append(text(54, ROW[k] + 4, "+", "wz-small"), text(109, ROW[k] + 4, "=", "wz-small"));
    for (const j of J) svg.append(arrow(XCOL[j], ROW[k], wish[j][k], `wz-j${j}`, `${j}-${k}`));
    svg.append(arrow(XCOL[2], ROW[k], sums[k], "wz-sum", `sum-${k}`));
    svg.append(svgEl("circle", { cx: XIN, cy: ROW[k], r: 20, class: "wz-node" }),
      text(XIN, ROW[k] - 1, `a${SUB[k]}`), text(XIN, ROW[k] + 11, a[k].toFixed(2), "wz-small"));
  }
  for (const j of J) {
    svg.append(svgEl("circle", { cx: XOUT, cy: OUT[j], r: 20, class: "wz-node" }),
      svgEl("circle", { cx: XOUT, cy: OUT[j], r: 20, class: `wz-j${j}`, style: "fill: none", "stroke-width": 2.5 }),
      text(XOUT, OUT[j] - 1, `a${SUB[j]}⁽ᴸ⁾`), text(XOUT, OUT[j] + 11, v[`out${j}`].toFixed(2), "wz-small"),
      text(XOUT, OUT[j] + 34, `y${SUB[j]} = ${p[`y${j}`].toFixed(2)}`, "wz-small"));
  }
}

// The readouts, in boxes: cost and outputs; each neuron's gradients; the inputs' summed gradients.
function readoutBoxes(T) {
  const head = (text) => htmlEl("div", { class: "wz-head" }, text);
  const box = (title, list) => htmlEl("div", { class: "wz-group" }, [head(title), ...Object.values(list)]);
  const top = readouts([["C", `${T.cost} ` + label("C = \\sum_j (a^{(L)}_j - y_j)^2", "C = Σⱼ (aⱼ⁽ᴸ⁾ − yⱼ)²")],
    ...J.map((j) => [`out${j}`, `${T.output(j)} ` + label(`a^{(L)}_${j}`, `a${SUB[j]}⁽ᴸ⁾`)])]);
  const neuron = J.map((j) => readouts([
    [`dC_dz${j}`, label(`\\partial C/\\partial z_${j}`, `∂C/∂z${SUB[j]}`)],
    ...K.map((k) => [`wish_${j}_${k}`, label(`\\partial E_${j}/\\partial a_${k}`, `∂E${SUB[j]}/∂a${SUB[k]}`)]),
    ...K.map((k) => [`dC_dw${j}${k}`, label(`\\partial C/\\partial w_{${j}${k}}`, `∂C/∂w${SUB[j]}${SUB[k]}`)]),
    [`dC_db${j}`, label(`\\partial C/\\partial b_${j}`, `∂C/∂b${SUB[j]}`)]]));
  const sums = readouts(K.map((k) => [`dC_da${k}`,
    label(`\\partial C/\\partial a_${k} = \\textstyle\\sum_j`, `∂C/∂a${SUB[k]} = Σⱼ`)]));
  const outs = Object.assign({}, top, ...neuron, sums);
  const boxes = htmlEl("div", { class: "wz-readouts" }, [
    htmlEl("div", { class: "wz-group wz-wide" }, [head(T.heads[0]), htmlEl("div", { class: "wz-top" }, Object.values(top))]),
    ...J.map((j) => box(T.heads[1](j), neuron[j])), box(T.heads[2], sums),
    htmlEl("div", { class: "bp-caption wz-wide" }, T.heads[3])]);
  return { outs, boxes };
}

function render({ model, el }) {
  const T = texts(TEXT), p = {}, sliders = {};
  const tex = {
    a: (k) => label(`a_${k}`, `a${SUB[k]}`), y: (j) => label(`y_${j}`, `y${SUB[j]}`),
    b: (j) => label(`b_${j}`, `b${SUB[j]}`), w: (j, k) => label(`w_{${j}${k}}`, `w${SUB[j]}${SUB[k]}`),
  };
  const bind = (name, lab, aria) => (sliders[name] = bindSlider(model, p, name, lab, aria, () => update()));
  const inputs = sliderGroup(T.groups[0], K.map((k) => bind(`a${k}`, tex.a(k), T.aria.a(k))));
  const targets = sliderGroup(T.groups[1], J.map((j) => bind(`y${j}`, tex.y(j), T.aria.y(j))));
  const biases = sliderGroup(T.groups[2], J.map((j) => bind(`b${j}`, tex.b(j), T.aria.b(j))));
  const weights = sliderGroup(T.groups[3], J.flatMap((j) => K.map((k) => bind(`w${j}${k}`, tex.w(j, k), T.aria.w(j, k)))));
  const buttons = silenceButtons(model, p, sliders, T, (j) => wishesValues(p)[`out${j}`], () => update());
  const { outs, boxes } = readoutBoxes(T);
  const svg = svgEl("svg", { viewBox: "0 0 350 250", role: "img", "aria-label": T.svgAria, "data-picture": "wishes" });
  el.append(frame("wishes", [
    htmlEl("div", { class: "wz-sliders" }, [inputs, htmlEl("div", {}, [targets, biases]), weights]),
    htmlEl("div", { class: "bp-buttons" }, buttons),
    htmlEl("div", { class: "wz-picture" }, [svg, htmlEl("div", { class: "bp-caption" }, T.caption)]),
    boxes,
  ], "bp-wishes"));

  function update() {
    const v = wishesValues(p);
    for (const k in outs) outs[k].set(v[k]);
    drawWishes(svg, T, v, p);
  }

  update();
  typeset(el);
}

export default { render };
