// The chain of chapter 2 as a computational graph (chapter 6): every node with its value
// (forward) and its gradient ∂C/∂node (backward). Sliders w1 w2 w3 b1 b2 b3 a0 y.
import { chainGradients, sigmoidPrime } from "./maths.js";
import { SUB, fmtShort, htmlEl, label, svgEl, texts, typeset } from "./dom.js";
import { bindSlider, frame, params, readoutCell } from "./controls.js";

const NODES = ["a0", "w1", "b1", "z1", "a1", "w2", "b2", "z2", "a2", "w3", "b3", "z3", "a3",
  "y", "C"];

const TEXT = {
  en: {
    caption: "The chain as a computational graph. In each node: its value (forward, blue) and " +
      "∂C/∂node, its gradient (backward, red; the wish is its negative). Edges carry the local derivatives.",
    node: "node", value: "value", grad: "∂C/∂node (gradient)",
    svg: "computational graph of the chain, each node with its value and its gradient",
    aria: { w: "weight w", b: "bias b", a0: "input a0", y: "target y" },
  },
  zh: {
    caption: "链的计算图。每个节点里：它的值（前向，蓝色）和 ∂C/∂节点，即它的梯度（反向，红色；期望是它的相反数）。" +
      "边上是局部导数。",
    node: "节点", value: "值", grad: "∂C/∂节点（梯度）",
    svg: "链的计算图，每个节点标出它的值和梯度",
    aria: { w: "权重 w", b: "偏置 b", a0: "输入 a0", y: "目标 y" },
  },
};

export function chainGraphValues(p) {         // as backprop.explorables.ChainGraph.values()
  const g = chainGradients([p.w1, p.w2, p.w3], [p.b1, p.b2, p.b3], [p.a0], [p.y]);
  const v = { a0: p.a0, y: p.y, C: g.cost, dC_dC: 1 };
  v.dC_da0 = g.a[0][0];
  for (let l = 1; l <= 3; l++) {
    v[`w${l}`] = p[`w${l}`]; v[`b${l}`] = p[`b${l}`];
    v[`z${l}`] = g.zs[l - 1][0]; v[`a${l}`] = g.acts[l][0];
    v[`dC_dw${l}`] = g.w[l - 1]; v[`dC_db${l}`] = g.b[l - 1];
    v[`dC_dz${l}`] = g.b[l - 1];                   // ∂z/∂b = 1, so ∂C/∂b = ∂C/∂z
    if (l < 3) v[`dC_da${l}`] = g.a[l][0];
  }
  v.dC_da3 = 2 * (v.a3 - p.y);                     // C = (a3 − y)²
  v.dC_dy = -2 * (v.a3 - p.y);
  return v;
}

// Where each node sits in the picture (viewBox 0 0 1006 310), and the edges with their
// local derivatives ∂head/∂tail. Boxes BOX_W wide hold a 9-character number ("-0.004127")
// at 14 px; the 44 px between two boxes hold an edge's label.
const GX = (k) => 48 + 130 * k;
const BOX_W = 86, BOX_H = 62;
const POS = {
  a0: [GX(0), 150], z1: [GX(1), 150], a1: [GX(2), 150], z2: [GX(3), 150], a2: [GX(4), 150],
  z3: [GX(5), 150], a3: [GX(6), 150], C: [GX(7), 150], y: [GX(7), 265],
  w1: [GX(1), 45], b1: [GX(1), 265], w2: [GX(3), 45], b2: [GX(3), 265], w3: [GX(5), 45], b3: [GX(5), 265],
};

export function chainGraphEdges(v, p) {
  const sp = (l) => sigmoidPrime(v[`z${l}`]);
  const e = [];
  for (let l = 1; l <= 3; l++) {
    e.push([`a${l - 1}`, `z${l}`, p[`w${l}`]], [`w${l}`, `z${l}`, v[`a${l - 1}`]], [`b${l}`, `z${l}`, 1],
      [`z${l}`, `a${l}`, sp(l)]);
  }
  e.push(["a3", "C", 2 * (v.a3 - p.y)], ["y", "C", -2 * (v.a3 - p.y)]);
  return e;
}

function nodeName(n) {            // "z1" → "z₁"
  return n.length === 2 && SUB[n[1]] ? n[0] + SUB[n[1]] : n;
}

// A text in svg at (x, y); room: the width it may take: a longer one is drawn narrower (textLength), so it
// never crosses its box or the next box. Monospace glyphs are 0.6 em wide.
function fitText(svg, x, y, str, cls, room, size, anchor = "middle") {
  const t = svgEl("text", { x, y, "text-anchor": anchor, class: cls });
  t.textContent = str;
  if (str.length * 0.6 * size > room) {
    t.setAttribute("textLength", room);
    t.setAttribute("lengthAdjust", "spacingAndGlyphs");
  }
  svg.append(t);
}

// The graph into svg: each edge with its local derivative, each node's box with its name, value and gradient.
function drawGraph(svg, v, p) {
  svg.replaceChildren();
  const defs = svgEl("defs");
  const marker = svgEl("marker", { id: "bp-graph-arrow", viewBox: "0 0 10 10", refX: 10, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" });
  marker.append(svgEl("path", { d: "M0,0 L10,5 L0,10 z", class: "bp-graph-arrowhead" }));
  defs.append(marker);
  svg.append(defs);
  const W = BOX_W, H = BOX_H;
  for (const [from, to, d] of chainGraphEdges(v, p)) {   // from the tail's box edge to the head's
    const [x0, y0] = POS[from], [x1, y1] = POS[to];
    const dx = x1 - x0, dy = y1 - y0;
    const cut = (ddx, ddy) => Math.min(ddx ? (W / 2) / Math.abs(ddx) : Infinity,
      ddy ? (H / 2) / Math.abs(ddy) : Infinity);
    const t0 = cut(dx, dy), t1 = 1 - cut(dx, dy);
    svg.append(svgEl("line", { x1: x0 + t0 * dx, y1: y0 + t0 * dy, x2: x0 + t1 * dx, y2: y0 + t1 * dy,
      class: "bp-graph-edge", "marker-end": "url(#bp-graph-arrow)" }));
    if (dy === 0) {                                  // between two boxes: the gap less 2 px a side
      fitText(svg, x0 + dx / 2, y0 - 6, fmtShort(d), "bp-graph-local", Math.abs(dx) - W - 4, 11);
    } else {                                         // beside a vertical edge; left of the last column's
      const last = x0 === GX(7);
      fitText(svg, x0 + (last ? -6 : 6), y0 + dy / 2 + 4, fmtShort(d), "bp-graph-local", 60, 11,
        last ? "end" : "start");
    }
  }
  for (const n of NODES) {
    const [x, y] = POS[n];
    svg.append(svgEl("rect", { x: x - W / 2, y: y - H / 2, width: W, height: H, rx: 6,
      class: n === "C" ? "bp-graph-node bp-graph-out" : "bp-graph-node" }));
    fitText(svg, x, y - 12, nodeName(n), "bp-graph-name", W - 6, 16);
    fitText(svg, x, y + 7, fmtShort(v[n]), "bp-graph-val", W - 6, 14);
    fitText(svg, x, y + 24, fmtShort(v[`dC_d${n}`]), "bp-graph-grad", W - 6, 14);
  }
}

function render({ model, el }) {
  const T = texts(TEXT), p = {};
  const tex = (k) => (k === "y" ? "y" : label(`${k[0]}_${k[1]}`, nodeName(k)));
  const aria = (k) => (k.length === 2 && T.aria[k[0]] ? T.aria[k[0]] + k[1] : T.aria[k]);
  const sliders = params(model).map((k) => bindSlider(model, p, k, tex(k), aria(k), () => update()));
  // the readouts: one table row per node, its value and its gradient
  const cells = {};
  const cell = (key) => htmlEl("td", {}, (cells[key] = readoutCell(key)));
  const th = (text, scope) => htmlEl("th", { scope }, text);
  const table = htmlEl("table", { class: "bp-graph-table" }, [
    htmlEl("thead", {}, htmlEl("tr", {}, [th(T.node, "col"), th(T.value, "col"), th(T.grad, "col")])),
    htmlEl("tbody", {}, NODES.map((n) => htmlEl("tr", {}, [th(nodeName(n), "row"), cell(n), cell(`dC_d${n}`)]))),
  ]);
  const svg = svgEl("svg", { class: "bp-graph", viewBox: "0 0 1006 310", role: "img", "aria-label": T.svg });
  el.append(frame("graph", [          // data-explorable="graph": the name its DOM contract gave it
    htmlEl("div", { class: "bp-controls" }, sliders),
    htmlEl("div", { class: "bp-readouts" }, table),
    htmlEl("div", { class: "bp-plots bp-graph-plot" }, [htmlEl("div", { class: "bp-graph-wrap" }, svg),
      htmlEl("div", { class: "bp-caption" }, T.caption)]),
  ]));

  function update() {
    const v = chainGraphValues(p);
    for (const [k, c] of Object.entries(cells)) c.set(v[k]);
    drawGraph(svg, v, p);
  }

  update();
  typeset(el);
}

export default { render };
