"""A notebook stores its widgets' JavaScript and CSS when it runs, and the book shows that stored copy.
Fail when a chapter's stored copy differs from the package's current files (re-run the chapter:
`make notebooks NB=chapters/XX.ipynb`)."""
import json
from pathlib import Path

import pytest

from backprop.explorables import _CSS, _JS, _esm

CHAPTERS = sorted((Path(__file__).resolve().parents[2] / "chapters").glob("*.ipynb"))
CURRENT = {_esm(p.stem): p.stem for p in _JS.glob("*.js") if p.stem != "common"}


def _anywidgets(nb):
    state = json.loads(nb.read_text()).get("metadata", {}).get("widgets", {}) \
        .get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    return [m["state"] for m in state.values() if "_esm" in m.get("state", {})]


def test_some_chapters_store_explorables():
    assert sum(len(_anywidgets(nb)) for nb in CHAPTERS) >= 3


@pytest.mark.parametrize("nb", CHAPTERS, ids=lambda p: p.stem)
def test_stored_widget_code_is_the_current_code(nb):
    for state in _anywidgets(nb):
        assert state["_esm"] in CURRENT, (f"{nb.name} stores an old copy of an explorable's JavaScript: "
                                          f"re-run it (make notebooks NB=chapters/{nb.name})")
        assert state.get("_css") == _CSS, (f"{nb.name} stores an old copy of explorables.css: "
                                           f"re-run it (make notebooks NB=chapters/{nb.name})")
