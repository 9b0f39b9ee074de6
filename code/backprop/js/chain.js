// The 4-layer chain (chapter 2: a0 → a1 → a2 → a3), one neuron per layer. Sliders w1 w2 w3 b1 b2 b3 a0 y.
import { chainGradients, sigmoidPrime } from "./maths.js";
import { SUB, fmt, htmlEl, label, svgEl, svgText, texts, typeset } from "./dom.js";
import { bindSlider, frame, params, readouts } from "./controls.js";

const LOG_LO = -4, LOG_HI = 1;   // the bars' log scale: 1e-4 to 10

const TEXT = {
  en: {
    aria: (k) => (k === "y" ? "target y" : k === "a0" ? "input a0"
      : `${k[0] === "w" ? "weight" : "bias"} ${k} of layer ${k[1]}`),
    a3: "output", C: "cost", factor: (l) => `factor of layer ${l}`,
    products: "Each ∂C₀/∂w as the product of its chain-rule factors; [w·σ′(z)] is a layer crossed going back:",
    barsAria: "the sizes of dC/da (the wish passed back) and of dC/dw at each layer, on a log scale",
    bars: "|∂C₀/∂a| (the size of the wish passed back) and |∂C₀/∂w|, log scale. Going back, each layer multiplies the wish "
      + "by its factor w·σ′(z): the wish shrinks where |w·σ′(z)| < 1 and grows where it is larger "
      + "(possible only for |w| > 4, as σ′ ≤ 1/4).",
    shrinks: "shrinks", grows: "grows",
    flow: (parts) => `Here, crossing back: ${parts.join("; ")}.`,
    cross: (l, f, verb) => `layer ${l}: |w${SUB[l]}σ′(z${SUB[l]})| = ${f}, the wish ${verb}`,
  },
  zh: {
    aria: (k) => (k === "y" ? "目标值 y" : k === "a0" ? "输入 a0"
      : `第 ${k[1]} 层的${k[0] === "w" ? "权重" : "偏置"} ${k}`),
    a3: "输出", C: "代价", factor: (l) => `第 ${l} 层的因子`,
    products: "每个 ∂C₀/∂w 写成链式法则各因子之积；[w·σ′(z)] 表示向回经过一层：",
    barsAria: "各层 dC/da（向回传递的期望）与 dC/dw 的大小，对数刻度",
    bars: "|∂C₀/∂a|（向回传递的期望的大小）与 |∂C₀/∂w|，对数刻度。向回每经过一层，期望乘以该层的因子 w·σ′(z)："
      + "|w·σ′(z)| < 1 时期望变小，更大时期望变大（因 σ′ ≤ 1/4，只在 |w| > 4 时可能）。",
    shrinks: "变小", grows: "变大",
    flow: (parts) => `此处向回：${parts.join("；")}。`,
    cross: (l, f, verb) => `第 ${l} 层 |w${SUB[l]}σ′(z${SUB[l]})| = ${f}，期望${verb}`,
  },
};

export function chainValues(p) {        // as backprop.explorables.Chain.values()
  const w = [p.w1, p.w2, p.w3], g = chainGradients(w, [p.b1, p.b2, p.b3], [p.a0], [p.y]);
  const v = { a3: g.acts[3][0], C: g.cost };
  for (let l = 1; l <= 3; l++) { v[`dC_dw${l}`] = g.w[l - 1]; v[`dC_db${l}`] = g.b[l - 1]; }
  for (let l = 0; l <= 2; l++) v[`dC_da${l}`] = g.a[l][0];
  for (let l = 1; l <= 3; l++) v[`factor${l}`] = w[l - 1] * sigmoidPrime(g.zs[l - 1][0]);
  v.acts = g.acts.map((x) => x[0]); v.sp = g.zs.map((z) => sigmoidPrime(z[0]));
  return v;
}

function factor(key, text, value, title) {
  return htmlEl("span", { class: "bp-factor", "data-factor": key, "data-value": String(value), title }, text);
}

// Each ∂C₀/∂w_l written as the product of its chain-rule factors, one row per layer:
// ∂C/∂w_l = a_{l−1} σ'(z_l) · Π_{k>l} w_k σ'(z_k) · 2(a3 − y)
function productRows(v, p) {
  const rows = [];
  for (let l = 3; l >= 1; l--) {
    const fs = [factor(`a${l - 1}`, fmt(v.acts[l - 1]), v.acts[l - 1], `∂z${SUB[l]}/∂w${SUB[l]} = a${SUB[l - 1]}`),
      factor(`sp${l}`, fmt(v.sp[l - 1]), v.sp[l - 1], `∂a${SUB[l]}/∂z${SUB[l]} = σ′(z${SUB[l]})`)];
    for (let k = l + 1; k <= 3; k++) {
      fs.push(factor(`factor${k}`, `[${fmt(v[`factor${k}`])}]`, v[`factor${k}`], `w${SUB[k]}σ′(z${SUB[k]})`));
    }
    fs.push(factor("dC_da3", fmt(2 * (v.a3 - p.y)), 2 * (v.a3 - p.y), `∂C₀/∂a₃ = 2(a₃ − y)`));
    const parts = [htmlEl("span", { class: "bp-label" }, `∂C₀/∂w${SUB[l]} = `)];
    fs.forEach((f, i) => { if (i) parts.push(" × "); parts.push(f); });
    parts.push(" = ", htmlEl("strong", {}, fmt(v[`dC_dw${l}`])));
    rows.push(htmlEl("div", { class: "bp-product", "data-product": `w${l}`, "data-value": String(v[`dC_dw${l}`]) }, parts));
  }
  return rows;
}

// log10 |gradient| per layer, into svg: how big the wish is at each depth.
function drawFlow(svg, v, p) {
  const rows = [{ label: "∂C/∂a₃", value: 2 * (v.a3 - p.y), kind: "a" }];
  for (let l = 2; l >= 0; l--) rows.push({ label: `∂C/∂a${SUB[l]}`, value: v[`dC_da${l}`], kind: "a" });
  for (let l = 3; l >= 1; l--) rows.push({ label: `∂C/∂w${SUB[l]}`, value: v[`dC_dw${l}`], kind: "w" });
  svg.replaceChildren();
  const x0 = 50, x1 = 240, top = 4, rowH = 28;
  const X = (x) => x0 + ((Math.min(LOG_HI, Math.max(LOG_LO, Math.log10(Math.abs(x) || 1e-300))) - LOG_LO)
    / (LOG_HI - LOG_LO)) * (x1 - x0);
  for (let e = LOG_LO; e <= LOG_HI; e++) {
    svg.append(svgEl("line", { x1: X(10 ** e), x2: X(10 ** e), y1: top, y2: top + rows.length * rowH,
      class: e === 0 ? "bp-axis" : "bp-grid" }),
    svgText(X(10 ** e), top + rows.length * rowH + 12, e === 0 ? "1" : `1e${e}`, { "text-anchor": "middle", class: "bp-tick" }));
  }
  rows.forEach((r, k) => {
    const y = top + k * rowH;
    svg.append(svgEl("rect", { x: x0, y: y + 5, width: Math.max(0.5, X(r.value) - x0), height: rowH - 10,
      class: r.kind === "w" ? "bp-bar-pos" : "bp-bar-neg", "data-bar": r.label, "data-value": String(r.value) }),
    svgText(2, y + rowH / 2 + 4, r.label),
    svgText(X(r.value) + 3, y + rowH / 2 + 4, fmt(Math.abs(r.value)), { class: "bp-bar-value" }));
  });
}

function render({ model, el }) {
  const T = texts(TEXT), p = {};
  const tex = (k) => (k === "y" ? label("y", "y") : label(`${k[0]}_${k[1]}`, k[0] + SUB[k[1]]));
  const sliders = params(model).map((k) => bindSlider(model, p, k, tex(k), T.aria(k), () => update()));
  const d = (n) => label(`\\partial C_0/\\partial ${n[4]}_${n[5]}`, `∂C₀/∂${n[4]}${SUB[n[5]]}`);
  const outs = readouts([["a3", `${T.a3} ${label("a_3", "a₃")}`], ["C", `${T.C} ${label("C_0", "C₀")}`],
    ...["dC_dw1", "dC_dw2", "dC_dw3", "dC_db1", "dC_db2", "dC_db3", "dC_da0", "dC_da1", "dC_da2"].map((n) => [n, d(n)]),
    ...[1, 2, 3].map((l) => [`factor${l}`,
      `${T.factor(l)} ${label(`w_${l}\\sigma'(z_${l})`, `w${SUB[l]}σ′(z${SUB[l]})`)}`])]);
  const products = htmlEl("div", { class: "bp-products", "aria-live": "polite" });
  const flowSvg = svgEl("svg", { class: "bp-bars", viewBox: "0 0 300 236", role: "img", "aria-label": T.barsAria });
  const flowText = htmlEl("div", { class: "bp-caption", "data-caption": "flow" });
  el.append(frame("chain", [
    htmlEl("div", { class: "bp-controls" }, sliders),
    htmlEl("div", { class: "bp-readouts" }, Object.values(outs)),
    htmlEl("div", { class: "bp-plots" }, [
      htmlEl("div", {}, [htmlEl("div", { class: "bp-caption" }, T.products), products]),
      htmlEl("div", {}, [flowSvg, htmlEl("div", { class: "bp-caption", "data-caption": "bars" }, T.bars), flowText])]),
  ]));

  function update() {
    const v = chainValues(p);
    for (const n in outs) outs[n].set(v[n]);
    products.replaceChildren(...productRows(v, p));
    drawFlow(flowSvg, v, p);
    const f = (l) => Math.abs(v[`factor${l}`]);
    flowText.textContent = T.flow([3, 2, 1].map((l) => T.cross(l, fmt(f(l)), f(l) < 1 ? T.shrinks : T.grows)));
  }

  update();
  typeset(el);
}

export default { render };
