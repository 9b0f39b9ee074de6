// The one-page edition (Sphinx's singlehtml build) rearranged as a printed book: run by tools/pdf.py in the
// page, once its explorables are drawn, before Chromium prints it.
//
//   title page, contents (page numbers filled in by the second pass), the introduction, every chapter from a
//   new page, the solutions as an appendix after the chapters (exercise -> solution -> back), then the
//   book's own appendix (benchmark, glossary).
//
// Headings are renumbered so that a chapter is an <h1> and its sections <h2>: the tagged PDF's structure
// and the bookmarks follow them. Repeated ids (every chapter's "exercises") are made unique, and each
// chapter's own links follow its own. An explorable taller than a page is scaled to fit one.
// Returns {outline: [{id, level, title, words: the title without its formulas}] in reading order (tools/pdf.py writes the bookmarks from it),
// pairs: [[exercise id, solution id]], explorables: [{chapter: its chapter's heading id, readouts: [text]}]}.
(args) => {
  "use strict";
  const T = args.text;
  const article = document.querySelector("article.bd-article");
  const intro = article.querySelector(":scope > section");
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    for (const k of kids) e.append(k);
    return e;
  };
  const rename = (node, tag) => {
    const e = document.createElement(tag);
    for (const a of node.attributes) e.setAttribute(a.name, a.value);
    while (node.firstChild) e.appendChild(node.firstChild);
    node.replaceWith(e);
    return e;
  };
  // a formula as a line of text, from MathJax's MathML: subscripts after "_", superscripts after "^"
  const linear = (n) => {
    const kids = [...n.children].map(linear);
    const wrap = (t) => (/^[\w′⊤]+$|^\[.*\]$|^\(.*\)$/u.test(t) ? t : `(${t})`);
    switch (n.localName) {
      case "msub": return kids[0] + "_" + wrap(kids[1]);
      case "msup": return kids[0] + "^" + wrap(kids[1]);
      case "msubsup": return kids[0] + "_" + wrap(kids[1]) + "^" + wrap(kids[2]);
      case "mfrac": return wrap(kids[0]) + "/" + wrap(kids[1]);
      default: return n.children.length ? kids.join("") : n.textContent;
    }
  };
  const headingText = (h) => {
    const c = h.cloneNode(true);
    c.querySelectorAll(".headerlink").forEach((x) => x.remove());
    // a formula in a heading: its text is what MathJax's hidden MathML says (for the bookmarks)
    c.querySelectorAll("mjx-container").forEach((m) => {
      const mml = m.querySelector("math");
      m.replaceWith(mml ? linear(mml) : "");
    });
    return c.textContent.replace(/\s+/g, " ").trim();
  };

  // --- the chapters, out of the introduction they are nested in -------------------------------------
  const chapters = [];
  for (const span of intro.querySelectorAll('span[id^="document-"]')) {
    const sec = span.nextElementSibling;
    chapters.push({ doc: span.id.slice("document-".length), span, sec });
  }
  for (const c of chapters) {
    c.sec.remove();
    c.span.remove();
    c.sec.prepend(c.span);                   // links to #document-... land on the chapter
    // its headings one level up: the chapter's title an <h1>
    for (const lvl of [2, 3, 4, 5, 6]) {
      c.sec.querySelectorAll("h" + lvl).forEach((h) => rename(h, "h" + (lvl - 1)));
    }
    c.sec.classList.add("pdf-chapter");
  }
  // the toctree's leftovers in the introduction (captions of the parts, empty wrappers)
  intro.querySelectorAll(".toctree-wrapper").forEach((w) => w.remove());
  intro.classList.add("pdf-chapter");
  const introTitle = intro.querySelector("h1");
  introTitle.firstChild.textContent = T.introduction;

  // --- repeated ids made unique, chapter by chapter ----------------------------------------------------
  const parts = [intro, ...chapters.map((c) => c.sec)];
  const seen = new Set();
  parts.forEach((part, k) => {
    const renamed = {};
    for (const e of part.querySelectorAll("[id]")) {
      if (seen.has(e.id)) {
        const fresh = `${e.id}-${k}`;
        renamed[e.id] = fresh;
        e.id = fresh;
      }
      seen.add(e.id);
    }
    for (const a of part.querySelectorAll('a[href^="#"]')) {
      const target = decodeURIComponent(a.getAttribute("href").slice(1));
      if (renamed[target]) a.setAttribute("href", "#" + renamed[target]);
    }
  });

  // --- the solutions: an appendix after the chapters, each linked to its exercise and back ------------
  const solutions = el("section", { id: "pdf-solutions", class: "pdf-chapter pdf-solutions" },
                       el("h1", {}, T.solutions));
  let lastExercise = null, n = 0, group = null;
  const pairs = [];
  const boxes = [intro, ...chapters.map((c) => c.sec)].flatMap((p) => [...p.querySelectorAll(".exercise, .solution")]);
  for (const box of boxes) {
    if (box.classList.contains("exercise")) { lastExercise = box; continue; }
    if (!lastExercise) throw new Error("a solution with no exercise before it");
    const ex = lastExercise;
    const chapter = chapters.find((c) => c.sec.contains(box));
    if (chapter && (!group || group.chapter !== chapter)) {
      const title = chapter.sec.querySelector("h1");
      group = { chapter, h: el("h2", { id: `pdf-solutions-${chapter.doc.replace(/\W/g, "-")}` },
                                 headingText(title)) };
      solutions.append(group.h);
    }
    n += 1;
    if (!box.id) box.id = `pdf-solution-${n}`;
    box.classList.remove("dropdown", "toggle-hidden");
    box.querySelectorAll(".toggle-button, button.toggle-button").forEach((b) => b.remove());
    box.querySelectorAll(".toggle-hidden").forEach((b) => b.classList.remove("toggle-hidden"));
    const exCaption = ex.querySelector(".admonition-title");
    const title = box.querySelector(".admonition-title");
    title.textContent = "";
    title.append(T.solutionTo + " ",
                 el("a", { href: "#" + ex.id, class: "pdf-back" }, exCaption.textContent.replace(/\s+/g, " ").trim()));
    box.append(el("p", { class: "pdf-solution-back" },
                  el("a", { href: "#" + ex.id }, T.back), " ",
                  el("span", { class: "pdf-page", "data-target": ex.id }, "")));
    ex.append(el("p", { class: "pdf-solution-link" },
                 el("a", { href: "#" + box.id }, T.solution), " ",
                 el("span", { class: "pdf-page", "data-target": box.id }, "")));
    solutions.append(box);
    pairs.push([ex.id, box.id]);
  }

  // --- title page and contents -------------------------------------------------------------------------
  const titlePage = el("section", { class: "pdf-title-page" },
                       el("h1", { class: "pdf-book-title" }, T.title),
                       el("p", { class: "pdf-subtitle" }, T.subtitle),
                       el("p", { class: "pdf-author" }, T.author),
                       el("p", { class: "pdf-edition" }, T.edition));
  // the order of the printed book: the solutions after the chapters, before the book's own appendix
  const appendix = new Set(args.appendix);
  const main = chapters.filter((c) => !appendix.has(c.doc)).map((c) => c.sec);
  const after = chapters.filter((c) => appendix.has(c.doc)).map((c) => c.sec);
  const order = [intro, ...main, solutions, ...after];

  const outline = [];
  const contents = el("nav", { class: "pdf-contents", id: "pdf-contents" }, el("h1", {}, T.contents));
  const list = el("ol", { class: "pdf-toc" });
  let hn = 0;
  for (const part of order) {
    for (const h of part.querySelectorAll("h1, h2")) {
      if (h.closest(".exercise, .solution, .admonition, .cell_output")) continue;
      if (!h.id) {
        const sec = h.parentElement.tagName === "SECTION" && h.parentElement.firstElementChild === h
          ? h.parentElement : null;
        if (sec && sec.id) h.id = sec.id + "-title";
        else h.id = `pdf-h-${++hn}`;
      }
      const level = h.tagName === "H1" ? 1 : 2;
      const title = headingText(h);
      outline.push({ id: h.id, level, title });
      // the contents show the heading as it is printed (its formulas typeset); the bookmarks, as text
      const shown = h.cloneNode(true);
      // (without MathJax's hidden MathML: the heading itself keeps it for screen readers)
      shown.querySelectorAll(".headerlink, mjx-assistive-mml").forEach((x) => x.remove());
      shown.querySelectorAll("[id]").forEach((x) => x.removeAttribute("id"));
      const words = shown.cloneNode(true);
      words.querySelectorAll("mjx-container").forEach((x) => x.remove());
      outline[outline.length - 1].words = words.textContent.replace(/\s+/g, " ").trim();
      list.append(el("li", { class: `pdf-toc-${level}` },
                     el("a", { href: "#" + h.id }, ...shown.childNodes),
                     el("span", { class: "pdf-page", "data-target": h.id }, "")));
    }
  }
  contents.append(list);

  article.replaceChildren(titlePage, contents, ...order);
  document.documentElement.classList.add("pdf-print");

  // --- page breaks: what is kept whole, and explorables scaled to fit -------------------------------------
  // A code cell or a box taller than LONG of a page may break (kept whole it would leave a large empty page
  // bottom); shorter ones, figures and explorables are kept whole (tools/pdf.css).
  const H = args.pageHeight, LONG = 0.4, MIN_SCALE = 0.65;   // an explorable is not shown smaller than 65%
  for (const b of article.querySelectorAll(".cell, .admonition")) {
    if (b.getBoundingClientRect().height > LONG * H) b.classList.add("pdf-long");
  }
  const zoom = (w, z) => { w.style.zoom = String(Math.floor(z * 100) / 100); };
  // an explorable taller than a page is scaled to fit one
  for (const w of article.querySelectorAll(".widget-subarea")) {
    const h = w.getBoundingClientRect().height;
    if (h > H - 40) zoom(w, (H - 40) / h);
  }
  // An explorable that does not fit the rest of its page moves to the next and leaves the bottom empty:
  // tools/pdf.py reads from the first print where each one landed and how much room was left before it
  // (a 1 px link to a marker just before it, and to the block that moves with it, gives each a place in
  // the PDF), then scales it to fit that room when it stays readable (window.pdfFit).
  const fits = [];
  article.querySelectorAll(".widget-subarea").forEach((w, k) => {
    const unit = w.closest(".cell:not(.pdf-long)") || w;
    unit.id = unit.id || `pdf-unit-${k}`;
    const mark = el("div", { class: "pdf-mark", id: `pdf-before-${k}` },
                    el("a", { href: `#pdf-before-${k}` }), el("a", { href: "#" + unit.id }));
    unit.before(mark);
    fits.push({ mark: mark.id, unit: unit.id, widget: k });
  });
  const widgets = [...article.querySelectorAll(".widget-subarea")];
  window.pdfFit = (k, room) => {
    // room: CSS px left on the page before the block that holds explorable k. Zoom does not shrink every
    // part alike (text has a minimum), so the scale is found in a few steps.
    const w = widgets[k], unit = document.getElementById(fits[k].unit);
    const before = w.style.zoom;
    const target = room - (unit.getBoundingClientRect().height - w.getBoundingClientRect().height) - 12;
    let z = parseFloat(before || "1");
    for (let i = 0; i < 6; i++) {
      const h = w.getBoundingClientRect().height;
      if (h <= target) return z;
      z = Math.floor(z * (target / h) * 100) / 100;
      if (z < MIN_SCALE) break;
      w.style.zoom = String(z);
    }
    w.style.zoom = before;
    return null;
  };

  // what each explorable shows (its readouts' text) and the chapter it is in: tests/pdf finds them printed
  const explorables = [...article.querySelectorAll("[data-explorable]")].map((x) => ({
    chapter: x.closest(".pdf-chapter").querySelector("h1").id,
    readouts: [...x.querySelectorAll("[data-readout]")].map((r) => r.textContent.trim()).filter((t) => t),
  }));
  return { outline, pairs, explorables, fits };
}
