// The pictures the explorables share: signed bars, a line chart with its axes, and a wish's arrow.
import { fmt, svgEl, svgText } from "./dom.js";

// Horizontal bars for signed values, centred on zero, scaled to the largest magnitude
// (or to a fixed `scale`, labelled at both ends: bars beyond it are clipped and marked »).
// items: [{key, label, value}]; each bar's value is printed in a column on the right.
export function bars(svg, items, width, rowH, scale) {
  svg.replaceChildren();
  const maxAbs = scale || Math.max(1e-12, ...items.map((it) => Math.abs(it.value)));
  const valueW = 62, x0 = 52, mid = (x0 + width - valueW) / 2, half = mid - x0 - 4, top = scale ? 14 : 0;
  svg.append(svgEl("line", { x1: mid, x2: mid, y1: top, y2: top + items.length * rowH, class: "bp-axis" }));
  if (scale) {
    for (const f of [-1, 1]) {
      svg.append(svgEl("line", { x1: mid + f * half, x2: mid + f * half, y1: top, y2: top + items.length * rowH,
        class: "bp-grid" }), svgText(mid + f * half, 10, String(f * scale), { "text-anchor": "middle", class: "bp-tick" }));
    }
    svg.append(svgText(mid, 10, "0", { "text-anchor": "middle", class: "bp-tick" }));
  }
  items.forEach((it, k) => {
    const clipped = Math.abs(it.value) > maxAbs;
    const len = (Math.min(Math.abs(it.value), maxAbs) / maxAbs) * half;
    const x = it.value >= 0 ? mid : mid - len, y = top + k * rowH;
    svg.append(svgEl("rect", { x, y: y + 4, width: Math.max(len, 0.5), height: rowH - 8,
      class: (it.value >= 0 ? "bp-bar-pos" : "bp-bar-neg") + (clipped ? " bp-clipped" : ""),
      "data-bar": it.key || it.label, "data-value": String(it.value) }),
    svgText(4, y + rowH / 2 + 4, it.label),
    svgText(width - 2, y + rowH / 2 + 4, (clipped ? "» " : "") + fmt(it.value), { "text-anchor": "end", class: "bp-bar-value" }));
  });
}

// Ticks for an axis from lo to hi: 1, 2, 5 × 10^k on a linear axis, the powers of ten on a log axis.
function ticks(lo, hi, log = false) {
  if (log) {
    const out = [];
    for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
    return out;
  }
  const span = hi - lo || 1, raw = span / 5, p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * p).find((st) => st >= raw);
  const out = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * span; v += step) out.push(Math.abs(v) < 1e-12 ? 0 : v);
  return out;
}

// A line chart with axes, ticks and axis labels into an <svg viewBox="0 0 W H">.
// series: [{points: [[x, y], ...], class}], opts: {W, H, xLabel, yLabel, logY, xMin, xMax, yMin, yMax}.
// Returns {X, Y}: the maps from data to SVG coordinates, for marks drawn on top.
export function lineChart(svg, series, opts) {
  const W = opts.W || 300, H = opts.H || 180, left = 44, right = 8, top = 8, bottom = 34;
  const all = series.flatMap((sr) => sr.points);
  const xs = all.map((q) => q[0]), ys = all.map((q) => q[1]).filter((v) => !opts.logY || v > 0);
  const xMin = opts.xMin ?? Math.min(...xs), xMax = opts.xMax ?? Math.max(...xs, xMin + 1e-9);
  let yMin = opts.yMin ?? Math.min(...ys), yMax = opts.yMax ?? Math.max(...ys);
  if (opts.logY) {               // whole decades, so the ticks are labelled at both ends
    yMin = 10 ** Math.floor(Math.log10(Math.max(yMin, 1e-300)));
    yMax = 10 ** Math.ceil(Math.log10(Math.max(yMax, yMin * 10)));
    if (yMax <= yMin) yMax = yMin * 10;
  } else if (yMax - yMin < 1e-12) { yMax = yMin + 1; }
  const ty = (v) => (opts.logY ? Math.log10(Math.max(v, 1e-300)) : v);
  const X = (x) => left + ((x - xMin) / (xMax - xMin || 1)) * (W - left - right);
  const Y = (y) => top + (1 - (ty(y) - ty(yMin)) / (ty(yMax) - ty(yMin))) * (H - top - bottom);
  svg.replaceChildren();
  svg.append(svgEl("line", { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: "bp-axis" }),
    svgEl("line", { x1: left, x2: left, y1: top, y2: H - bottom, class: "bp-axis" }));
  for (const v of ticks(yMin, yMax, opts.logY)) {
    svg.append(svgEl("line", { x1: left, x2: W - right, y1: Y(v), y2: Y(v), class: "bp-grid" }),
      svgText(left - 3, Y(v) + 3, opts.logY ? `1e${Math.round(Math.log10(v))}` : String(+v.toPrecision(6)),
        { "text-anchor": "end", class: "bp-tick" }));
  }
  for (const v of ticks(xMin, xMax)) {
    svg.append(svgEl("line", { x1: X(v), x2: X(v), y1: H - bottom, y2: H - bottom + 3, class: "bp-axis" }),
      svgText(X(v), H - bottom + 13, String(+v.toPrecision(6)), { "text-anchor": "middle", class: "bp-tick" }));
  }
  if (opts.xLabel) svg.append(svgText((left + W - right) / 2, H - 4, opts.xLabel, { "text-anchor": "middle" }));
  if (opts.yLabel) {
    svg.append(svgText(-(top + H - bottom) / 2, 10, opts.yLabel,
      { "text-anchor": "middle", transform: "rotate(-90)" }));
  }
  for (const sr of series) {
    svg.append(svgEl("polyline", { class: sr.class || "bp-cost-line", "data-y": sr.points.map((q) => q[1]).join(","),
      points: sr.points.map(([x, y]) => `${X(x).toFixed(2)},${Y(y).toFixed(2)}`).join(" ") }));
  }
  return { X, Y };
}

// A wish drawn as a vertical arrow from (x, y) in an SVG <g data-arrow=key data-value=wish>: up for a positive
// wish (the activation should grow), `length` long and up to 1 + `width` wide at `scale`; a wish past the
// scale is drawn full length with a second head (data-clipped). Too short to see: display none.
export function wishArrow(x, y, wish, { scale, length, width, cls, key }) {
  const g = svgEl("g", { class: cls, "data-arrow": key, "data-value": String(wish) });
  const clipped = Math.abs(wish) > scale;
  const f = Math.min(Math.abs(wish) / scale, 1), len = length * f, wdt = 1 + width * f, dir = wish > 0 ? -1 : 1;
  if (len < 0.5) { g.setAttribute("display", "none"); return g; }
  const head = Math.min(len, Math.max(0.6 * len, 4), 5 + 1.5 * wdt);   // a shaft shows on all but the shortest
  const tip = (at) => svgEl("polygon", { points: `${x - 3 - wdt},${y + dir * (at - head)} `
    + `${x + 3 + wdt},${y + dir * (at - head)} ${x},${y + dir * at}`, stroke: "none" });
  g.append(svgEl("line", { x1: x, y1: y, x2: x, y2: y + dir * (len - head), "stroke-width": wdt }), tip(len));
  if (clipped) { g.setAttribute("data-clipped", ""); g.append(tip(len - head)); }
  return g;
}
