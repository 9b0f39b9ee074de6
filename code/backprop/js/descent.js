// Gradient descent on the chain over a small data set: learning-rate and batch-size sliders,
// step / run / reset buttons, and the cost J on the whole data set drawn as it goes.
// Batch k is examples k·B, k·B+1, … (mod m), in a fixed order, as backprop.explorables.Descent.

function descentStep(theta, data, lr, B, k) {
  const m = data.a0.length, idx = [];
  for (let j = 0; j < B; j++) idx.push((k * B + j) % m);
  const g = chainGradients(theta.w, theta.b, idx.map((i) => data.a0[i]), idx.map((i) => data.y[i]));
  theta.w = theta.w.map((x, l) => x - lr * g.w[l]);
  theta.b = theta.b.map((x, l) => x - lr * g.b[l]);
}

function render({ model, el }) {
  const data = { a0: model.get("a0"), y: model.get("y") }, m = data.a0.length;
  const start = () => ({ w: model.get("w0").slice(), b: model.get("b0").slice() });
  let theta = start(), k = 0, costs = [], timer = null;
  let lr = model.get("lr"), B = model.get("batch_size");
  const J = () => chainGradients(theta.w, theta.b, data.a0, data.y).cost;
  costs.push(J());

  const lrSlider = slider("lr", "learning rate " + label("\\eta", "η"), { min: 0.1, max: 20, step: 0.1 }, lr,
    (v) => { lr = v; model.set("lr", v); save(model); });
  const bSlider = slider("batch_size", "batch size", { min: 1, max: m, step: 1 }, B,
    (v) => { B = v; model.set("batch_size", v); save(model); reset(); });
  const outJ = readout("J", "cost " + label("J", "J") + " on all data"), outK = readout("step", "steps taken");
  const button = (name, text, fn) => { const b = h("button", { type: "button", "data-action": name }, text);
    b.addEventListener("click", fn); return b; };
  const svg = s("svg", { class: "bp-curve", viewBox: "0 0 300 180", role: "img", "aria-label": "cost J against steps" });
  el.append(h("div", { class: "bp-explorable", "data-explorable": "descent" }, [
    h("div", { class: "bp-controls" }, [lrSlider, bSlider,
      h("div", { class: "bp-buttons" }, [button("step", "Step", () => { stop(); advance(1); }),
        button("run", "Run 200 steps", run), button("reset", "Reset", () => { stop(); reset(); })])]),
    h("div", { class: "bp-readouts" }, [outJ, outK]),
    h("div", { class: "bp-plots" }, [svg]),
  ]));

  function advance(n) {
    for (let i = 0; i < n; i++) { descentStep(theta, data, lr, B, k); k += 1; costs.push(J()); }
    draw();
  }
  function run() {
    stop();
    let left = 200;
    timer = setInterval(() => { advance(5); left -= 5; if (left <= 0) stop(); }, 30);
  }
  function stop() { if (timer) clearInterval(timer); timer = null; }
  function reset() { theta = start(); k = 0; costs = [J()]; draw(); }
  function draw() {
    outJ.set(costs[costs.length - 1]); outK.set(k);
    const W = 300, H = 160, n = Math.max(costs.length - 1, 10), cMax = Math.max(...costs, 1e-9);
    const X = (i) => 30 + (i / n) * (W - 40), Y = (c) => 10 + (1 - c / cMax) * (H - 20);
    svg.replaceChildren(s("line", { x1: 30, x2: W - 10, y1: H - 10, y2: H - 10, class: "bp-axis" }),
      s("polyline", { points: costs.map((c, i) => `${X(i)},${Y(c)}`).join(" "), class: "bp-cost-line" }));
    const t = s("text", { x: W / 2, y: H + 16, "text-anchor": "middle", class: "bp-bar-label" });
    t.textContent = `J against steps (batch size ${B} of ${m})`;
    svg.append(t);
  }
  draw();
  typeset(el);
}

export default { render };
