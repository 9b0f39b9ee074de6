"""Copy the browser assets the book serves itself from node_modules/ into _assets/vendor/.

node_modules/ comes from package-lock.json (`npm ci`); _assets/ is listed in
html_static_path, so Sphinx copies it into _build/html/_static/. Nothing here is
committed and nothing is loaded from a CDN when the book is read.

Only what pages use is copied: MathJax's combined tex-chtml component with the parts
it loads on demand (TeX extensions, its woff2 fonts, the accessibility explorer and the
English speech rules its menu can switch on: no other language), the widget manager's
woff2 icon fonts (the other formats are never chosen by a current browser), and the
400-weight Noto Sans SC woff2 subsets for Chinese text, with an @font-face sheet whose
unicode-ranges keep it to CJK characters (a page fetches only the subsets its Chinese
characters fall in; Latin text keeps the theme's font).
"""
import re
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
    # tex-chtml.js already holds the TeX input, the CommonHTML output with its font data and the menu
    ("mathjax/es5/tex-chtml.js", "mathjax/tex-chtml.js"),
    ("mathjax/es5/input/tex/extensions", "mathjax/input/tex/extensions"),  # loaded on demand
    ("mathjax/es5/output/chtml/fonts/woff-v2", "mathjax/output/chtml/fonts/woff-v2"),
    ("mathjax/es5/a11y", "mathjax/a11y"),          # accessibility extensions the menu may load
    # the speech rule engine's rules for English only (the book's language), its base, and Nemeth braille
    ("mathjax/es5/sre/mathmaps/base.json", "mathjax/sre/mathmaps/base.json"),
    ("mathjax/es5/sre/mathmaps/en.json", "mathjax/sre/mathmaps/en.json"),
    ("mathjax/es5/sre/mathmaps/nemeth.json", "mathjax/sre/mathmaps/nemeth.json"),
]

CJK_FONT = NM / "@fontsource/noto-sans-sc"
CJK_FROM = 0x2E80  # CJK radicals onward: the subsets' Latin, Greek and punctuation stay with the theme's font


def _cjk_ranges(unicode_range):
    """The items of a CSS unicode-range at or above CJK_FROM, e.g. "U+4e00-4e2d,U+ff0c"."""
    keep = []
    for item in unicode_range.split(","):
        start = int(item.strip()[2:].split("-")[0], 16)
        if start >= CJK_FROM:
            keep.append(item.strip())
    return ",".join(keep)


def copy_cjk_font(out):
    """Noto Sans SC 400, woff2 only, restricted to CJK code points; returns the files written."""
    css = (CJK_FONT / "400.css").read_text()
    faces = []
    (out / "files").mkdir(parents=True)
    for block in re.findall(r"@font-face \{.*?\}", css, flags=re.S):
        woff2 = re.search(r"url\(\./files/([^)]+\.woff2)\)", block).group(1)
        ranges = _cjk_ranges(re.search(r"unicode-range: ([^;]+);", block).group(1))
        if not ranges:
            continue
        shutil.copy2(CJK_FONT / "files" / woff2, out / "files" / woff2)
        faces.append("@font-face {\n  font-family: 'Noto Sans SC';\n  font-style: normal;\n"
                     "  font-display: swap;\n  font-weight: 400;\n"
                     f"  src: url(./files/{woff2}) format('woff2');\n  unicode-range: {ranges};\n}}\n")
    header = ("/* Noto Sans SC (SIL Open Font License 1.1, from npm's @fontsource/noto-sans-sc; "
              "see LICENSE), CJK code points only: tools/copy_assets.py writes this file. */\n")
    (out / "noto-sans-sc.css").write_text(header + "".join(faces))
    shutil.copy2(CJK_FONT / "LICENSE", out / "LICENSE")
    return len(faces)


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
    # (woff2 only: every current browser takes the first format it supports, and woff2 comes first)
    for font in (NM / "@jupyter-widgets/html-manager/dist").iterdir():
        if font.suffix == ".woff2":
            shutil.copy2(font, OUT / "html-manager" / font.name)
    copy_cjk_font(OUT / "noto-sans-sc")
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"copied browser assets into {OUT.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
