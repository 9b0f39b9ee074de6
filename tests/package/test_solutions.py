"""Every solution of every chapter stays hidden until the reader asks for it, in the web book and in JupyterLab.

A solution is a {solution} dropdown (closed on the web and in jupyterlab-myst) followed by its code cells, each
tagged hide-cell (the web book shows a closed "show" toggle) and collapsed for JupyterLab (jupyter.source_hidden
and outputs_hidden). A collapsed cell in Lab still shows its first line: that line is "# Solution", not code that
gives the answer away. The gated form (solution-start … solution-end) is not used: jupyterlab-myst shows the code
cells between the two at once.
"""
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
HIDDEN = {"tags": ["hide-cell"], "jupyter": {"source_hidden": True, "outputs_hidden": True}}


def _src(cell):
    return "".join(cell["source"])


def _solutions(cells):
    """(label, the code cells that follow its dropdown) of each solution, and the cells hidden outside one."""
    found, stray = [], []
    for i, c in enumerate(cells):
        if c["cell_type"] == "markdown":
            labels = re.findall(r"^```\{solution\} (\S+)\n:class: dropdown\n", _src(c), re.M)
            assert len(labels) <= 1, labels
            if labels:
                assert re.search(r"```\{solution\} \S+\n:class: dropdown\n\n((?!```).)+\n```$", _src(c), re.S), \
                    f"{c['id']}: the solution is not the cell's last directive: its code cells would not follow it"
                after = []
                for d in cells[i + 1:]:
                    if d["cell_type"] != "code":
                        break
                    after.append(d)
                found.append((labels[0], after))
        elif c["metadata"].get("tags") == ["hide-cell"] and not any(c in a for _, a in found):
            stray.append(c["id"])
    return found, stray


@pytest.mark.parametrize("path", CHAPTERS, ids=[p.stem for p in CHAPTERS])
def test_every_solution_and_its_code_are_hidden(path):
    cells = json.loads(path.read_text(encoding="utf8"))["cells"]
    text = "\n".join(_src(c) for c in cells if c["cell_type"] == "markdown")
    assert "{solution-start}" not in text and "{solution-end}" not in text
    exercises = re.findall(r"```\{exercise\}\n:label: (\S+)\n", text)
    found, stray = _solutions(cells)
    assert [label for label, _ in found] == exercises       # one solution per exercise, in order
    for label, code in found:
        assert code, f"{label}: no code cell follows the solution"
        for c in code:
            assert all(c["metadata"].get(k) == v for k, v in HIDDEN.items()), (label, c["id"], c["metadata"])
            assert _src(c).startswith("# Solution\n"), (label, c["id"])
    assert not stray, f"hidden cells that follow no solution: {stray}"


def test_the_chapters_have_solutions():
    """The test above is not vacuous."""
    n = sum(len(_solutions(json.loads(p.read_text(encoding="utf8"))["cells"])[0]) for p in CHAPTERS)
    assert n >= 20
