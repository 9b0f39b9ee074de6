"""Light pages (issue 21): the steps tools/build.py runs once both editions are built (its lighten()).

subset_cjk_font(html)  Noto Sans SC cut to the characters the book uses. tools/copy_assets.py copies the
                       font's woff2 slices (each holding one unicode-range of CJK characters, 25-42 kB);
                       here each slice that holds a character of either edition's pages or scripts is cut to
                       those characters (fonttools) and the others are left out; the
                       @font-face sheet lists exactly the characters each cut slice has, so a character the
                       book does not use is drawn by the reader's own CJK font instead.
cut_icons(html)        The theme's Font Awesome icons: its stylesheet keeps the rules of the icons the pages
                       use (about 1,900 rules drawn for a dozen icons), and the icon fonts get a face cut
                       to those icons, declared after the full fonts: the browser fetches the cut one (a few
                       kB) for these icons, and the full font stays as the fallback for any other.
cut_math_fonts(html)   MathJax's woff fonts cut to the characters its stylesheet (tools/typeset.js's, which
                       covers every formula of both editions) draws: a few kB instead of 20-40 kB each.
cut_ansi_colours(html) MyST-NB's stylesheet styles the 256 terminal colours a cell's output may carry (512 rules,
                       most of its 43 kB); when no page has a coloured output, those rules go.
cut_pygments(html)     Pygments' stylesheet colours about 80 kinds of token, for both colour modes; the rules of the
                       kinds no page's code has (<span class="kind">) go: a few kB on every page.
palette_images(html)   The plots the chapters draw (stored as full-colour PNG outputs) and the figures, saved with
                       a palette of 256 colours (median cut, no dithering) where that is smaller: flat colours and
                       anti-aliased edges, a third of the bytes, white kept white, each pixel off by at most a
                       few levels on an edge. An image with transparency is left as it is.
share_static(html)     One _static for both editions: every file of zh/_static that is the same as the
                       English edition's is removed, and the Chinese pages point one folder up for it. What
                       differs (the language's search data and options, the theme's translations) stays.
"""
import filecmp
import io
import logging
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
logging.getLogger("fontTools").setLevel(logging.ERROR)   # "FFTM NOT subset": a table browsers do not read
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


THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:(?:before|after),?)+)\{content:"\\?([^"]*)"\}')
FONT_FACE = re.compile(r"@font-face\{[^}]*src:url\(\.\./vendor/fontawesome/webfonts/([a-z0-9-]+)\.woff2\)[^}]*\}")


def used_icons(html):
    """Every fa-... class name in the built pages and the scripts they load (both editions)."""
    names = set()
    for f in html.rglob("*"):
        if f.suffix in (".html", ".js") and f.is_file() and f.name != "fontawesome.js":
            names.update(re.findall(r"\bfa-[a-z0-9-]+", f.read_text(encoding="utf8", errors="ignore")))
    return names


def cut_icons(html):
    """Prune the theme stylesheet's icon rules to the icons used, and add icon faces cut to them.
    Returns (icons kept, icon rules in all, bytes of the cut fonts)."""
    from fontTools import subset

    import pydata_sphinx_theme

    css_file = html / THEME_CSS
    # from the theme itself, not the copy in _static (an incremental build may have left the cut one there)
    theme = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
    css = (theme / "styles" / THEME_CSS.name).read_text(encoding="utf8")
    css = re.sub(r"\n/\*# sourceMappingURL=[^\n]*\*/\s*$", "\n", css)
    names = used_icons(html)
    kept, total = set(), 0

    def keep(m):
        nonlocal total
        total += 1
        selectors = re.findall(r"\.(fa-[a-z0-9-]+):", m.group(1))
        if not names.intersection(selectors):
            return ""
        code = m.group(2)
        kept.add(int(code, 16) if re.fullmatch(r"[0-9a-f]{1,5}", code) else ord(code))
        return m.group(0)
    css = ICON_RULE.sub(keep, css)
    # icons drawn by stylesheets themselves (admonition titles, toggles: content or --pst-icon-... variables)
    for sheet in [css] + [f.read_text(encoding="utf8", errors="ignore")
                          for f in css_file.parent.parent.rglob("*.css") if f != css_file]:
        kept.update(int(h, 16) for h in re.findall(r'"\\((?:f|e)[0-9a-fA-F]{3})"', sheet))
        kept.update(map(ord, re.findall("[\ue000-\uf8ff]", sheet)))          # written as the character itself
    # the full fonts stay as the fallback, for icon code points only (Font Awesome's private-use areas):
    # with no unicode-range, a space inside an icon's element would fetch the whole font
    css = FONT_FACE.sub(lambda m: m.group(0)[:-1] + ";unicode-range:U+E000-F8FF,U+F0000-10FFFF}", css)
    webfonts = css_file.parent.parent / "vendor" / "fontawesome" / "webfonts"
    faces, size = [], 0
    for face in FONT_FACE.finditer(css):
        name = face.group(1)
        opts = subset.Options()
        opts.flavor = "woff2"
        font = subset.load_font(str(webfonts / f"{name}.woff2"), opts)
        cps = kept & set(font.getBestCmap())
        if not cps:
            continue
        sub = subset.Subsetter(opts)
        sub.populate(unicodes=cps)
        sub.subset(font)
        subset.save_font(font, str(webfonts / f"{name}.book.woff2"), opts)
        size += (webfonts / f"{name}.book.woff2").stat().st_size
        rule = re.sub(r"src:[^;}]*", f'src:url(../vendor/fontawesome/webfonts/{name}.book.woff2) format("woff2")',
                      face.group(0)).replace(";unicode-range:U+E000-F8FF,U+F0000-10FFFF", "")
        faces.append(rule[:-1] + f";unicode-range:{_css_range(cps)}}}")
    css_file.write_text(css + "\n/* icons cut by tools/light.py */\n" + "\n".join(faces) + "\n", encoding="utf8")
    zh = html / "zh" / THEME_CSS
    if zh.exists():
        shutil.copy2(css_file, zh)
        for f in webfonts.glob("*.book.woff2"):
            shutil.copy2(f, html / "zh" / "_static" / "vendor" / "fontawesome" / "webfonts" / f.name)
    return len(kept), total, size


MATH_CSS = Path("_static") / "vendor" / "mathjax" / "mathjax.css"


def _css_string(text):
    """The characters of a CSS string's content (hex escapes such as \\E152 decoded)."""
    return re.sub(r"\\([0-9A-Fa-f]{1,6}) ?|\\(.)", lambda m: chr(int(m.group(1), 16)) if m.group(1) else m.group(2),
                  text)


def cut_math_fonts(html):
    """Cut the MathJax fonts the math stylesheet names to the characters it draws; returns (before, after) bytes."""
    from fontTools import subset

    css = (html / MATH_CSS).read_text(encoding="utf8")
    chars = {ord(c) for s in re.findall(r'content: "((?:[^"\\]|\\.)*)"', css) for c in _css_string(s)}
    folder = (html / MATH_CSS).parent
    before = after = 0
    for name in sorted(set(re.findall(r"woff-v2/([A-Za-z0-9_-]+\.woff)", css))):
        font_file, full = folder / "woff-v2" / name, ROOT / "_assets" / "vendor" / "mathjax" / "woff-v2" / name
        opts = subset.Options()
        opts.flavor = "woff"
        font = subset.load_font(str(full), opts)     # the whole font (tools/copy_assets.py), never a cut one
        cps = chars & set(font.getBestCmap())
        before += full.stat().st_size
        shutil.copy2(full, font_file)
        if cps:
            sub = subset.Subsetter(opts)
            sub.populate(unicodes=cps)
            sub.subset(font)
            subset.save_font(font, str(font_file), opts)
        after += font_file.stat().st_size
    zh = html / "zh" / MATH_CSS
    if zh.parent.is_dir():
        shutil.rmtree(zh.parent / "woff-v2")
        shutil.copytree(folder / "woff-v2", zh.parent / "woff-v2")
    return before, after


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


ANSI_RULE = re.compile(r"div\.highlight \.-Color\[class\*=-(?:BG)?C\d+\] \{[^}]*\}\s*")


def cut_ansi_colours(html):
    """Drop MyST-NB's rules for the 256 terminal colours (``-Color -C123``) when no page of either edition has an
    output coloured with them. Returns the bytes saved (0 when a page uses them: then they stay)."""
    if any("-Color" in page.read_text(encoding="utf8") for page in html.rglob("*.html")):
        return 0
    saved = 0
    for css in [*(html / "_static").glob("mystnb.*.css"), *(html / "zh" / "_static").glob("mystnb.*.css")]:
        text = css.read_text(encoding="utf8")
        new = ANSI_RULE.sub("", text)
        saved += len(text.encode()) - len(new.encode())
        css.write_text(new, encoding="utf8")
    return saved


PYGMENTS_RULE = re.compile(r'^html\[data-theme="(?:light|dark)"\] \.highlight \.([\w-]+) \{[^}]*\}.*\n?', re.M)
SPAN_CLASS = re.compile(r'<span class="([^"]+)"')


def cut_pygments(html):
    """Drop pygments.css's rules for the token kinds no page of either edition has. Returns the bytes saved."""
    used = {c for page in html.rglob("*.html") for m in SPAN_CLASS.finditer(page.read_text(encoding="utf8"))
            for c in m.group(1).split()}
    saved = 0
    for css in [html / "_static" / "pygments.css", html / "zh" / "_static" / "pygments.css"]:
        if not css.exists():
            continue
        text = css.read_text(encoding="utf8")
        new = PYGMENTS_RULE.sub(lambda m: m.group(0) if m.group(1) in used else "", text)
        saved += len(text.encode()) - len(new.encode())
        css.write_text(new, encoding="utf8")
    return saved


def palette_images(html):
    """Each opaque PNG under <html>/_images and <html>/zh/_images rewritten with a 256-colour palette when that
    is smaller. Returns (bytes before, bytes after) over all the images."""
    from PIL import Image
    before = after = 0
    for png in [*(html / "_images").glob("*.png"), *(html / "zh" / "_images").glob("*.png")]:
        data = png.read_bytes()
        with Image.open(png) as im:
            rgba = im.convert("RGBA")
        before += len(data)
        if rgba.getextrema()[3][0] < 255:           # some transparency: a palette would lose it
            after += len(data)
            continue
        buf = io.BytesIO()
        rgba.convert("RGB").quantize(256, dither=Image.Dither.NONE).save(buf, "PNG", optimize=True)
        if len(buf.getvalue()) < len(data):
            png.write_bytes(buf.getvalue())
            data = buf.getvalue()
        after += len(data)
    return before, after
