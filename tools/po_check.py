"""What a translated message must keep from its English source, and the checks on a .po file.

A message is MyST Markdown. Its translation may reorder and reword everything except:
  - a display formula (a message that is a `$$…$$` block's content): its translation is the message itself,
    character for character (MyST shows a display formula whose msgstr differs as "::");
  - math: every `$…$` and `$$…$$` span, character for character (spaces included);
  - roles: every {role}`…` with the same role and target (`{term}`反向传播 <backpropagation>`` keeps the
    target of `{term}`backpropagation``: the text shown may change, the target may not);
  - code: every `code span`, character for character;
  - links: every [text](target) and <https://…> target.
"""
import os
import re
from collections import Counter

from babel.messages.pofile import read_po, write_po

ROLE = re.compile(r"\{([\w:.-]+)\}`([^`]*)`")
CODE = re.compile(r"(`+)(.+?)\1", re.S)
MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\$)(.+?)(?<![\\$])\$", re.S)
LINK = re.compile(r"\]\(([^)\s]+)\)|<((?:https?|mailto):[^>\s]+)>")
TARGET = re.compile(r"^(.*?)\s*<([^<>]+)>\s*$", re.S)
LETTERS = re.compile(r"[^\W\d_]")


def role_target(content):
    m = TARGET.match(content)
    return (m.group(2) if m else content).strip()


def parts(text):
    """The spans a translation must keep, as Counters, and the text that is left to translate."""
    roles = Counter((r, role_target(c)) for r, c in ROLE.findall(text))
    rest = ROLE.sub(" ", text)
    code = Counter(m.group(2) for m in CODE.finditer(rest))
    rest = CODE.sub(" ", rest)
    math = Counter(a or b for a, b in MATH.findall(rest))
    rest = MATH.sub(" ", rest)
    links = Counter(a or b for a, b in LINK.findall(rest))
    rest = LINK.sub("] ", rest)
    return {"math": math, "role": roles, "code": code, "link": links}, rest


def is_display_formula(msgid):
    """True for a display-math block's content, the message MyST extracts from the lines between two `$$`:
    it begins and ends with a newline (no paragraph, heading or list item does)."""
    return len(msgid) > 2 and msgid.startswith("\n") and msgid.endswith("\n") and bool(msgid.strip())


def nothing_to_translate(msgid):
    """True for a message with no words outside math, code and link targets (a formula, a number)."""
    _, rest = parts(msgid)
    rest = re.sub(r"\d+(\.\d+)?(e[-+]?\d+)?", " ", rest)
    return not LETTERS.search(rest)


def problems(msgid, msgstr):
    """What is wrong with one translation (empty list if nothing)."""
    if is_display_formula(msgid):
        if msgstr != msgid:
            return ["a display formula is translated: its msgstr must be its msgid exactly (put words in the "
                    "sentence around it)"]
        return []
    want, _ = parts(msgid)
    got, _ = parts(msgstr)
    out = []
    for kind in want:
        missing, extra = want[kind] - got[kind], got[kind] - want[kind]
        if missing:
            out.append(f"{kind} missing: {sorted(missing)}")
        if extra:
            out.append(f"{kind} not in the source: {sorted(extra)}")
    return out


def load(path):
    with open(path, "rb") as f:
        return read_po(f, abort_invalid=True)


def check_file(path):
    """Every problem of one .po file, as readable lines."""
    out, name = [], os.path.relpath(path)
    for msg in load(path):
        if not msg.id:
            continue
        head = f"{name}: msgid {msg.id[:70]!r}"
        if msg.fuzzy:
            out.append(f"{head}: fuzzy (the English changed: check the translation, then delete the "
                       "'#, fuzzy' line)")
        if not msg.string:
            out.append(f"{head}: not translated (empty msgstr)")
            continue
        out += [f"{head}: {p}" for p in problems(msg.id, msg.string)]
    return out


def fill_untranslatable(path):
    """Copy msgid to msgstr where there is nothing to translate (a formula, a number), and drop obsolete
    entries (translations of English text that is gone: git keeps them). Returns the count copied."""
    cat = load(path)
    n = 0
    for msg in cat:
        if msg.id and not msg.string and nothing_to_translate(msg.id):
            msg.string = msg.id
            n += 1
    with open(path, "wb") as f:
        write_po(f, cat, width=0, ignore_obsolete=True)
    return n
