// Small helpers for every page of the book (loaded by _ext/book_ext.py).
// Chinese text: the CJK font's @font-face sheet (about 100 kB of unicode-ranges) is linked only on pages
// that have some (an element marked lang="zh", or the page of a Chinese edition).
(function () {
  var here = document.currentScript.src.replace(/[^/]*$/, "");
  function linkFont() {
    if (!document.querySelector('[lang|="zh"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = here + "vendor/noto-sans-sc/noto-sans-sc.css";
    document.head.appendChild(link);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", linkFont);
  else linkFont();
})();
// A table wider than its column scrolls inside its own box; say so above it, and fade its right
// edge until the reader has scrolled to the end. The same for a printed table on a phone (a cell's output
// that _ext/book_ext.py marked table-output: book.css keeps its rows whole there).
(function () {
  var TEXT = {
    en: "Scroll sideways to see every column →",
    zh: "左右滑动查看全部列 →",
  };
  function lang() {
    return (document.documentElement.lang || "en").toLowerCase().indexOf("zh") === 0 ? "zh" : "en";
  }
  function update(box, cue, hint) {
    var wide = box.scrollWidth > box.clientWidth + 1;
    cue.classList.toggle("scrolls", wide);
    cue.classList.toggle("at-end", !wide || box.scrollLeft + box.clientWidth >= box.scrollWidth - 1);
    hint.hidden = !wide;
  }
  function setup() {
    var tables = ".bd-article .pst-scrollable-table-container, .bd-article div.table-output pre";
    document.querySelectorAll(tables).forEach(function (box) {
      if (box.parentElement.classList.contains("scroll-cue")) return;
      var cue = document.createElement("div");
      cue.className = "scroll-cue";
      box.parentElement.insertBefore(cue, box);
      cue.appendChild(box);
      var hint = document.createElement("p");
      hint.className = "scroll-hint";
      hint.textContent = TEXT[lang()];
      cue.parentElement.insertBefore(hint, cue);
      // the box can be scrolled with the keyboard too
      if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "0");
      if (!box.hasAttribute("role")) box.setAttribute("role", "region");
      if (!box.hasAttribute("aria-label")) {
        var cap = box.querySelector("caption");
        box.setAttribute("aria-label", cap ? cap.textContent.trim() : (lang() === "zh" ? "表格" : "table"));
      }
      var go = function () { update(box, cue, hint); };
      box.addEventListener("scroll", go, { passive: true });
      window.addEventListener("resize", go);
      go();
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
