"""The Chinese edition (中文版): configs, message catalogues and the two-edition build.

    python tools/i18n.py build [--path-output DIR] [--all]   # both editions: DIR/_build/html and .../html/zh
    python tools/i18n.py update [PAGE ...]                   # English text changed: refresh locales/zh_CN/*.po
    python tools/i18n.py check [FILE.po ...]                 # every message translated and well-formed
    python tools/i18n.py config [--path-output DIR]          # only write the two derived configs

Both editions are built from the same sources and the same _config.yml. This script writes two derived
configs into DIR/_build/ (never edit those by hand): _config_en.yml is _config.yml plus the i18n extension
(_ext/i18n_ext.py: the links between twin pages); _config_zh.yml adds `language: zh_CN`, the Chinese search
(jieba with the user dictionary locales/zh_dict.txt) and the theme's search placeholder. Neither build runs a
notebook (_config.yml: execute_notebooks off): both show the chapters' stored outputs.

Layout: English at DIR/_build/html/ (as before), Chinese at DIR/_build/html/zh/ with the same paths. The
Chinese build itself runs in DIR/_build/zh/ (its own doctrees) and is copied into place.
"""
import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
LOCALES = ROOT / "locales"
LANG = "zh_CN"
ZH_DICT = LOCALES / "zh_dict.txt"
# The interface's catalogues (Sphinx's, sphinx-book-theme's, sphinx-exercise's strings), not pages' text:
# written by hand, never extracted or updated
INTERFACE = ("sphinx", "booktheme", "exercise")


def _merge(base, extra):
    """base updated by extra, recursively for dicts (a new object; base is not changed)."""
    out = copy.deepcopy(base)
    for key, val in extra.items():
        if isinstance(val, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], val)
        else:
            out[key] = copy.deepcopy(val)
    return out


def configs(out):
    """The English and the Chinese config, derived from _config.yml, as dicts."""
    base = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf8"))
    # A config outside the book root: local extension paths must be absolute (they are resolved from the
    # config file's folder)
    local = {name: str((ROOT / path).resolve())
             for name, path in base.get("sphinx", {}).get("local_extensions", {}).items()}
    local["i18n_ext"] = str(ROOT / "_ext")
    en = _merge(base, {"sphinx": {"local_extensions": local, "config": {
        "locale_dirs": [str(LOCALES)],
        "gettext_compact": False,      # one catalogue per page: one .po file per translator
        "gettext_location": False,     # no source line numbers: .po files change only when text changes
        "gettext_uuid": False,
        # tools/typeset.js's record of the math styles the pages need, one for both editions (issue 21): the
        # Chinese edition's stylesheet then covers the English one's too, and both share it
        "book_mathjax_usage": str(out / "_build" / "mathjax-usage.json"),
    }}})
    zh = _merge(en, {
        "title": "反向传播：交互式讲解",
        "author": "《反向传播：交互式讲解》编写组",     # the footer: 作者：《…》编写组
        "sphinx": {
            # merge html_theme_options into Jupyter Book's own (use_download_button, ...) instead of
            # replacing them
            "recursive_update": True,
            "config": {
                "language": LANG,
                "html_search_language": "zh",
                # jieba splits 梯度下降 into 梯度 + 下降 unless it is in the dictionary. The path is given
                # absolute: Sphinx resolves it from the working directory and silently ignores a missing file.
                "html_search_options": {"dict": str(ZH_DICT)},
                "html_theme_options": {"search_bar_text": "搜索本书…"},
                # sphinx-togglebutton ships its Chinese as locale "zh-cn", which Sphinx never asks for
                # under zh_CN: the solutions' dropdown hints stayed English. Set them here.
                "togglebutton_hint": "点击显示",
                "togglebutton_hint_hide": "点击隐藏",
                # MyST-NB's toggle of a hidden cell (a solution's code, tag hide-cell) has no Chinese of its own
                # ({type} is "content" for a whole cell)
                "nb_code_prompt_show": "显示单元格内容",
                "nb_code_prompt_hide": "隐藏单元格内容",
            },
        },
    })
    return en, zh


def write_configs(out):
    cfg_dir = out / "_build"
    cfg_dir.mkdir(parents=True, exist_ok=True)
    en, zh = configs(out)
    note = "# Written by tools/i18n.py from _config.yml: do not edit, edit _config.yml or tools/i18n.py\n"
    paths = cfg_dir / "_config_en.yml", cfg_dir / "_config_zh.yml"
    for path, cfg in zip(paths, (en, zh)):
        path.write_text(note + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf8")
    return paths


def _run(cmd, check=True):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def _jb(config, path_output, *extra):
    """One edition, warnings as errors; returns the exit code (both editions are built either way)."""
    return _run([BIN / "jupyter-book", "build", ROOT, "--config", config, "--path-output", path_output,
                 "-nW", "--keep-going", *extra], check=False)


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
    from light import cut_ansi_colours, cut_icons, cut_math_fonts, share_static, subset_cjk_font
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
    n, saved = share_static(html)
    print(f"zh/ shares {n} files of _static with the English edition ({saved / 1e6:.1f} MB)")


def extract(out):
    """The English text's message catalogues (.pot, one per page) under out/_build/gettext (~40 s)."""
    out = Path(out).resolve()
    en, _ = configs(out)
    # Only the Markdown is extracted (code cells and outputs are never translated): no need to run anything.
    # No -W: a warning is the HTML build's business, not the text's.
    en = _merge(en, {"execute": {"execute_notebooks": "off"}})
    cfg = out / "_build" / "_config_pot.yml"
    cfg.parent.mkdir(parents=True, exist_ok=True)
    cfg.write_text(yaml.safe_dump(en, allow_unicode=True, sort_keys=False), encoding="utf8")
    gettext = out / "_build" / "gettext"
    if gettext.exists():
        shutil.rmtree(gettext)
    _run([BIN / "jupyter-book", "build", ROOT, "--config", cfg, "--path-output", out, "-qq",
          "--builder", "custom", "--custom-builder", "gettext", "--all"])
    return gettext


def update(pages=()):
    """Extract the English messages (.pot) and merge them into locales/zh_CN/LC_MESSAGES/*.po.

    pages: only these pages' .po files (e.g. "chapters/01_intuition"); all of them if empty. A changed
    English message becomes a new untranslated entry (gettext may keep the old translation as a fuzzy
    hint); `check` fails until someone translates it.
    """
    with tempfile.TemporaryDirectory(prefix="book-pot-") as tmp:    # one per run: translators run it at once
        _update(Path(tmp), pages)


def _update(tmp, pages):
    gettext = extract(tmp)
    names = [str(p).removesuffix(".po").removesuffix(".pot") for p in pages]
    names = [n.split("LC_MESSAGES/")[-1] for n in names]
    pot_dir = gettext
    if names:
        pot_dir = tmp / "selected"
        for name in names:
            src = gettext / f"{name}.pot"
            if not src.exists():
                raise SystemExit(f"no catalogue {src}: a page is named like chapters/01_intuition")
            (pot_dir / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, pot_dir / f"{name}.pot")
    # The interface catalogues are written by hand: the extraction finds a few of their strings (the _() calls
    # of _ext/templates/) and a merge would mark the rest obsolete. Keep them out of it.
    for name in INTERFACE:
        (pot_dir / f"{name}.pot").unlink(missing_ok=True)
    _run([BIN / "sphinx-intl", "update", "-p", pot_dir, "-l", LANG, "-d", LOCALES, "-w", "0"])
    sys.path.insert(0, str(ROOT / "tests" / "i18n"))
    from po_check import fill_untranslatable
    messages = LOCALES / LANG / "LC_MESSAGES"
    for po in sorted(messages.rglob("*.po")):
        page = po.relative_to(messages).with_suffix("").as_posix()
        if page in INTERFACE or (names and page not in names):
            continue
        n = fill_untranslatable(po)
        if n:
            print(f"{po.relative_to(ROOT)}: {n} message(s) with nothing to translate (math, code, numbers) "
                  "copied as they are")


def check(files, quick=False):
    """Run the translation tests on the given .po files (all of them if none).

    quick: only the translations themselves, not whether the .po files hold today's English text
    (that part extracts the text again, ~40 s).
    """
    env = dict(os.environ, PO_FILES=os.pathsep.join(str(Path(f).resolve()) for f in files))
    cmd = [BIN / "pytest", ROOT / "tests" / "i18n" / "test_translations.py", "-q"]
    if quick:
        cmd += ["-k", "not match_the_current_english_text"]
        print("quick check: not comparing with the current English text (run without --quick for that)")
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env).returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build both editions")
    b.add_argument("--path-output", type=Path, default=ROOT)
    b.add_argument("--all", action="store_true", help="rebuild every page")
    c = sub.add_parser("config", help="write the derived configs")
    c.add_argument("--path-output", type=Path, default=ROOT)
    u = sub.add_parser("update", help="refresh the .po files from the English text")
    u.add_argument("pages", nargs="*", help="only these pages, e.g. chapters/01_intuition")
    k = sub.add_parser("check", help="check .po files (all if none given)")
    k.add_argument("files", nargs="*")
    k.add_argument("--quick", action="store_true", help="skip the comparison with the current English text")
    args = ap.parse_args()
    if args.cmd == "build":
        build(args.path_output, clean=args.all)
    elif args.cmd == "config":
        for p in write_configs(args.path_output.resolve()):
            print(p)
    elif args.cmd == "update":
        update(args.pages)
    elif args.cmd == "check":
        sys.exit(check(args.files, args.quick))


if __name__ == "__main__":
    main()
