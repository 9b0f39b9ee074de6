"""The translators' tool for the Chinese edition (中文版): message catalogues in, checks out.

    python tools/i18n.py update [PAGE ...]     # English text changed: refresh locales/zh_CN/LC_MESSAGES/*.po
    python tools/i18n.py check [--quick] [FILE.po ...]   # every message translated and well-formed

The English text's messages are extracted with the English edition's config (tools/book_config.py) and merged
into one .po file per page; tools/po_check.py holds the rules a translation must keep (locales/README.md says
them in words), which `check` runs as tests/i18n/test_translations.py. Building both editions is
tools/build.py's job (`make book`).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from book_config import LANG, LOCALES, ROOT, merge, configs

BIN = Path(sys.executable).parent
# The interface's catalogues (Sphinx's, sphinx-book-theme's, sphinx-exercise's strings), not pages' text:
# written by hand, never extracted or updated
INTERFACE = ("sphinx", "booktheme", "exercise")


def _run(cmd, check=True):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def extract(out):
    """The English text's message catalogues (.pot, one per page) under out/_build/gettext (~40 s)."""
    out = Path(out).resolve()
    en, _ = configs(out)
    # Only the Markdown is extracted (code cells and outputs are never translated): no need to run anything.
    # No -W: a warning is the HTML build's business, not the text's.
    en = merge(en, {"execute": {"execute_notebooks": "off"}})
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
    u = sub.add_parser("update", help="refresh the .po files from the English text")
    u.add_argument("pages", nargs="*", help="only these pages, e.g. chapters/01_intuition")
    k = sub.add_parser("check", help="check .po files (all if none given)")
    k.add_argument("files", nargs="*")
    k.add_argument("--quick", action="store_true", help="skip the comparison with the current English text")
    args = ap.parse_args()
    if args.cmd == "update":
        update(args.pages)
    elif args.cmd == "check":
        sys.exit(check(args.files, args.quick))


if __name__ == "__main__":
    main()
