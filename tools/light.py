"""Light pages (issue 21): the two steps tools/i18n.py runs once both editions are built.

subset_cjk_font(html)  Noto Sans SC cut to the characters the book uses. tools/copy_assets.py copies the
                       font's woff2 slices (each holding one unicode-range of CJK characters, 25-42 kB);
                       here each slice that holds a character of either edition's pages or scripts is cut to
                       those characters (fonttools, a few kB each) and the others are left out; the
                       @font-face sheet lists exactly the characters each cut slice has, so a character the
                       book does not use is drawn by the reader's own CJK font instead.
share_static(html)     One _static for both editions: every file of zh/_static that is the same as the
                       English edition's is removed, and the Chinese pages point one folder up for it. What
                       differs (the language's search data and options, the theme's translations) stays.
"""
import filecmp
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONT = ROOT / "_assets" / "vendor" / "noto-sans-sc"     # tools/copy_assets.py writes it
ESCAPED = re.compile(r"\\u([0-9a-fA-F]{4})")


def _ranges(unicode_range):
    """The code points of a CSS unicode-range such as "U+4e00-4e2d,U+ff0c"."""
    out = set()
    for item in unicode_range.split(","):
        lo, _, hi = item.strip()[2:].partition("-")
        out.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


def _css_range(cps):
    """A CSS unicode-range for a set of code points, runs joined: "U+4e00-4e02,U+4e05"."""
    cps, out, i = sorted(cps), [], 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        out.append(f"U+{cps[i]:x}" + (f"-{cps[j]:x}" if j > i else ""))
        i = j + 1
    return ",".join(out)


def used_characters(html):
    """Every character of the built pages and scripts of both editions (JSON's \\uXXXX escapes decoded:
    the explorables' Chinese texts sit in their saved JavaScript)."""
    chars = set()
    for f in html.rglob("*"):
        if f.suffix in (".html", ".js") and f.is_file():
            text = f.read_text(encoding="utf8", errors="ignore")
            chars.update(map(ord, text))
            chars.update(int(h, 16) for h in ESCAPED.findall(text))
    return chars


def subset_cjk_font(html):
    """Write _static/vendor/noto-sans-sc/ (both editions') cut to the characters used; returns
    (slices kept, slices in all, bytes written)."""
    from fontTools import subset

    css = (FONT / "noto-sans-sc.css").read_text(encoding="utf8")
    used = used_characters(html)
    out = html / "_static" / "vendor" / "noto-sans-sc"
    shutil.rmtree(out / "files", ignore_errors=True)
    (out / "files").mkdir(parents=True)
    header, _, _ = css.partition("@font-face")
    faces, total, size = [], 0, 0
    for block in re.findall(r"@font-face \{.*?\}", css, flags=re.S):
        total += 1
        woff2 = re.search(r"url\(\./files/([^)]+\.woff2)\)", block).group(1)
        cps = used & _ranges(re.search(r"unicode-range: ([^;]+);", block).group(1))
        if not cps:
            continue
        opts = subset.Options()
        opts.flavor = "woff2"
        font = subset.load_font(str(FONT / "files" / woff2), opts)
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=cps)
        sub.subset(font)
        subset.save_font(font, str(out / "files" / woff2), opts)
        size += (out / "files" / woff2).stat().st_size
        faces.append(re.sub(r"unicode-range: [^;]+;", f"unicode-range: {_css_range(cps)};", block) + "\n")
    note = "/* Cut by tools/light.py to the characters the book uses (both editions). */\n"
    (out / "noto-sans-sc.css").write_text(header + note + "".join(faces), encoding="utf8")
    zh = html / "zh" / "_static" / "vendor" / "noto-sans-sc"
    if zh.parent.is_dir():
        shutil.rmtree(zh, ignore_errors=True)
        shutil.copytree(out, zh)
    return len(faces), total, size


def share_static(html):
    """Remove from zh/_static what the English _static has byte for byte, and point the Chinese pages to it.
    Returns (files shared, bytes saved)."""
    en, zh = html / "_static", html / "zh" / "_static"
    shared, saved = set(), 0
    for f in sorted(zh.rglob("*")):
        twin = en / f.relative_to(zh)
        if f.is_file() and twin.is_file() and filecmp.cmp(f, twin, shallow=False):
            shared.add(f.relative_to(zh).as_posix())
            saved += f.stat().st_size
            f.unlink()
    for d in sorted((d for d in zh.rglob("*") if d.is_dir()), key=lambda d: -len(d.parts)):
        if not any(d.iterdir()):
            d.rmdir()
    # what stays in zh/_static must not point to a file that went
    for f in zh.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?([^'\")]+)", f.read_text(encoding="utf8", errors="ignore")):
            target = (f.parent / url.split("?")[0].split("#")[0]).resolve()
            if not url.startswith(("data:", "http")) and not target.exists():
                raise SystemExit(f"zh/_static/{f.relative_to(zh)} points to {url}, which only the English "
                                 "_static has")
    for page in (html / "zh").rglob("*.html"):
        rel = page.relative_to(html / "zh")
        if rel.parts[0].startswith("_"):
            continue
        prefix = "../" * (len(rel.parts) - 1) + "_static/"
        pattern = re.compile(r'(?<=["\'(])' + re.escape(prefix) + r'([^"\'?#)\s]+)')
        text = page.read_text(encoding="utf8")
        new = pattern.sub(lambda m: ("../" + m.group(0)) if m.group(1) in shared else m.group(0), text)
        if new != text:
            page.write_text(new, encoding="utf8")
    return len(shared), saved
