"""One list of chapters (issue 22): _toc.yml, read by tools/toc.py. What else names the chapters agrees with it."""
import re
from pathlib import Path

import toc

ROOT = Path(__file__).resolve().parents[2]


def test_every_chapter_notebook_is_in_the_toc_and_nothing_else():
    assert toc.chapters() == sorted(f"chapters/{p.stem}" for p in (ROOT / "chapters").glob("*.ipynb"))
    assert toc.pages()[0] == "intro" and toc.pages()[1:len(toc.chapters()) + 1] == toc.chapters()


def test_the_landing_page_lists_the_pages_in_reading_order():
    """intro.md's numbered list links every page after it except the glossary, in the order of _toc.yml."""
    intro = (ROOT / "intro.md").read_text(encoding="utf8")
    listed = re.findall(r"^\d+\. \*\*\[[^\]]+\]\(([^)]+)\)\*\*", intro, flags=re.M)
    assert listed == [p for p in toc.pages()[1:] if p != "glossary"], listed
    assert "(glossary)" in intro


def test_the_package_map_names_a_chapter_that_exists():
    """The package docstring says which chapters use each module; every number it gives is a chapter."""
    import backprop
    numbers = {int(n) for n in re.findall(r"chapters? (\d+)(?: to (\d+))?", backprop.__doc__) for n in n if n}
    numbers |= {int(n) for n in re.findall(r", (\d+)\)", backprop.__doc__)}
    assert numbers and numbers <= set(range(1, len(toc.chapters()) + 1)), numbers
