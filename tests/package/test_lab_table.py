"""Chapter 4's exercise "the 2-3-2 table with blanks" (backprop.lab.table) and chapter 5's lab.gradcheck_layer.

The table checker must call every right hand computation right (from the tables' 4-decimal numbers), name
each mistake it knows on the blank it belongs to, follow a wrong earlier blank through, and never call a
blank wrong before the reader has written anything. Chapter 5's lab.gradcheck_layer must name each wrong output.
"""
import contextlib
import io
import itertools
import json
import re
from pathlib import Path

import numpy as np
import pytest

import backprop
from backprop import lab, wishes
from backprop.lab import table

ROOT = Path(__file__).resolve().parents[2]


def _cells(chapter):
    return {c["id"]: c for c in json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text("utf8"))["cells"]}


def _src(cell):
    return "".join(cell["source"])


def _text(cell):
    out = []
    for o in cell["outputs"]:
        out.append("".join(o["text"]) if o["output_type"] == "stream" else "".join(o["data"]["text/plain"]))
    return "".join(out)


def _exact():
    rows = wishes.by_hand(table.network(), table.X, table.Y)
    return {name: table._value(rows, l, j, col) for name, (l, j, col, _) in table.BLANKS.items()}


def _by_hand():
    """The blanks as a reader computes them: from the printed 4-decimal numbers, rounding each result."""
    rows = wishes.by_hand(table.network(), table.X, table.Y)
    r4 = lambda v: round(float(v), 4)
    (W1, _), (W2, _) = table.network().params
    a = r4(r4(rows[2]["da"][1]) * r4(rows[2]["sp"][1]))
    c = r4(W2[0, 1] * r4(rows[2]["dz"][0]) + W2[1, 1] * a)
    d = r4(c * r4(rows[1]["sp"][1]))
    return {"a": a, "b": r4(a * r4(rows[1]["a"][0])), "c": c, "d": d, "e": r4(d * table.X[0]),
            "f": r4(W1[0, 1] * r4(rows[1]["dz"][0]) + W1[1, 1] * d + W1[2, 1] * r4(rows[1]["dz"][2]))}


def test_the_network_is_the_chapters_worked_example():
    cell = _cells("04_many_neurons")["c20"]
    ns = {"np": np, "backprop": backprop, "wishes": wishes}
    exec(_src(cell).replace("print(wishes.table(rows))", ""), ns)
    for (W, b), (W_t, b_t) in zip(ns["net"].params, table.network().params):
        assert np.array_equal(W, W_t) and np.array_equal(b, b_t)
    assert np.array_equal(ns["x"], table.X) and np.array_equal(ns["y2"], table.Y[::-1])   # targets swapped


def test_the_table_shows_no_blank_away():
    """The blanks' numbers (and the ∂C/∂b and ∂C/∂w of a row whose ∂C/∂z is a blank) are not printed."""
    text = table.table_with_blanks()
    for name, v in _exact().items():
        assert f"({name})" in text and f"{v:.4f}" not in text, name
    assert "0.9735" in text and "-0.0053" in text       # the numbers the blanks need are there


def test_nothing_written_is_no_mistake():
    fb = table.check_table({k: None for k in table.BLANKS})
    assert not fb.ok and set(fb.verdicts.values()) == {"blank"}
    assert "✗" not in str(fb) and str(fb).startswith("No blank filled in yet")


def test_exact_and_by_hand_answers_are_right():
    for entries in (_exact(), _by_hand()):
        fb = table.check_table(entries)
        assert fb.ok, str(fb)
        assert str(fb).startswith("6 of 6 blanks right")


def test_each_mistake_is_named_on_its_blank():
    exact = _exact()
    rows = wishes.by_hand(table.network(), table.X, table.Y)
    named = set()
    for name, (_, _, wrong) in table._rules(exact, rows, table.network()).items():
        for code, values in wrong.items():
            for v in np.atleast_1d(values):
                fb = table.check_table({**exact, name: float(v)})
                assert fb.verdicts[name] == code, (name, code, str(fb))
                assert [k for k, verdict in fb.verdicts.items() if verdict != "right"] == [name]
                line = next(x for x in str(fb).splitlines() if x.startswith(f"✗ ({name})"))
                assert table.MISTAKES[code][1:] in line and "The rule: " in line
                named.add(code)
    assert named == set(table.MISTAKES)


def test_mistakes_are_far_apart():
    """Every known mistake is further than 2 TOL from the right value and from the other mistakes of its blank."""
    exact = _exact()
    rows = wishes.by_hand(table.network(), table.X, table.Y)
    for name, (_, right, wrong) in table._rules(exact, rows, table.network()).items():
        assert abs(right - exact[name]) < 1e-12
        values = [(code, v) for code, vs in wrong.items() for v in np.atleast_1d(vs)]
        for code, v in values:
            assert abs(v - exact[name]) > 2 * table.TOL, (name, code)
        for (c1, v1), (c2, v2) in itertools.combinations(values, 2):
            assert c1 == c2 or abs(v1 - v2) > 2 * table.TOL, (name, c1, c2)


def test_a_wrong_blank_is_followed_through():
    exact = _exact()
    wrong_c = exact["c"] + 0.1
    fb = table.check_table({**exact, "c": wrong_c, "d": wrong_c * wishes.by_hand(
        table.network(), table.X, table.Y)[1]["sp"][1]})
    assert fb.verdicts["c"] == "wrong" and fb.verdicts["d"] == "follows"
    assert "~ (d)" in str(fb) and "your wrong earlier entry" in str(fb)


def test_bad_entries():
    fb = table.check_table({"a": "x", "b": float("nan"), "c": True})
    assert fb.verdicts["a"] == fb.verdicts["b"] == fb.verdicts["c"] == "not_a_number"
    assert fb.verdicts["d"] == "blank"
    with pytest.raises(ValueError, match="unknown blanks"):
        table.check_table({"g": 1.0})
    with pytest.raises(ValueError, match="dict"):
        table.check_table([1.0])


def test_the_chapter_stores_the_exercise():
    cells = _cells("04_many_neurons")
    assert _src(cells["ex-table-check"]) == "table.check_table(mine)"
    assert _text(cells["ex-table-check"]).startswith("No blank filled in yet")
    assert "✗" not in _text(cells["ex-table-check"])
    assert re.search(r"^mine = \{\"a\": None,", _src(cells["ex-table-starter"]), re.M)
    assert _src(cells["ex-table-starter"]).count("\": None") == 6
    assert _text(cells["ex-table-solution-code"]).startswith("6 of 6 blanks right")
    assert _text(cells["ex-table-blanks"]) == table.table_with_blanks() + "\n"


# -- chapter 5: lab.gradcheck_layer, the check of ex-recipe-tanh and ex-recipe-bug ---------------

def _run(fn, activation):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert lab.gradcheck_layer(fn, activation) is None
    return out.getvalue()


def _backward(g_prime, db_scale=1.0, transpose=True):
    def backward(dA, Z, A_prev, W):
        m = Z.shape[1]
        dZ = dA * g_prime(Z)
        return (W.T @ dZ if transpose else dZ), dZ @ A_prev.T / m, db_scale * dZ.sum(axis=1, keepdims=True) / m
    return backward


@pytest.mark.parametrize("activation", ["tanh", "relu", "sigmoid"])
def test_check_layer_passes_the_right_step(activation):
    text = _run(_backward(backprop.activations.get(activation)[1]), activation)
    assert "WRONG" not in text and text.count("right: relative error below 1e-7, as layers.dense_backward") == 3


def test_check_layer_names_the_wrong_output():
    t = _run(_backward(backprop.activations.tanh_prime, db_scale=5.0), "tanh")
    assert [line.split()[0] for line in t.splitlines() if "WRONG" in line] == ["db"]
    t = _run(_backward(backprop.activations.sigmoid_prime), "tanh")       # the sigmoid's g'
    assert t.count("WRONG") == 3
    t = _run(_backward(backprop.activations.tanh_prime, transpose=False), "tanh")   # dZ: a wrong shape
    assert [line.split()[0] for line in t.splitlines() if "WRONG" in line] == ["dA_prev"]


def test_check_layer_leaves_the_inputs_alone_and_refuses_an_unknown_activation():
    def mutating(dA, Z, A_prev, W):
        W *= 0                       # the reader's function spoils its copy, not the check's layer
        return _backward(backprop.activations.tanh_prime)(dA, Z, A_prev, W)
    assert _run(mutating, "tanh").count("WRONG") == 1          # dA_prev = 0 ᵀ dZ
    assert "WRONG" not in _run(_backward(backprop.activations.tanh_prime), "tanh")
    with pytest.raises(ValueError, match="unknown activation"):
        lab.gradcheck_layer(_backward(backprop.activations.tanh_prime), "softsign")


def test_check_layer_on_an_unfinished_function():
    def tanh_backward(dA, Z, A_prev, W):
        raise NotImplementedError
    assert _run(tanh_backward, "tanh").startswith("tanh_backward: not written yet")
    assert "must return" in _run(lambda *a: None, "tanh")
    assert "raised ZeroDivisionError" in _run(lambda *a: 1 / 0, "tanh")
    assert _run(lambda *a: (None, None, None), "tanh").count("WRONG") == 3


def test_the_chapter_stores_the_bug_hunt():
    cells = _cells("05_layer_recipe")
    before = _text(cells["ex-bug-suspect"])
    assert [line.split()[0] for line in before.splitlines() if "WRONG" in line] == ["db"]
    assert "WRONG" not in _text(cells["ex-bug-solution-fix"])
    assert _src(cells["ex-tanh-check"]) == 'lab.gradcheck_layer(tanh_backward, "tanh")'
    assert "not written yet" in _text(cells["ex-tanh-check"]) and "WRONG" not in _text(cells["ex-tanh-check"])
    assert _src(cells["ex-bug-suspect"]).endswith('lab.gradcheck_layer(suspect_backward, "sigmoid")')
    assert "WRONG" not in _text(cells["ex-tanh-solution-code"]) + _text(cells["ex-tanh-solution-relu"])
