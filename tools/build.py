"""Both editions of the book, as `make book` builds them.

    python tools/build.py [--path-output DIR] [--all]   # English into DIR/_build/html, Chinese into .../html/zh
    python tools/build.py --config-only [--path-output DIR]   # only write the two configs (tools/book_config.py)

Both editions are built from the same sources, with the configs tools/book_config.py derives from _config.yml
and locales/zh_CN/config.yml; neither runs a notebook (_config.yml: execute_notebooks off), both show the
chapters' stored outputs. The Chinese build runs in DIR/_build/zh/ (its own doctrees) and is copied into
DIR/_build/html/zh/, with the same paths as the English pages. Then the pages are made light (tools/light.py)
and, if the book has been printed (make pdf), linked to the PDFs.
"""
import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

from book_config import ROOT, write_configs

BIN = Path(sys.executable).parent


def _jb(config, path_output, *extra):
    """One edition, warnings as errors; returns the exit code (both editions are built either way)."""
    cmd = [BIN / "jupyter-book", "build", ROOT, "--config", config, "--path-output", path_output,
           "-nW", "--keep-going", *extra]
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=False).returncode


def build(out, clean=False):
    """English into out/_build/html, Chinese into out/_build/html/zh."""
    out = out.resolve()
    en_cfg, zh_cfg = write_configs(out)
    extra = ["--all"] if clean else []
    usage = out / "_build" / "mathjax-usage.json"
    if clean and usage.exists():
        usage.unlink()
    times, failed = {}, []
    for name, cfg, path_output in [("English", en_cfg, out), ("Chinese", zh_cfg, out / "_build" / "zh")]:
        t = time.perf_counter()
        if _jb(cfg, path_output, *extra):
            failed.append(name)
        times[name] = time.perf_counter() - t
    html_zh = out / "_build" / "html" / "zh"
    if html_zh.exists():
        shutil.rmtree(html_zh)
    shutil.copytree(out / "_build" / "zh" / "_build" / "html", html_zh)
    # the printed book (make pdf, tools/pdf.py): linked from every page when it has been printed, else not
    from pdf import link_pdfs
    if link_pdfs(out / "_build" / "html", ROOT / "_build" / "pdf"):
        print("the pages link the printed book (_build/pdf, copied into _build/html/pdf)")
    lighten(out / "_build" / "html")
    for name, sec in times.items():
        print(f"{name} edition built in {sec:.0f} s")
    if failed:
        raise SystemExit(f"the {' and the '.join(failed)} build failed: see the warnings above")
    print(f"The book is built: open {out / '_build' / 'html' / 'index.html'} (中文版: {html_zh / 'index.html'})")


def lighten(html):
    """One math stylesheet, the CJK font cut to the book's characters, one _static for both (issue 21)."""
    from light import (cut_ansi_colours, cut_icons, cut_math_fonts, cut_pygments, palette_images, share_static,
                       subset_cjk_font)
    css = Path("_static") / "vendor" / "mathjax" / "mathjax.css"
    if (html / "zh" / css).exists():      # the later build's: it covers both editions' formulas
        shutil.copy2(html / "zh" / css, html / css)
    kept, total, size = subset_cjk_font(html)
    print(f"Chinese font: {kept} of its {total} slices hold characters the book uses, cut to them ({size / 1e3:.0f} kB)")
    before, after = cut_math_fonts(html)
    print(f"MathJax fonts cut to the characters the formulas use: {before / 1e3:.0f} kB -> {after / 1e3:.0f} kB")
    icons = cut_icons(html)
    print(f"icons: {icons[0]} of the theme's {icons[1]} icon rules used, their fonts cut to {icons[2] / 1e3:.0f} kB")
    print(f"terminal colours no output uses: {cut_ansi_colours(html) / 1e3:.0f} kB of MyST-NB's stylesheet cut")
    print(f"code colours for tokens no page has: {cut_pygments(html) / 1e3:.0f} kB of pygments.css cut")
    before, after = palette_images(html)
    print(f"images with a 256-colour palette: {before / 1e3:.0f} kB -> {after / 1e3:.0f} kB")
    n, saved = share_static(html)
    print(f"zh/ shares {n} files of _static with the English edition ({saved / 1e6:.1f} MB)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--path-output", type=Path, default=ROOT)
    ap.add_argument("--all", action="store_true", help="rebuild every page")
    ap.add_argument("--config-only", action="store_true", help="only write the two configs")
    args = ap.parse_args()
    if args.config_only:
        for p in write_configs(args.path_output.resolve()):
            print(p)
    else:
        build(args.path_output, clean=args.all)


if __name__ == "__main__":
    main()
