"""The "Your turn" labs as the chapters store them: what a reader of the built page sees.

For each lab: an exercise with its label, a starter cell that raises NotImplementedError, a
check cell right after it whose stored feedback says "not implemented yet", then the exercise's
solution (a {solution} dropdown) followed by its hidden code cells (the tag hide-cell, which the
web book shows as a closed "show" toggle, and the metadata with which JupyterLab collapses the
source and the outputs): the reference solution and a check cell whose stored feedback says
"correct". nbval re-runs the cells and compares the outputs; this file checks the layout and
runs the grader on the stored code once more.
"""
import json
import re
from pathlib import Path

import numpy as np
import pytest

import backprop
from backprop import lab, layers
from backprop.autodiff import Value

ROOT = Path(__file__).resolve().parents[2]

# chapter, function the reader writes, exercise label
LABS = [
    ("01_intuition", "sigmoid_prime", "lab-sigmoid-prime"),
    ("01_intuition", "neuron_backward", "lab-neuron"),
    ("05_layer_recipe", "dense_backward", "lab-dense-backward"),
    ("05_layer_recipe", "network_backward", "lab-network-backward"),
    ("06_graphs", "backward_sweep", "lab-backward-sweep"),
]
CHAPTERS = sorted({chapter for chapter, _, _ in LABS})
# the grader of each function, and the task its feedback names (chapter 1's explorable is `neuron`: the
# reader's function has another name)
TASK = {"neuron_backward": "neuron"}


def _task(name):
    return TASK.get(name, name)


def _cells(chapter):
    return json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text(encoding="utf8"))["cells"]


def _src(cell):
    return "".join(cell["source"])


def _shown(cell):
    """The stored feedback of a check cell: (text/plain, text/html)."""
    outs = [o for o in cell["outputs"] if o["output_type"] == "execute_result"]
    assert len(outs) == 1, f"{cell['id']}: one result expected, got {cell['outputs']}"
    data = outs[0]["data"]
    return "".join(data["text/plain"]), "".join(data["text/html"])


def _defines(cell, name):
    return cell["cell_type"] == "code" and re.search(rf"^def {name}\(", _src(cell), re.M)


# the metadata of a solution's code cell: hidden on the web (MyST-NB) and in JupyterLab until asked for
HIDDEN = {"tags": ["hide-cell"], "jupyter": {"source_hidden": True, "outputs_hidden": True}}


def _hidden(cell):
    return all(cell["metadata"].get(k) == v for k, v in HIDDEN.items())


def _lab(chapter, name, label):
    """(starter, check, the solution's code cells: the hidden cells after its {solution} dropdown) of one lab."""
    cells = _cells(chapter)
    task = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown"
            and re.search(rf"```{{exercise}}\n:label: {label}\n", _src(c))]
    assert len(task) == 1, f"{chapter}: exercise {label} not found once"
    sol = [i for i, c in enumerate(cells) if c["cell_type"] == "markdown"
           and re.search(rf"```{{solution}} {label}\n:class: dropdown\n\n((?!```).)+\n```$", _src(c), re.S)]
    assert len(sol) == 1, f"{chapter}: solution {label} not found once, as the cell's last directive"
    end = next((i for i in range(sol[0] + 1, len(cells)) if not _hidden(cells[i])), len(cells))
    starter, check = cells[task[0] + 1], cells[task[0] + 2]
    return starter, check, cells[sol[0] + 1:end], cells


@pytest.mark.parametrize("chapter, name, label", LABS, ids=[n for _, n, _ in LABS])
def test_starter_and_its_check(chapter, name, label):
    starter, check, _, _ = _lab(chapter, name, label)
    assert _defines(starter, name) and "raise NotImplementedError" in _src(starter)
    assert not starter["outputs"]
    namespace = {"np": np}
    exec(_src(starter), namespace)
    args = {"sigmoid_prime": (np.zeros(2),), "neuron_backward": (0.5, 1.0, 0.0, 1.0),
            "dense_backward": (np.ones((2, 3)),) * 4, "network_backward": ([], np.ones((2, 3)), np.ones((1, 3))),
            "backward_sweep": (Value(1.0),)}[name]
    with pytest.raises(NotImplementedError):
        namespace[name](*args)
    assert re.search(rf"\blab\.check_\w+\({name}\)$", _src(check))
    text, page = _shown(check)
    assert text.startswith(f"○ {_task(name)}: not implemented yet: write the body of {name} ")
    assert text.endswith("[not_implemented]") and "✗" not in text
    assert page.startswith("<div class='backprop-lab-feedback'") and "not implemented yet" in page


@pytest.mark.parametrize("chapter, name, label", LABS, ids=[n for _, n, _ in LABS])
def test_solution_is_hidden_and_correct(chapter, name, label):
    _, _, inside, cells = _lab(chapter, name, label)
    code = [c for c in inside if c["cell_type"] == "code"]
    assert code == inside, [c["id"] for c in inside]
    assert [bool(_defines(c, name)) for c in code] == [True, False], [c["id"] for c in code]
    solution, check = code
    assert "NotImplementedError" not in _src(solution) and not solution["outputs"]
    assert _src(check).strip() == f"# Solution\nlab.check_{_task(name)}({name})"
    text, page = _shown(check)
    assert text.startswith(f"✓ {_task(name)}: correct. ") and "#2e7d32" in page
    # no solution code outside its hidden cells: the only other definitions are the starter's
    outside = [c for c in cells if _defines(c, name) and c not in inside]
    assert len(outside) == 1 and "raise NotImplementedError" in _src(outside[0])


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_stored_solutions_pass_the_grader(chapter):
    """The solutions' code, run in order as the chapter runs it, still passes today's grader."""
    namespace = {"np": np, "backprop": backprop, "layers": layers, "lab": lab, "Value": Value}
    for _, name, label in [lab_ for lab_ in LABS if lab_[0] == chapter]:
        _, _, inside, _ = _lab(chapter, name, label)
        exec(_src([c for c in inside if _defines(c, name)][0]), namespace)
        fb = getattr(lab, f"check_{_task(name)}")(namespace[name])
        assert fb.ok, str(fb)


def test_the_notes_graded():
    """Chapter 5 hands the notes' da[l-1] = dz[l] * dW[l] to the grader, which names the slip."""
    cells = _cells("05_layer_recipe")
    quote = "$da^{[l-1]} = dz^{[l]} * dW^{[l]}$"       # as the notes write it, character for character
    i = next(i for i, c in enumerate(cells) if c["cell_type"] == "markdown" and "The notes, graded" in _src(c))
    assert quote in _src(cells[i])
    cell = cells[i + 1]
    assert "dA_prev = dZ * dW" in _src(cell) and _src(cell).rstrip().endswith(
        "lab.check_dense_backward(notes_dense_backward)")
    text, _ = _shown(cell)
    assert text.startswith("✗ dense_backward: ") and "[notes_slip]" in text and "chapter 5" in text
    namespace = {"np": np, "backprop": backprop, "layers": layers, "lab": lab}
    exec(_src(cell).replace("lab.check_dense_backward(notes_dense_backward)", ""), namespace)
    assert lab.check_dense_backward(namespace["notes_dense_backward"]).mistake == "notes_slip"


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_run_box_says_how_to_do_the_lab(chapter):
    """Each lab chapter's "Run this chapter yourself" box says how to do its lab, in the same words."""
    boxes = [_src(c) for c in _cells(chapter) if "Run this chapter yourself" in _src(c)]
    assert len(boxes) == 1
    assert "make lab" in boxes[0] and " -e code " in boxes[0]
    assert ("The chapter's lab (\"Your turn\", before the exercises) is done the same way: in JupyterLab or in "
            "the\ndownloaded notebook, write your function in its cell and run the check cell below it."
            in boxes[0])


def _lone_commands():
    """The commands tests/lab/test_lone_notebook.py follows in a new folder (make test-lone, run by .ci/run)."""
    import importlib.util
    path = Path(__file__).resolve().parents[1] / "lab" / "test_lone_notebook.py"
    spec = importlib.util.spec_from_file_location("lone", path)
    lone = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(lone)
    return lone.COMMANDS, lone.OPEN


@pytest.mark.parametrize("chapter", sorted(p.stem for p in (Path(__file__).resolve().parents[2] / "chapters")
                                           .glob("*.ipynb")))
def test_every_box_gives_the_tested_commands(chapter):
    """Every chapter's box, and the README, give the commands that the lone-notebook test runs, for that chapter."""
    commands, open_ = _lone_commands()
    boxes = [_src(c) for c in _cells(chapter) if "Run this chapter yourself" in _src(c)]
    assert len(boxes) == 1
    assert "\n".join([*commands, open_.replace("01_intuition", chapter)]) in boxes[0]
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert "\n".join([*commands, open_]) in readme


@pytest.mark.parametrize("chapter, name, label", LABS)
def test_a_lab_function_hides_no_name_of_its_chapter(chapter, name, label):
    """The reader's function must not take the name of something the chapter made (chapter 1's explorable is
    `neuron`: a lab function of that name replaced it, and the chapter's later cells broke)."""
    code = [_src(c) for c in _cells(chapter) if c["cell_type"] == "code"]
    assert not any(re.search(rf"^{name}\s*=", s, re.M) for s in code), f"{chapter} assigns {name} elsewhere"
