// Making the page: elements, numbers as text, the page's language, formulas. Every explorable's visible
// strings come from a table TEXT = {en: {...}, zh: {...}}; texts(TEXT) picks the page's.

const SVG_NS = "http://www.w3.org/2000/svg";

// htmlEl("div", {class: "x"}, [child, "text", ...]): a new HTML element with these attributes and children.
export function htmlEl(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of [].concat(children)) el.append(c);
  return el;
}

// svgEl("line", {x1: 0, ...}): a new SVG element with these attributes.
export function svgEl(tag, attrs = {}) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

// An SVG <text> at (x, y); attrs may set "text-anchor", "class", ... (default class bp-bar-label).
export function svgText(x, y, text, attrs = {}) {
  const t = svgEl("text", { x, y, class: "bp-bar-label", ...attrs });
  t.textContent = text;
  return t;
}

export function fmt(x) {         // readable text; the full value goes in data-value
  if (x === 0) return "0";
  const ax = Math.abs(x);
  return ax >= 1e-3 && ax < 1e4 ? x.toFixed(4) : x.toExponential(3);
}

export function fmtShort(x) {    // 4 significant digits, for a small picture
  if (x === 0) return "0";
  const ax = Math.abs(x);
  return ax >= 1e-3 && ax < 1e4 ? String(Number(x.toPrecision(4))) : x.toExponential(2);
}

export const SUB = "₀₁₂₃";      // SUB[k]: the digit k as a subscript

// ---- the page's language -------------------------------------------------------------------------------------
export function pageLang() {     // "zh" on a Chinese page (<html lang="zh-CN">), else "en"
  const lang = (document.documentElement.lang || "").toLowerCase();
  return lang.startsWith("zh") ? "zh" : "en";
}

export function texts(TEXT) {   // the table for this page's language
  return TEXT[pageLang()] || TEXT.en;
}

// ---- formulas --------------------------------------------------------------------------------------------------
// Neither the book (its formulas are typeset when it is built) nor JupyterLab has a page-wide MathJax: a label
// is then plain Unicode text (a⁽ᴸ⁻¹⁾), never raw TeX. A page that loads MathJax 3 gets the TeX typeset.
function pageHasMathJax() {
  return [...document.scripts].some((el) => /\/tex-(mml-)?(chtml|svg)(-full)?\.js/.test(el.src));
}

export function label(tex, plain) {   // TeX where the page typesets it, plain text elsewhere
  return pageHasMathJax() ? `\\(${tex}\\)` : plain;
}

export function typeset(el) {
  const MJ = window.MathJax;
  if (!pageHasMathJax() || !MJ) return;
  if (MJ.typesetPromise) MJ.typesetPromise([el]).catch(() => {});
  else if (MJ.startup && MJ.startup.promise) MJ.startup.promise.then(() => MJ.typesetPromise([el]));
}
