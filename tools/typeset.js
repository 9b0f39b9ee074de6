// Typeset every formula of a built edition once, at build time, with MathJax 3 (npm mathjax-full, the same
// engine the pages ran in the browser before), so that no page loads MathJax.
//
//   node tools/typeset.js HTML_DIR CSS_FILE USAGE_FILE
//
// HTML_DIR: a built edition; every .html under it (not _static/, _sources/) is rewritten in place.
// Sphinx writes each formula as \( … \) inside <span class="math"> or \[ … \] inside <div class="math">;
// each becomes MathJax's CommonHTML output (<mjx-container>, sized in em: formulas scale with their text)
// with the hidden MathML that screen readers read (<mjx-assistive-mml>). The TeX packages are those
// MathJax's tex-chtml.js component loads or autoloads, not "all packages" (physics would redefine \div).
// CSS_FILE: the one stylesheet every page with math links (book_ext.py adds the link): MathJax's styles for
// every character and construct used on any page, with @font-face rules for its woff2 fonts, which sit
// beside it in woff-v2/ (tools/copy_assets.py copies them).
// USAGE_FILE: what the stylesheet covers, kept between builds (in the doctrees, not in the site): an
// incremental build rewrites only changed pages, and the pages it leaves alone still need their styles.
//
// Prints "typeset N formulas (I inline, D display) on P pages"; a TeX error (MathJax's merror) or a raw
// delimiter left in a page's text is an error (exit status 1).
"use strict";
const fs = require("fs");
const path = require("path");
const { mathjax } = require("mathjax-full/js/mathjax.js");
const { TeX } = require("mathjax-full/js/input/tex.js");
const { CHTML } = require("mathjax-full/js/output/chtml.js");
const { liteAdaptor } = require("mathjax-full/js/adaptors/liteAdaptor.js");
const { RegisterHTMLHandler } = require("mathjax-full/js/handlers/html.js");
const { AssistiveMmlHandler } = require("mathjax-full/js/a11y/assistive-mml.js");
require("mathjax-full/js/input/tex/AllPackages.js");   // registers every package; only PACKAGES are used

// tex-chtml.js's own packages, then what its autoload extension would load when a macro asks for it
const PACKAGES = ["base", "ams", "newcommand", "noundefined", "configmacros", "action", "amscd", "bbox",
                  "boldsymbol", "braket", "bussproofs", "cancel", "cases", "centernot", "color", "colortbl",
                  "empheq", "enclose", "extpfeil", "gensymb", "html", "mathtools", "mhchem", "upgreek",
                  "unicode", "verb"];

const [htmlDir, cssFile, usageFile] = process.argv.slice(2);
if (!usageFile) {
  console.error("usage: node tools/typeset.js HTML_DIR CSS_FILE USAGE_FILE");
  process.exit(2);
}

const adaptor = liteAdaptor();
AssistiveMmlHandler(RegisterHTMLHandler(adaptor));
const tex = new TeX({ packages: PACKAGES });
const chtml = new CHTML({ fontURL: "woff-v2", adaptiveCSS: true });
const doc = mathjax.document("", { InputJax: tex, OutputJax: chtml });

// the styles the pages left alone by an incremental build still need
const USAGES = { wrappers: chtml.wrapperUsage, chars: chtml.font.charUsage, delims: chtml.font.delimUsage };
if (fs.existsSync(usageFile)) {
  const old = JSON.parse(fs.readFileSync(usageFile, "utf8"));
  for (const [k, usage] of Object.entries(USAGES)) for (const item of old[k] || []) usage.add(JSON.parse(item));
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: "\u00a0" };
const unescape = (s) => s.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, e) => ENTITIES[e]);

// MathJax in the browser scales formulas to the x-height of the text around them ("matchFontHeight");
// with the theme's system-ui font in this project's Chromium it chose 127.3% of the text's size. Typeset
// ahead of time, a formula gets that one factor, in em: it follows its text's size anywhere.
const SCALE = 1.273;

const CONTAINER_STYLE = new RegExp(`^(<mjx-container[^>]*?) style="font-size: ${+(100 * SCALE).toFixed(1)}%; position: relative;"`);
const CONTAINER = `mjx-container[jax="CHTML"] { font-size: ${+(100 * SCALE).toFixed(1)}%; position: relative; }`;

const errors = [];
let inline = 0, display = 0, pages = 0;

function typeset(texSrc, isDisplay, page) {
  const node = doc.convert(unescape(texSrc), { display: isDisplay, em: 16, ex: 8, containerWidth: 80 * 16,
                                                 scale: SCALE });
  // the container's own style (the scale, and the relative position its hidden MathML needs) is the same on
  // every formula: the stylesheet says it once (CONTAINER below), not each of a page's hundreds of formulas
  const html = adaptor.outerHTML(node).replace(CONTAINER_STYLE, "$1");
  if (html.includes("<mjx-merror")) errors.push(`${page}: TeX error in ${texSrc}`);
  if (isDisplay) display++; else inline++;
  return html;
}

// <span class="math notranslate nohighlight">\(x\)</span> and <div class="math notranslate nohighlight">
// [<span class="eqno">(1)…</span>]\[…\]</div>, as Sphinx's MathJax writer emits them
const MATH = /(<(span|div) class="math notranslate nohighlight"[^>]*>)([\s\S]*?)(<\/\2>)/g;
const TEX = /\\\[([\s\S]*?)\\\]|\\\(([\s\S]*?)\\\)/g;

function pagesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith("_")) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...pagesUnder(p));
    else if (entry.name.endsWith(".html")) out.push(p);
  }
  return out;
}

// the visible text of a page (no scripts, styles, code blocks, tags): where a raw delimiter must not remain
function visibleText(html) {
  return html.replace(/<(script|style|pre|code|textarea)\b[\s\S]*?<\/\1\s*>/gi, " ").replace(/<[^>]*>/g, " ");
}

for (const file of pagesUnder(htmlDir)) {
  const page = path.relative(htmlDir, file);
  const before = fs.readFileSync(file, "utf8");
  const after = before.replace(MATH, (all, open, tag, inner, close) =>
    open + inner.replace(TEX, (m, d, i) => (d !== undefined ? typeset(d, true, page) : typeset(i, false, page)))
    + close);
  if (after !== before) {
    fs.writeFileSync(file, after);
    pages++;
  }
  const text = unescape(visibleText(after));
  for (const raw of ["\\(", "\\[", "$$"]) {
    if (text.includes(raw)) errors.push(`${page}: raw ${raw} left in the text (math MathJax would have typeset)`);
  }
}

const sheet = adaptor.textContent(chtml.styleSheet(doc));
fs.mkdirSync(path.dirname(cssFile), { recursive: true });
fs.writeFileSync(cssFile, "/* MathJax 3 CommonHTML styles for the book's formulas: tools/typeset.js writes this file. */\n"
                 + sheet + "\n" + CONTAINER + "\n");
const usage = {};
for (const [k, u] of Object.entries(USAGES)) usage[k] = [...u.used];
fs.mkdirSync(path.dirname(usageFile), { recursive: true });
fs.writeFileSync(usageFile, JSON.stringify(usage));

console.log(`typeset ${inline + display} formulas (${inline} inline, ${display} display) on ${pages} pages`);
if (errors.length) {
  console.error(errors.join("\n"));
  process.exit(1);
}
