// The 4-layer chain (a0 → a1 → a2 → a3), one neuron per layer. Sliders w1 w2 w3 b1 b2 b3 a0 y.

const CHAIN_PARAMS = ["w1", "w2", "w3", "b1", "b2", "b3", "a0", "y"];

function chainValues(p) {        // as backprop.explorables.Chain.values()
  const g = chainGradients([p.w1, p.w2, p.w3], [p.b1, p.b2, p.b3], [p.a0], [p.y]);
  const v = { C: g.cost };
  for (let l = 1; l <= 3; l++) { v[`dC_dw${l}`] = g.w[l - 1]; v[`dC_db${l}`] = g.b[l - 1]; }
  for (let l = 0; l <= 2; l++) v[`dC_da${l}`] = g.a[l][0];
  v.a2 = g.acts[2][0]; v.a3 = g.acts[3][0]; v.sp3 = sigmoidPrime(g.zs[2][0]);
  return v;
}

function render({ model, el }) {
  const p = {}, spec = model.get("ranges");
  for (const k of CHAIN_PARAMS) p[k] = model.get(k);
  const SUB = "₀₁₂₃";
  const tex = (k) => (k === "y" ? "y" : label(`${k[0]}_${k[1]}`, k[0] + SUB[k[1]]));
  const sliders = {};
  for (const k of CHAIN_PARAMS) {
    sliders[k] = slider(k, tex(k), spec[k], p[k], (v) => { p[k] = v; update(); model.set(k, v); save(model); });
  }
  const names = ["C", "dC_dw1", "dC_dw2", "dC_dw3", "dC_db1", "dC_db2", "dC_db3", "dC_da0", "dC_da1", "dC_da2"];
  const outs = {};
  for (const n of names) {
    outs[n] = readout(n, n === "C" ? "cost " + label("C_0", "C₀")
      : label(`\\partial C_0/\\partial ${n[4]}_${n[5]}`, `∂C₀/∂${n[4]}${SUB[n[5]]}`));
  }
  const product = h("div", { class: "bp-product", "aria-live": "polite" });
  const flowSvg = s("svg", { class: "bp-bars", viewBox: "0 0 300 200", role: "img",
    "aria-label": "size of the gradient at each layer" });
  el.append(h("div", { class: "bp-explorable", "data-explorable": "chain" }, [
    h("div", { class: "bp-controls" }, CHAIN_PARAMS.map((k) => sliders[k])),
    h("div", { class: "bp-readouts" }, names.map((n) => outs[n])),
    h("div", { class: "bp-plots" }, [h("div", {}, [
      h("div", { class: "bp-caption" }, "∂C/∂w₃ as the product of its chain-rule factors:"), product]),
      h("div", {}, [flowSvg, h("div", { class: "bp-caption" },
        "|∂C/∂w| and |∂C/∂a| layer by layer, log scale: the wish shrinks as it flows back")])]),
  ]));

  function update() {
    const v = chainValues(p);
    for (const n of names) outs[n].set(v[n]);
    product.replaceChildren(
      h("span", { class: "bp-factor", "data-factor": "a2", title: "∂z₃/∂w₃ = a₂" }, fmt(v.a2)), " × ",
      h("span", { class: "bp-factor", "data-factor": "sp3", title: "∂a₃/∂z₃ = σ′(z₃)" }, fmt(v.sp3)), " × ",
      h("span", { class: "bp-factor", "data-factor": "dC_da3", title: "∂C₀/∂a₃ = 2(a₃ − y)" },
        fmt(2 * (v.a3 - p.y))), " = ", h("strong", {}, fmt(v.dC_dw3)),
      h("div", { class: "bp-caption" }, "a₂ × σ′(z₃) × 2(a₃ − y)"));
    drawFlow(v);
  }

  function drawFlow(v) {         // log10 |gradient| per layer: how big the wish is at each depth
    const rows = [];
    for (let l = 3; l >= 1; l--) rows.push({ label: `∂C/∂w${l}`, value: v[`dC_dw${l}`] });
    for (let l = 2; l >= 0; l--) rows.push({ label: `∂C/∂a${l}`, value: v[`dC_da${l}`] });
    flowSvg.replaceChildren();
    const lo = -8, X = (x) => 70 + ((Math.max(lo, Math.log10(Math.abs(x) || 1e-300)) - lo) / (0 - lo)) * 220;
    rows.forEach((r, k) => {
      flowSvg.append(s("rect", { x: 70, y: k * 32 + 6, width: Math.max(0.5, X(r.value) - 70), height: 20,
        class: r.label.includes("w") ? "bp-bar-pos" : "bp-bar-neg" }));
      const t = s("text", { x: 4, y: k * 32 + 20, class: "bp-bar-label" });
      t.textContent = r.label;
      flowSvg.append(t);
    });
    for (const e of [-8, -4, 0]) {
      const t = s("text", { x: X(10 ** e), y: 198, "text-anchor": "middle", class: "bp-bar-label" });
      t.textContent = `1e${e}`;
      flowSvg.append(t);
    }
  }

  followModel(model, CHAIN_PARAMS, p, sliders, update);
  update();
  typeset(el);
}

export default { render };
