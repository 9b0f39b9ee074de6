"""The book's one list of pages, in reading order: _toc.yml, read here for the tests and the tools.

    pages()     every page: ["intro", "chapters/01_intuition", ..., "appendix/benchmark", "glossary"]
    chapters()  the pages under the caption "Chapters", in order

Adding a chapter means adding it to _toc.yml (and to the landing page's list, which a test compares
with this one); nothing else keeps a copy.
"""
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _toc():
    return yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf8"))


def pages():
    toc = _toc()
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def chapters():
    return [c["file"] for part in _toc()["parts"] if part["caption"] == "Chapters" for c in part["chapters"]]
