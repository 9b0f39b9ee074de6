// The last neuron: a = σ(w·a_prev + b), C = (a − y)². Sliders w, b, a (a_prev), y.

const NEURON_PARAMS = ["w", "b", "a", "y"];

function neuronValues(p) {       // as backprop.explorables.Neuron.values()
  const g = chainGradients([p.w], [p.b], [p.a], [p.y]);
  return { C: g.cost, dC_dw: g.w[0], dC_db: g.b[0], dC_da: g.a[0][0] };
}

function render({ model, el }) {
  const p = {}, spec = model.get("ranges");
  for (const k of NEURON_PARAMS) p[k] = model.get(k);
  let moving = "w";
  const labels = { w: label("w", "w"), b: label("b", "b"), a: label("a^{(L-1)}", "a⁽ᴸ⁻¹⁾"), y: label("y", "y") };
  const sliders = {};
  for (const k of NEURON_PARAMS) {
    sliders[k] = slider(k, labels[k], spec[k], p[k], (v) => {
      p[k] = v; moving = k === "y" ? moving : k;
      update();
      model.set(k, v); save(model);
    });
  }
  const outs = {
    C: readout("C", "cost " + label("C_0", "C₀")),
    dC_dw: readout("dC_dw", label("\\partial C_0/\\partial w", "∂C₀/∂w")),
    dC_db: readout("dC_db", label("\\partial C_0/\\partial b", "∂C₀/∂b")),
    dC_da: readout("dC_da", label("\\partial C_0/\\partial a^{(L-1)}", "∂C₀/∂a⁽ᴸ⁻¹⁾")),
  };
  const barSvg = s("svg", { class: "bp-bars", viewBox: "0 0 300 84", role: "img",
    "aria-label": "bars of the three partial derivatives" });
  const curveSvg = s("svg", { class: "bp-curve", viewBox: "0 0 300 180", role: "img",
    "aria-label": "the cost as a function of the parameter being moved, with its tangent" });
  const caption = h("div", { class: "bp-caption" });
  el.append(h("div", { class: "bp-explorable", "data-explorable": "neuron" }, [
    h("div", { class: "bp-controls" }, NEURON_PARAMS.map((k) => sliders[k])),
    h("div", { class: "bp-readouts" }, Object.values(outs)),
    h("div", { class: "bp-plots" }, [barSvg, h("div", {}, [curveSvg, caption])]),
  ]));

  function update() {
    const v = neuronValues(p);
    for (const k in outs) outs[k].set(v[k]);
    bars(barSvg, [{ label: "∂C/∂w", value: v.dC_dw }, { label: "∂C/∂b", value: v.dC_db },
                  { label: "∂C/∂a", value: v.dC_da }], 300, 28);
    drawCurve(v);
  }

  function drawCurve(v) {        // C as a function of the parameter being moved, and its tangent
    const r = spec[moving], n = 121, xs = [], cs = [];
    for (let i = 0; i < n; i++) {
      const x = r.min + ((r.max - r.min) * i) / (n - 1);
      xs.push(x);
      cs.push(neuronValues({ ...p, [moving]: x }).C);
    }
    const W = 300, H = 160, X = (x) => 30 + ((x - r.min) / (r.max - r.min)) * (W - 40);
    const cMax = Math.max(1e-9, ...cs), Y = (c) => 10 + (1 - c / cMax) * (H - 20);
    curveSvg.replaceChildren(
      s("line", { x1: 30, x2: W - 10, y1: H - 10, y2: H - 10, class: "bp-axis" }),
      s("polyline", { points: xs.map((x, i) => `${X(x)},${Y(cs[i])}`).join(" "), class: "bp-cost-line" }));
    const slope = { w: v.dC_dw, b: v.dC_db, a: v.dC_da }[moving], x0 = p[moving], dx = (r.max - r.min) / 8;
    curveSvg.append(
      s("line", { x1: X(x0 - dx), y1: Y(v.C - slope * dx), x2: X(x0 + dx), y2: Y(v.C + slope * dx),
                  class: "bp-tangent" }),
      s("circle", { cx: X(x0), cy: Y(v.C), r: 4, class: "bp-point" }));
    const t = s("text", { x: W / 2, y: H + 16, "text-anchor": "middle", class: "bp-bar-label" });
    t.textContent = `cost C against ${moving} (tangent slope = ∂C/∂${moving})`;
    curveSvg.append(t);
  }

  followModel(model, NEURON_PARAMS, p, sliders, update);
  update();
  typeset(el);
}

export default { render };
