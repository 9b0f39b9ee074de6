"""Copy the browser assets the book serves itself from node_modules/ into _assets/vendor/.

node_modules/ comes from package-lock.json (`npm ci`); _assets/ is listed in
html_static_path, so Sphinx copies it into _build/html/_static/. Nothing here is
committed and nothing is loaded from a CDN when the book is read.

Only what pages use is copied: the woff2 fonts of MathJax's CommonHTML output (the formulas are
typeset at build time by tools/typeset.js with npm's mathjax-full; the stylesheet it writes beside them
names these fonts), and the 400-weight Noto Sans SC woff2 subsets for Chinese text, with an @font-face
sheet whose unicode-ranges keep it to CJK characters (a page fetches only the subsets its Chinese
characters fall in; Latin text keeps the theme's font). No MathJax, require.js or widget manager script:
book_static/anywidgets.js draws the explorables.
"""
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NM = ROOT / "node_modules"
OUT = ROOT / "_assets" / "vendor"

# (source under node_modules, destination under _assets/vendor)
COPIES = [
    # the fonts tools/typeset.js's stylesheet (_static/vendor/mathjax/mathjax.css) names as woff-v2/...
    ("mathjax-full/es5/output/chtml/fonts/woff-v2", "mathjax/woff-v2"),
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
    copy_cjk_font(OUT / "noto-sans-sc")
    size = sum(f.stat().st_size for f in OUT.rglob("*") if f.is_file())
    print(f"copied browser assets into {OUT.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
