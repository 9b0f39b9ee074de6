"""One term for one idea (locales/README.md, rule 8): the term table's "never" words appear in no msgstr and
in no explorable's Chinese strings; an English message has one translation wherever it occurs; where the
English uses one of the book's own terms, the Chinese uses the table's word."""
import re
from collections import defaultdict
from pathlib import Path

import pytest

import po_check

ROOT = Path(__file__).resolve().parents[2]
MESSAGES = ROOT / "locales" / "zh_CN" / "LC_MESSAGES"
README = ROOT / "locales" / "README.md"
JS = sorted((ROOT / "code" / "backprop" / "js").glob("*.js"))
LAB = sorted((ROOT / "code" / "backprop" / "lab").glob("*.py"))     # the graders' Chinese messages
PAGES = [p for p in sorted(MESSAGES.rglob("*.po")) if p.stem not in ("sphinx", "booktheme", "exercise")]

# Where the English says this (in a msgid), the translation says that (the term table's words)
REQUIRED = [
    (r"\bwish(es|ed)?\b", "期望"),
    # not "nudge": the English also uses it for a small test change (nudge w by ±ε: 稍稍改变); 微调 is banned
    (r"\bslip\b", "笔误"),
    (r"^Try it: .*, live$", "实时交互"),
    (r"\bcheap\b", "计算量小"),
    (r"per unit of learning rate", "每单位学习率"),
    (r"layer(s)? crossed|crossing a layer", "经过一层"),
]


def term_table():
    """[(english, chinese, [never, ...])] from the README's table under "## Terms"."""
    text = README.read_text(encoding="utf8")
    section = text[text.index("## Terms"):]
    section = section[:section.index("\n## ", 3)] if "\n## " in section[3:] else section
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0] not in ("English", "---") and not set(cells[0]) <= {"-"}:
            rows.append((cells[0], cells[1], [w.strip() for w in cells[2].split(",") if w.strip()]))
    return rows


def js_chinese(path):
    """The text of the `zh: {…}` table of an explorable's TEXT (to the matching brace)."""
    src = path.read_text(encoding="utf8")
    m = re.search(r"^\s*zh: \{", src, re.M)
    if not m:
        return ""
    depth, i = 0, m.end() - 1
    for j in range(i, len(src)):
        depth += {"{": 1, "}": -1}.get(src[j], 0)
        if depth == 0:
            return src[i:j + 1]
    raise AssertionError(f"{path.name}: unbalanced zh table")


def msgstrs():
    for po in PAGES:
        for m in po_check.load(po):
            if m.id and m.string:
                yield po.relative_to(MESSAGES).with_suffix("").as_posix(), m.id, m.string


def test_the_term_table_is_read():
    rows = term_table()
    words = {en.split(" (")[0]: zh for en, zh, _ in rows}
    assert len(rows) > 40 and words["wish"] == "期望" and words["nudge"] == "调整"
    assert any(never for _, _, never in rows)


@pytest.mark.parametrize("en, zh, never", [r for r in term_table() if r[2]], ids=lambda v: str(v)[:30])
def test_no_variant_of_a_term(en, zh, never):
    found = [f"{page}: {word!r} in {s[:60]!r}" for page, _, s in msgstrs() for word in never if word in s]
    found += [f"code/backprop/js/{p.name}: {word!r}" for p in JS for word in never if word in js_chinese(p)]
    found += [f"code/backprop/lab/{p.name}: {word!r}" for p in LAB for word in never
              if word in "".join(re.findall(r"[\u3000-\u9fff\uff00-\uffef]+", p.read_text(encoding="utf8")))]
    assert not found, f"{en} is {zh} (locales/README.md), never {never}:\n" + "\n".join(found)


def test_explorables_have_chinese_tables():
    assert sum(bool(js_chinese(p)) for p in JS) >= 5


@pytest.mark.parametrize("pattern, zh", REQUIRED)
def test_an_english_term_gets_its_chinese_word(pattern, zh):
    rx = re.compile(pattern, re.I)
    hits = [(page, mid, s) for page, mid, s in msgstrs() if rx.search(po_check.parts(mid)[1])]
    assert hits, f"no English message says {pattern!r}: the table row is stale"
    bad = [f"{page}: {mid[:70]!r} -> {s[:70]!r}" for page, mid, s in hits if zh not in s]
    assert not bad, f"the English says {pattern!r}, the Chinese should say {zh}:\n" + "\n".join(bad)


def test_one_english_message_one_translation():
    seen = defaultdict(set)
    for page, mid, s in msgstrs():
        seen[mid].add(s)
    several = {mid: sorted(s) for mid, s in seen.items() if len(s) > 1}
    assert not several, "translated differently in different files:\n" + "\n".join(
        f"{mid[:70]!r}: {strs}" for mid, strs in several.items())
