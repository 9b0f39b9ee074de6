// Gradient descent on the chain over a small data set (chapter 3): learning-rate and batch-size sliders,
// step / run / reset buttons, and the cost J on the whole data set drawn as it goes (log scale).
// Each epoch walks the examples in a new seeded shuffle (shuffledOrder in maths.js, _order in
// Python); batch k is order[k·B .. k·B + B − 1], as backprop.explorables.Descent.batches.
import { chainGradients, shuffledOrder } from "./maths.js";
import { htmlEl, label, svgEl, texts, typeset } from "./dom.js";
import { bindSlider, button, frame, readout } from "./controls.js";
import { lineChart } from "./charts.js";

const TEXT = {
  en: {
    lr: "learning rate", batch: "batch size", aria: { lr: "learning rate η", batch_size: "batch size" },
    J: "cost J on all examples", step: "steps taken",
    stepBtn: "Step", run: (n) => `Run ${n} steps`, reset: "Reset",
    chartAria: "the cost J on all examples against the steps taken, log scale",
    x: "steps taken", y: "cost J (log scale)",
    caption: (B, m) => `Batch size ${B} of ${m} examples; each step uses the next ${B} of a shuffled order, `
      + "reshuffled every epoch. Moving a slider starts again from the same weights.",
  },
  zh: {
    lr: "学习率", batch: "小批量大小", aria: { lr: "学习率 η", batch_size: "小批量大小" },
    J: "全部样本上的代价 J", step: "已走步数",
    stepBtn: "走一步", run: (n) => `连续走 ${n} 步`, reset: "重置",
    chartAria: "全部样本上的代价 J 随步数的变化，对数刻度",
    x: "已走步数", y: "代价 J（对数刻度）",
    caption: (B, m) => `小批量大小 ${B}（共 ${m} 个样本）；每步取打乱顺序中的下 ${B} 个样本，每个周期重新打乱。`
      + "移动滑块会从相同的权重重新开始。",
  },
};

// Batch j of size B: order[j·B .. j·B + B − 1] of the seeded stream of shuffles (as Descent.batches).
// order: the stream as far as it was made (or []); made longer, twice what is needed, when it is short.
// Returns the batch's example indices and the stream, for the next call.
export function descentBatch(m, seed, B, j, order) {
  if (order.length < (j + 1) * B) order = shuffledOrder(m, seed, Math.max(2 * (j + 1) * B, 4 * m));
  return { idx: order.slice(j * B, (j + 1) * B), order };
}

export function descentStep(theta, data, lr, idx) {
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

  const lrSlider = bindSlider(model, p, "lr", `${T.lr} ${label("\\eta", "η")}`, T.aria.lr, () => { stop(); reset(); });
  const bSlider = bindSlider(model, p, "batch_size", T.batch, T.aria.batch_size, () => { stop(); reset(); });
  const outJ = readout("J", `${T.J}`), outK = readout("step", T.step, true);
  const svg = svgEl("svg", { class: "bp-curve", viewBox: "0 0 300 190", role: "img", "aria-label": T.chartAria });
  const caption = htmlEl("div", { class: "bp-caption" });
  const root = frame("descent", [
    htmlEl("div", { class: "bp-controls" }, [lrSlider, bSlider,
      htmlEl("div", { class: "bp-buttons" }, [button("step", T.stepBtn, () => { stop(); advance(1); }),
        button("run", T.run(RUN), run), button("reset", T.reset, () => { stop(); reset(); })])]),
    htmlEl("div", { class: "bp-readouts" }, [outJ, outK]),
    htmlEl("div", { class: "bp-plots" }, [htmlEl("div", {}, [svg, caption])]),
  ]);
  Object.assign(root.dataset, { running: "false", batch: "" });
  el.append(root);

  function advance(n) {
    for (let i = 0; i < n; i++) {
      let idx;
      ({ idx, order } = descentBatch(m, model.get("seed"), p.batch_size, k, order));
      descentStep(theta, data, p.lr, idx);
      k += 1; costs.push(J());
      root.dataset.batch = idx.join(",");
    }
    draw();
  }
  function run() {
    stop();
    let left = RUN;
    root.dataset.running = "true";
    timer = setInterval(() => { const n = Math.min(5, left); advance(n); left -= n; if (left <= 0) stop(); }, 30);
  }
  function stop() { if (timer) clearInterval(timer); timer = null; root.dataset.running = "false"; }
  function reset() { theta = start(); k = 0; order = []; costs = [J()]; root.dataset.batch = ""; draw(); }
  function draw() {
    outJ.set(costs[costs.length - 1]); outK.set(k);
    lineChart(svg, [{ points: costs.map((c, i) => [i, c]) }],
      { W: 300, H: 190, xMin: 0, xMax: Math.max(costs.length - 1, RUN), logY: true, xLabel: T.x, yLabel: T.y });
    caption.textContent = T.caption(p.batch_size, m);
  }
  reset();
  typeset(el);
}

export default { render };
