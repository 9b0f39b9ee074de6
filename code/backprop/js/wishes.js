// Many neurons, one wish (chapter 4): three activations a_k feed two sigmoid neurons j.
// z_j = Σ_k w_jk a_k + b_j, out_j = σ(z_j), C = Σ_j E_j with E_j = (out_j − y_j)².
// Neuron j's gradient for a_k is ∂E_j/∂a_k = w_jk σ'(z_j) 2(out_j − y_j), and ∂C/∂a_k is the sum over j.
// The readouts show these gradients (the keys wish_j_k keep their old name: outside checks read them).
// The drawing shows the wishes, their negatives −∂E_j/∂a_k and −∂C/∂a_k (an arrow up: a_k should grow),
// on a fixed scale, so an arrow keeps its length while another one changes.

const WISHES_PARAMS = ["a0", "a1", "a2", "y0", "y1", "b0", "b1", "w00", "w01", "w02", "w10", "w11", "w12"];
const WISHES_J = [0, 1], WISHES_K = [0, 1, 2];
const WISHES_SUB = "₀₁₂";
const WISHES_SCALE = 0.8;   // a wish of 0.8 is a full-length arrow; a longer one is clipped and gets a second head

const WISHES_TEXT = {
  en: {
    groups: ["inputs aₖ (from layer L−1)", "targets yⱼ", "biases bⱼ", "weights wⱼₖ (into neuron j from input k)"],
    aria: {
      a: (k) => `input activation a ${k}`, y: (j) => `target y ${j} of output neuron ${j}`,
      b: (j) => `bias b ${j} of output neuron ${j}`, w: (j, k) => `weight from input ${k} to output neuron ${j}`,
    },
    cost: "cost", output: (j) => `output of neuron ${j}`,
    heads: ["cost and outputs", (j) => `neuron ${j}'s gradients ∂C/∂θ`, "the inputs' gradients, summed",
      "The readouts are gradients ∂C/∂θ; the arrows are the wishes, their negatives −∂C/∂θ."],
    match: (j) => `silence neuron ${j}: set y${WISHES_SUB[j]} to its output`,
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
    match: (j) => `让神经元 ${j} 安静：令 y${WISHES_SUB[j]} 等于它的输出`,
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


function wishesValues(p) {       // as backprop.explorables.Wishes.values() (backprop.wishes.layer_wishes)
  const a = [p.a0, p.a1, p.a2], v = { C: 0 };
  const dz = [], dE = [[], []];
  for (const j of WISHES_J) {
    let z = 0;
    for (const k of WISHES_K) z += p[`w${j}${k}`] * a[k];
    z += p[`b${j}`];
    const out = sigmoid(z);
    v[`out${j}`] = out;
    v.C += (out - p[`y${j}`]) ** 2;
    dz[j] = 2 * (out - p[`y${j}`]) * sigmoidPrime(z);       // ∂C/∂z_j = 2(out_j − y_j) σ'(z_j)
    v[`dC_dz${j}`] = dz[j];
    v[`dC_db_${j}`] = dz[j];
    for (const k of WISHES_K) {
      dE[j][k] = p[`w${j}${k}`] * dz[j];                      // ∂E_j/∂a_k, the gradient
      v[`wish_${j}_${k}`] = dE[j][k];                           // (the key's name is kept: see the top)
      v[`dC_dw_${j}_${k}`] = dz[j] * a[k];                    // ∂C/∂w_jk
    }
  }
  for (const k of WISHES_K) v[`dC_da${k}`] = 0 + dE[0][k] + dE[1][k];   // Σ_j ∂E_j/∂a_k
  return v;
}

const WISHES_CSS = `
.bp-wishes { --wz-j0: var(--bp-pos, #1f6feb); --wz-j1: #bc4c00; --wz-node: #ffffff; display: block; }
html[data-theme="dark"] .bp-wishes, body[data-jp-theme-light="false"] .bp-wishes { --wz-j1: #f0883e;
  --wz-node: #0d1117; }
.bp-wishes .wz-sliders { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 250px), 1fr));
  gap: 0 1.2rem; }
.bp-wishes fieldset { border: none; margin: 0; padding: 0; min-width: 0; }
.bp-wishes legend { font-size: 0.8rem; color: var(--bp-muted, #4b535d); padding: 0.3rem 0 0; }
.bp-wishes .wz-picture { max-width: 520px; margin: 0.6rem auto 0; }
.bp-wishes svg { width: 100%; height: auto; display: block; }
.bp-wishes .wz-readouts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr));
  gap: 0 1.2rem; }
.bp-wishes .wz-head { font-size: 0.8rem; color: var(--bp-muted, #4b535d); margin-top: 0.6rem; }
.bp-wishes .wz-wide { grid-column: 1 / -1; }
.bp-wishes .wz-top { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr)); gap: 0 1.2rem; }
.wz-edge { fill: none; opacity: 0.5; }
.wz-j0 { stroke: var(--wz-j0); fill: var(--wz-j0); }
.wz-j1 { stroke: var(--wz-j1); fill: var(--wz-j1); }
.wz-sum { stroke: var(--bp-fg, #1f2328); fill: var(--bp-fg, #1f2328); }
.wz-node { fill: var(--wz-node); stroke: var(--bp-fg, #1f2328); stroke-width: 1.5; }
.wz-text { fill: var(--bp-fg, #1f2328); font-size: 12px; }
.wz-small { fill: var(--bp-muted, #4b535d); font-size: 10.5px; }
.wz-base { stroke: var(--bp-rule, #d0d7de); stroke-width: 1; }
`;

function render({ model, el }) {
  const T = WISHES_TEXT[typeof pageLang === "function" ? pageLang() : "en"];
  const p = {}, spec = model.get("ranges");
  for (const k of WISHES_PARAMS) p[k] = model.get(k);
  const tex = {
    a: (k) => label(`a_${k}`, `a${WISHES_SUB[k]}`), y: (j) => label(`y_${j}`, `y${WISHES_SUB[j]}`),
    b: (j) => label(`b_${j}`, `b${WISHES_SUB[j]}`), w: (j, k) => label(`w_{${j}${k}}`, `w${WISHES_SUB[j]}${WISHES_SUB[k]}`),
  };
  const sliders = {};
  const make = (k, lab, aria) => {
    sliders[k] = slider(k, lab, spec[k], p[k], (v) => { p[k] = v; update(); model.set(k, v); save(model); });
    sliders[k].querySelector("input").setAttribute("aria-label", aria);
  };
  for (const k of WISHES_K) make(`a${k}`, tex.a(k), T.aria.a(k));
  for (const j of WISHES_J) make(`y${j}`, tex.y(j), T.aria.y(j));
  for (const j of WISHES_J) make(`b${j}`, tex.b(j), T.aria.b(j));
  for (const j of WISHES_J) for (const k of WISHES_K) make(`w${j}${k}`, tex.w(j, k), T.aria.w(j, k));
  const group = (title, names) => h("fieldset", {}, [h("legend", {}, title), ...names.map((n) => sliders[n])]);

  const buttons = WISHES_J.map((j) => {
    const btn = h("button", { type: "button", "data-action": `match${j}`, "aria-label": T.matchAria(j) }, T.match(j));
    btn.addEventListener("click", () => {
      const y = wishesValues(p)[`out${j}`];
      p[`y${j}`] = y;
      sliders[`y${j}`].set(y);
      sliders[`y${j}`].querySelector("output").textContent = fmt(y);   // the exact value, not the step
      update();
      model.set(`y${j}`, y); save(model);
    });
    return btn;
  });

  const outs = {};
  const ro = (key, lab) => { outs[key] = readout(key, lab); return outs[key]; };
  const jk = (j, k) => `${j}${k}`;
  const top = [ro("C", `${T.cost} ` + label("C = \\sum_j (a^{(L)}_j - y_j)^2", "C = Σⱼ (aⱼ⁽ᴸ⁾ − yⱼ)²")),
    ...WISHES_J.map((j) => ro(`out${j}`, `${T.output(j)} ` + label(`a^{(L)}_${j}`, `a${WISHES_SUB[j]}⁽ᴸ⁾`)))];
  const neuronBox = (j) => h("div", { class: "wz-group" }, [h("div", { class: "wz-head" }, T.heads[1](j)),
    ro(`dC_dz${j}`, label(`\\partial C/\\partial z_${j}`, `∂C/∂z${WISHES_SUB[j]}`)),
    ...WISHES_K.map((k) => ro(`wish_${j}_${k}`, label(`\\partial E_${j}/\\partial a_${k}`,
      `∂E${WISHES_SUB[j]}/∂a${WISHES_SUB[k]}`))),
    ...WISHES_K.map((k) => ro(`dC_dw_${j}_${k}`, label(`\\partial C/\\partial w_{${j}${k}}`,
      `∂C/∂w${WISHES_SUB[j]}${WISHES_SUB[k]}`))),
    ro(`dC_db_${j}`, label(`\\partial C/\\partial b_${j}`, `∂C/∂b${WISHES_SUB[j]}`))]);
  const sumBox = h("div", { class: "wz-group" }, [h("div", { class: "wz-head" }, T.heads[2]),
    ...WISHES_K.map((k) => ro(`dC_da${k}`, label(`\\partial C/\\partial a_${k} = \\textstyle\\sum_j`,
      `∂C/∂a${WISHES_SUB[k]} = Σⱼ`)))]);

  const svg = s("svg", { viewBox: "0 0 350 250", role: "img", "aria-label": T.svgAria, "data-picture": "wishes" });
  el.append(h("style", {}, WISHES_CSS));
  el.append(h("div", { class: "bp-explorable bp-wishes", "data-explorable": "wishes" }, [
    h("div", { class: "wz-sliders" }, [
      group(T.groups[0], ["a0", "a1", "a2"]),
      h("div", {}, [group(T.groups[1], ["y0", "y1"]), group(T.groups[2], ["b0", "b1"])]),
      group(T.groups[3], ["w00", "w01", "w02", "w10", "w11", "w12"]),
    ]),
    h("div", { class: "bp-buttons" }, buttons),
    h("div", { class: "wz-picture" }, [svg, h("div", { class: "bp-caption" }, T.caption)]),
    h("div", { class: "wz-readouts" }, [h("div", { class: "wz-group wz-wide" },
      [h("div", { class: "wz-head" }, T.heads[0]), h("div", { class: "wz-top" }, top)]),
      neuronBox(0), neuronBox(1), sumBox, h("div", { class: "bp-caption wz-wide" }, T.heads[3])]),
  ]));

  const ROW = [70, 140, 210], OUT = [105, 175], XIN = 200, XOUT = 320, XCOL = [28, 80, 138];
  function arrow(x, y, wish, cls, key) {   // up for a positive wish: a_k should grow
    const g = s("g", { class: cls, "data-arrow": key, "data-value": String(wish) });
    const clipped = Math.abs(wish) > WISHES_SCALE;
    const f = Math.min(Math.abs(wish) / WISHES_SCALE, 1), len = 32 * f, wdt = 1 + 5 * f, dir = wish > 0 ? -1 : 1;
    if (len < 0.5) { g.setAttribute("display", "none"); return g; }
    const head = Math.min(len, Math.max(0.6 * len, 4), 5 + 1.5 * wdt);   // a shaft shows on all but the shortest
    const tip = (at) => s("polygon", { points: `${x - 3 - wdt},${y + dir * (at - head)} `
      + `${x + 3 + wdt},${y + dir * (at - head)} ${x},${y + dir * at}`, stroke: "none" });
    g.append(s("line", { x1: x, y1: y, x2: x, y2: y + dir * (len - head), "stroke-width": wdt }), tip(len));
    if (clipped) { g.setAttribute("data-clipped", ""); g.append(tip(len - head)); }   // past the scale's end
    return g;
  }
  function text(x, y, str, cls = "wz-text", anchor = "middle") {
    const t = s("text", { x, y, class: cls, "text-anchor": anchor });
    t.textContent = str;
    return t;
  }

  function draw(v) {
    svg.replaceChildren();
    const a = [p.a0, p.a1, p.a2];
    const wish = WISHES_J.map((j) => WISHES_K.map((k) => -v[`wish_${j}_${k}`]));   // −∂E_j/∂a_k
    const sums = WISHES_K.map((k) => -v[`dC_da${k}`]);                              // −∂C/∂a_k
    WISHES_J.forEach((j) => svg.append(text(XCOL[j], 18, T.cols[j], `wz-small`)));
    svg.append(text(XCOL[2], 18, T.cols[2], "wz-small"));
    for (const j of WISHES_J) {
      for (const k of WISHES_K) {
        svg.append(s("line", { x1: XIN + 20, y1: ROW[k], x2: XOUT - 20, y2: OUT[j], class: `wz-edge wz-j${j}`,
          "stroke-width": 0.5 + 0.8 * Math.abs(p[`w${j}${k}`]), "stroke-dasharray": p[`w${j}${k}`] < 0 ? "4 3" : "" }));
      }
    }
    for (const k of WISHES_K) {
      svg.append(s("line", { x1: 6, x2: 160, y1: ROW[k], y2: ROW[k], class: "wz-base" }));
      svg.append(text(54, ROW[k] + 4, "+", "wz-small"), text(109, ROW[k] + 4, "=", "wz-small"));
      for (const j of WISHES_J) svg.append(arrow(XCOL[j], ROW[k], wish[j][k], `wz-j${j}`, `${j}-${k}`));
      svg.append(arrow(XCOL[2], ROW[k], sums[k], "wz-sum", `sum-${k}`));
      svg.append(s("circle", { cx: XIN, cy: ROW[k], r: 20, class: "wz-node" }),
        text(XIN, ROW[k] - 1, `a${WISHES_SUB[k]}`), text(XIN, ROW[k] + 11, a[k].toFixed(2), "wz-small"));
    }
    for (const j of WISHES_J) {
      svg.append(s("circle", { cx: XOUT, cy: OUT[j], r: 20, class: `wz-node` }),
        s("circle", { cx: XOUT, cy: OUT[j], r: 20, class: `wz-j${j}`, style: "fill: none", "stroke-width": 2.5 }),
        text(XOUT, OUT[j] - 1, `a${WISHES_SUB[j]}⁽ᴸ⁾`), text(XOUT, OUT[j] + 11, v[`out${j}`].toFixed(2), "wz-small"),
        text(XOUT, OUT[j] + 34, `y${WISHES_SUB[j]} = ${p[`y${j}`].toFixed(2)}`, "wz-small"));
    }
  }

  function update() {
    const v = wishesValues(p);
    for (const k in outs) outs[k].set(v[k]);
    draw(v);
  }

  followModel(model, WISHES_PARAMS, p, sliders, update);
  update();
  typeset(el);
}

export default { render };
