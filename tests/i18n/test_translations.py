"""The Chinese edition's translations: complete, current and well-formed.

    .venv/bin/python tools/i18n.py check locales/zh_CN/LC_MESSAGES/intro.po   # one file (or several)
    .venv/bin/pytest tests/i18n -q                                           # every file

With PO_FILES (os.pathsep-separated .po paths) only those files are checked.
"""
import os
from pathlib import Path

import pytest

import po_check

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
ALL = sorted(MESSAGES.rglob("*.po"))
SELECTED = [Path(p) for p in os.environ.get("PO_FILES", "").split(os.pathsep) if p] or ALL


def _page(po):
    return po.resolve().relative_to(MESSAGES).with_suffix("").as_posix()


@pytest.mark.parametrize("po", SELECTED, ids=_page)
def test_every_message_translated_and_well_formed(po):
    bad = po_check.check_file(po)
    assert not bad, f"{len(bad)} problem(s):\n" + "\n".join(bad)


@pytest.fixture(scope="session")
def pot_dir(tmp_path_factory):
    """The English text's message catalogues, extracted now (about 40 s)."""
    import i18n      # tools/i18n.py (tests/conftest.py puts tools/ on the path)
    return i18n.extract(tmp_path_factory.mktemp("pot"))


def test_catalogues_match_the_current_english_text(pot_dir):
    """Each page has a .po file holding every message of today's English text: a changed English sentence
    is a new message that must be translated (run `tools/i18n.py update`, then translate)."""
    pages = {p.relative_to(pot_dir).with_suffix("").as_posix() for p in pot_dir.rglob("*.pot")}
    wanted = {_page(p) for p in SELECTED} if os.environ.get("PO_FILES") else pages
    assert pages, "no message catalogues were extracted"
    missing_files = sorted(wanted & pages - {_page(p) for p in ALL})
    assert not missing_files, f"pages with no .po file (run tools/i18n.py update): {missing_files}"
    stale = []
    for page in sorted(wanted & pages):
        have = {m.id for m in po_check.load(MESSAGES / f"{page}.po") if m.id}
        for msg in po_check.load(pot_dir / f"{page}.pot"):
            if msg.id and msg.id not in have:
                stale.append(f"{page}: {msg.id[:80]!r}")
    assert not stale, (f"{len(stale)} English message(s) not in the .po files (run tools/i18n.py update, "
                       "then translate them):\n" + "\n".join(stale))


# The checker itself: a translation that drops or changes protected markup must be caught.
@pytest.mark.parametrize("src, ok, bad", [
    ("The rate $\\eta$ of {term}`gradient descent`.",
     "{term}`梯度下降 <gradient descent>` 的步长 $\\eta$。",
     "{term}`梯度下降` 的步长 $\\eta$。"),                      # role target changed
    ("Run `make book` to build it.", "运行 `make book` 来构建。", "运行 `make 书` 来构建。"),
    ("See [the notes](chapters/01_intuition).", "见[笔记](chapters/01_intuition)。", "见笔记。"),
    ("$$\nJ = \\frac{1}{m}\\sum_i C_i\n$$", "$$\nJ = \\frac{1}{m}\\sum_i C_i\n$$", "$$\nJ = \\sum_i C_i\n$$"),
    ("Both $a$ and $b$.", "$b$ 和 $a$ 都是。", "$a$ 和 $a$ 都是。"),
    # a display formula: identical, or MyST shows "::" (chapter 5's recipe once lost its \text{examples})
    ("\ndb = \\tfrac1m \\sum_{\\text{examples}} dZ\n", "\ndb = \\tfrac1m \\sum_{\\text{examples}} dZ\n",
     "\ndb = \\tfrac1m \\sum_{\\text{样本}} dZ\n"),
    ("\nC = (a - y)^2 .\n", "\nC = (a - y)^2 .\n", "\nC = (a - y)^2 。\n"),       # not even punctuation
    ("The rate $\\eta$.", "步长 $\\eta$。", "步长 $\\eta $。"),                         # inline math exactly
])
def test_checker_accepts_kept_markup_and_rejects_changed(src, ok, bad):
    assert po_check.problems(src, ok) == []
    assert po_check.problems(src, bad) != []


def test_checker_finds_untranslatable_messages():
    assert po_check.nothing_to_translate("$$\nz = w a + b\n$$")
    assert po_check.nothing_to_translate("0.181 (3.91×)")
    assert not po_check.nothing_to_translate("The rate $\\eta$.")


@pytest.mark.parametrize("po", SELECTED, ids=_page)
def test_display_formulas_are_never_translated(po):
    """Every display formula's msgstr is its msgid (po_check.problems says so too; this names the count)."""
    msgs = [m for m in po_check.load(po) if m.id and po_check.is_display_formula(m.id)]
    changed = [m.id.strip()[:70] for m in msgs if m.string != m.id]
    assert not changed, f"{len(changed)} display formula(s) translated: {changed}"
