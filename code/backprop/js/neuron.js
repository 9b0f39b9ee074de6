// The last neuron (chapter 1): z = w·a + b, a_L = σ(z), C = (a_L − y)². Sliders w, b, a (= a(L−1)), y.
import { chainGradients, sigmoidPrime } from "./maths.js";
import { htmlEl, label, svgEl, texts, typeset } from "./dom.js";
import { bindSlider, frame, params, readouts } from "./controls.js";
import { bars, lineChart } from "./charts.js";

const SCALE = 0.5;               // the bars' fixed scale: |∂C/∂w|, |∂C/∂b| never exceed 0.3

const TEXT = {
  en: {
    aria: { w: "weight w", b: "bias b", a: "input activation a of layer L minus 1", y: "target y" },
    z: "weighted input", a_L: "output", sigma_prime_z: "slope of the sigmoid", C: "cost",
    bars: "wish −∂C/∂θ for each knob (per unit of η: the step is η times it), fixed scale ±0.5; » marks a bar past the edge",
    barsAria: "bars of the wishes minus dC/dw, minus dC/db and minus dC/da",
    curveAria: "the cost as a function of the parameter moved last, with its tangent",
    curveY: "cost C₀",
    curve: (k) => `C₀ against ${k} (the other sliders fixed); dashed: the tangent, slope ∂C/∂${k}`,
  },
  zh: {
    aria: { w: "权重 w", b: "偏置 b", a: "上一层的输入激活值 a", y: "目标值 y" },
    z: "加权输入", a_L: "输出", sigma_prime_z: "S 型函数的斜率", C: "代价",
    bars: "对每个量的期望 −∂C/∂θ（每单位学习率：调整是它的 η 倍），固定刻度 ±0.5；» 表示超出边缘",
    barsAria: "期望 −∂C/∂w、−∂C/∂b、−∂C/∂a 的条形图",
    curveAria: "代价随最后移动的参数变化的曲线及其切线",
    curveY: "代价 C₀",
    curve: (k) => `C₀ 随 ${k} 的变化（其余滑块不变）；虚线为切线，斜率 ∂C/∂${k}`,
  },
};

export function neuronValues(p) {       // as backprop.explorables.Neuron.values()
  const g = chainGradients([p.w], [p.b], [p.a], [p.y]);
  const z = g.zs[0][0];
  return { z, a_L: g.acts[1][0], sigma_prime_z: sigmoidPrime(z), C: g.cost,
           dC_dw: g.w[0], dC_db: g.b[0], dC_da: g.a[0][0] };
}

// The cost C against the slider `moving` (the others fixed), with its tangent at the current point, into svg.
function drawCurve(svg, caption, T, spec, p, moving, v) {
  const r = spec[moving], n = 121, pts = [];
  for (let i = 0; i < n; i++) {
    const x = r.min + ((r.max - r.min) * i) / (n - 1);
    pts.push([x, neuronValues({ ...p, [moving]: x }).C]);
  }
  const name = moving === "a" ? "a(L−1)" : moving;
  const { X, Y } = lineChart(svg, [{ points: pts }], { W: 300, H: 180, xLabel: name, yLabel: T.curveY, yMin: 0 });
  const slope = { w: v.dC_dw, b: v.dC_db, a: v.dC_da }[moving], x0 = p[moving];
  const cMax = Math.max(...pts.map((q) => q[1]), 1e-9);
  const dx = Math.min((r.max - r.min) / 8, (0.25 * cMax) / Math.max(Math.abs(slope), 1e-12));
  // the tangent runs from x0 + lo to x0 + hi, cut where it would leave the chart (x or C out of range)
  let lo = Math.max(-dx, r.min - x0), hi = Math.min(dx, r.max - x0);
  if (slope !== 0) {
    const t0 = (0 - v.C) / slope, t1 = (cMax - v.C) / slope;
    lo = Math.max(lo, Math.min(t0, t1));
    hi = Math.min(hi, Math.max(t0, t1));
  }
  svg.append(
    svgEl("line", { x1: X(x0 + lo), y1: Y(v.C + slope * lo), x2: X(x0 + hi), y2: Y(v.C + slope * hi),
      class: "bp-tangent" }),
    svgEl("circle", { cx: X(x0), cy: Y(v.C), r: 4, class: "bp-point" }));
  caption.textContent = T.curve(name);
}

function render({ model, el }) {
  const T = texts(TEXT), p = {}, spec = model.get("ranges");
  let moving = "w";                // the slider moved last, other than y: the curve's x axis
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
    ["dC_da", label("\\partial C_0/\\partial a^{(L-1)}", "∂C₀/∂a⁽ᴸ⁻¹⁾")],
  ]);
  const barSvg = svgEl("svg", { class: "bp-bars", viewBox: "0 0 300 98", role: "img", "aria-label": T.barsAria });
  const curveSvg = svgEl("svg", { class: "bp-curve", viewBox: "0 0 300 180", role: "img", "aria-label": T.curveAria });
  const caption = htmlEl("div", { class: "bp-caption", "data-caption": "curve" });
  el.append(frame("neuron", [
    htmlEl("div", { class: "bp-controls" }, sliders),
    htmlEl("div", { class: "bp-readouts" }, Object.values(outs)),
    htmlEl("div", { class: "bp-plots" }, [
      htmlEl("div", {}, [barSvg, htmlEl("div", { class: "bp-caption", "data-caption": "bars" }, T.bars)]),
      htmlEl("div", {}, [curveSvg, caption])]),
  ]));

  function update() {
    const v = neuronValues(p);
    for (const k in outs) outs[k].set(v[k]);
    bars(barSvg, [{ key: "w", label: "−∂C/∂w", value: -v.dC_dw }, { key: "b", label: "−∂C/∂b", value: -v.dC_db },
      { key: "a", label: "−∂C/∂a", value: -v.dC_da }], 300, 28, SCALE);
    drawCurve(curveSvg, caption, T, spec, p, moving, v);
  }

  update();
  typeset(el);
}

export default { render };
