"""The figures' house style: colours, text sizes, the language a figure is drawn in, and how a
diagram of imgs/ is saved. Importing it sets matplotlib's text sizes for the whole book.
"""
import io
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib import font_manager
from PIL import Image

BLUE, RED, GREY = "#1f6feb", "#d1242f", "#57606a"

# The book shows a 7-9 inch figure about 680 px wide, and about 350 px on a phone: matplotlib's 10 pt
# default would shrink to about 5 px there. Larger text (ticks, labels, titles, legends) stays legible.
plt.rcParams.update({"font.size": 13, "axes.titlesize": 13, "legend.fontsize": 11})

LANGS = {"en": "en", "zh": "zh_CN"}     # a figure's language → Sphinx's language code
CJK_FONT = "Noto Sans CJK SC"           # Debian/Ubuntu package fonts-noto-cjk


def _has_font(family):
    try:
        font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        return True
    except ValueError:
        return False


def language(lang):
    """Settings to draw a figure in ``lang`` ("en" or "zh"): ``with language(lang): ...``.

    Chinese text needs a CJK font; without it matplotlib would draw empty boxes.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {sorted(LANGS)}, got {lang!r}")
    if lang == "en":
        return plt.rc_context()
    if not _has_font(CJK_FONT):              # matplotlib's font list may predate the font
        for path in font_manager.findSystemFonts():
            if "CJK" in Path(path).name:
                font_manager.fontManager.addfont(path)
    if not _has_font(CJK_FONT):
        raise RuntimeError(f"the Chinese figures need the font {CJK_FONT!r}, which matplotlib "
                           "cannot find (Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    # named families, not "sans-serif": a text keeps them after the ``with`` block ends
    return plt.rc_context({"font.family": [CJK_FONT, "DejaVu Sans"]})


def save_small(fig, path):
    """A PNG with a 256-colour palette: these diagrams have a few flat colours and anti-aliased edges, and the
    file is a third of the full-colour one (a page's bytes are the reader's cost)."""
    buf = io.BytesIO()
    fig.savefig(buf, dpi=120, metadata={"Software": None})
    buf.seek(0)
    Image.open(buf).convert("RGB").quantize(256).save(path, optimize=True)
