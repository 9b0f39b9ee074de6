"""A notebook stores its widgets' JavaScript and CSS when it runs, and the book shows that stored copy.
Fail when a chapter's stored copy differs from the package's current files (re-run the chapter:
`make notebooks NB=chapters/XX.ipynb`)."""
import json
from pathlib import Path

import pytest

from backprop.explorables import EXPLORABLES

CHAPTERS = sorted((Path(__file__).resolve().parents[2] / "chapters").glob("*.ipynb"))
CURRENT = {cls()._esm: cls for cls in EXPLORABLES}        # {its JavaScript: the explorable}


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
        assert state.get("_css") == CURRENT[state["_esm"]]()._css, (
            f"{nb.name} stores an old copy of an explorable's styles (js/*.css): "
            f"re-run it (make notebooks NB=chapters/{nb.name})")


@pytest.mark.parametrize("nb", CHAPTERS, ids=lambda p: p.stem)
def test_stored_widgets_keep_the_sliders_order(nb):
    """A stored notebook's `ranges` comes back with sorted keys (nbformat writes JSON with sort_keys); the
    sliders' order travels in the list `params`: the explorable's own, in Python's order."""
    for state in _anywidgets(nb):
        cls = CURRENT.get(state["_esm"])
        assert cls, f"{nb.name} stores an old copy of an explorable's JavaScript: re-run it"
        widget = cls()
        assert state["params"] == list(widget.ranges) and sorted(state["ranges"]) == sorted(widget.ranges), nb.name
