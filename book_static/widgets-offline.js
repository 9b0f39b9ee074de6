// Glue that lets the saved widgets of a page render with no network.
// Loaded after require.js and before the widget manager (embed-amd.js), on pages with widgets.
(function () {
  // This file is served from <book>/_static/; the vendored assets sit in _static/vendor/.
  var here = document.currentScript.src.replace(/[^/]*$/, "");
  window.require.config({
    paths: {
      // the explorables' front-end runtime, from npm's anywidget
      anywidget: here + "vendor/anywidget/index",
      // the manager's icon fonts are looked up relative to this module path
      "@jupyter-widgets/html-manager/dist": here + "vendor/html-manager",
    },
  });
  // The widget manager typesets labels with MathJax 2's MathJax.Hub.Queue; the book
  // runs MathJax 3. Map the old call onto MathJax 3 once MathJax has started.
  function shimMathJax2() {
    var MJ = window.MathJax;
    if (MJ && MJ.version && !MJ.Hub) {
      MJ.Hub = {
        Queue: function (job) {
          var el = Array.isArray(job) ? job[2] : undefined;
          return MJ.typesetPromise ? MJ.typesetPromise(el ? [el] : undefined) : undefined;
        },
      };
    }
  }
  window.addEventListener("load", shimMathJax2);
})();
