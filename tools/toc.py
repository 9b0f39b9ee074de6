"""The book's one list of pages, in reading order: _toc.yml, read here for the tests and the tools.

    pages()     every page: ["intro", "chapters/01_intuition", ..., "appendix/benchmark", "glossary"]
    chapters()  the pages under the caption "Chapters", in order
    explorables()  each explorable and the page that shows it

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


def explorables():
    """{explorable class name: the page that shows it}, e.g. {"Wishes": "chapters/04_many_neurons", ...}, read
    from the chapters' stored widgets (a chapter stores each explorable it shows, with its class's name)."""
    import json
    found = {}
    for page in chapters():
        nb = json.loads((ROOT / f"{page}.ipynb").read_text(encoding="utf8"))
        state = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
        for model in state.get("state", {}).values():
            widget = model.get("state", {}).get("_anywidget_id", "")
            if widget.startswith("backprop.explorables."):
                found.setdefault(widget.rsplit(".", 1)[1], page)
    return found
