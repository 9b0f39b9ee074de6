"""Copy the browser assets the book serves itself from node_modules/ into _assets/vendor/.

node_modules/ comes from package-lock.json (`npm ci`); _assets/ is listed in
html_static_path, so Sphinx copies it into _build/html/_static/. Nothing here is
committed and nothing is loaded from a CDN when the book is read.
"""
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NM = ROOT / "node_modules"
OUT = ROOT / "_assets" / "vendor"

# (source under node_modules, destination under _assets/vendor)
COPIES = [
    ("requirejs/require.js", "require.js"),
    ("anywidget/dist/index.js", "anywidget/index.js"),
    ("@jupyter-widgets/html-manager/dist/embed-amd.js", "html-manager/embed-amd.js"),
    ("mathjax/es5/tex-chtml.js", "mathjax/tex-chtml.js"),
    ("mathjax/es5/input", "mathjax/input"),        # TeX extensions MathJax loads on demand
    ("mathjax/es5/output/chtml", "mathjax/output/chtml"),  # its fonts
    ("mathjax/es5/ui", "mathjax/ui"),              # the right-click menu
    ("mathjax/es5/a11y", "mathjax/a11y"),          # accessibility extensions the menu may load
    ("mathjax/es5/sre", "mathjax/sre"),            # speech rule engine used by a11y
    ("mathjax/es5/adaptors", "mathjax/adaptors"),
]


def main():
    if not NM.is_dir():
        raise SystemExit("node_modules/ is missing: run `npm ci` first (the Makefile does)")
    if OUT.exists():
        shutil.rmtree(OUT)
    for src, dst in COPIES:
        s, d = NM / src, OUT / dst
        d.parent.mkdir(parents=True, exist_ok=True)
        if s.is_dir():
            shutil.copytree(s, d)
        else:
            shutil.copy2(s, d)
    # the widget manager's icon fonts sit beside embed-amd.js
    for font in (NM / "@jupyter-widgets/html-manager/dist").iterdir():
        if font.suffix in {".woff", ".woff2", ".ttf", ".eot", ".svg"}:
            shutil.copy2(font, OUT / "html-manager" / font.name)
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"copied browser assets into {OUT.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
