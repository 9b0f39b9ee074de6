"""Exercise of chapter 4: the worked example's backward table with blanks, checked cell by cell.

The 2-3-2 sigmoid network of chapter 4 ("A worked example by hand"), with the targets swapped to
y = (0, 1): the forward table stays as the chapter printed it (the targets do not enter it), the
backward table changes. ``table_with_blanks()`` prints it with six cells left blank, (a) to (f);
the reader computes them by hand and ``check_table(entries)`` checks each one:

    right       within TOL of the exact value (the tables' numbers are rounded to 4 decimals)
    follows     wrong, but the right rule applied to the reader's own (wrong) earlier blank
    a mistake   a known wrong rule (MISTAKES), named with the right one
    wrong       none of these: the right rule, with the numbers it takes
    blank       None: not filled in yet, no mistake

Each blank is a rule of chapter 4 applied once: dz = ∂C/∂a · σ'(z), ∂C/∂w_jk = dz_j a_k, and
∂C/∂a_k = Σ_j w_jk dz_j over the neurons j that use a_k.
"""
import html

import numpy as np

from .. import mlp, wishes
from ._grader import NOTHING_YET, RIGHT, WRONG, feedback_box

TOL = 1e-3     # a hand computation from 4-decimal numbers is within this of the exact value
X = np.array([0.3, 0.8])
Y = np.array([0.0, 1.0])                      # the chapter's targets (1, 0), swapped

MISTAKES = {
    "missing_sigma_prime": "the factor σ'(z) is missing",
    "sigma_not_prime": "σ(z) = a used in the place of σ'(z)",
    "sign": "the right size with the wrong sign (the table holds ∂C/∂θ; the wish −∂C/∂θ is its negative)",
    "weight_not_input": "the weight w_jk in the place of the input a_k",
    "own_output": "dz_j times the neuron's own output a_j, not its input a_k",
    "wrong_input": "dz_j times the other input",
    "one_term": "one neuron's term only: the sum over the neurons that use the input is missing",
    "notes_slip": "dW in the place of W, as the notes' da[l−1] = dz[l] * dW[l] writes it",
    "other_column": "the column of the other input: that is the other input's ∂C/∂a",
}


def network():
    """Chapter 4's worked example: ``MLP([2, 3, 2])`` with its round weights."""
    net = mlp.MLP([2, 3, 2])
    (W1, b1), (W2, b2) = net.params
    W1[:] = [[0.5, -1.0], [1.5, 0.8], [-0.7, 1.2]]
    b1[:] = [[0.1], [-0.2], [0.3]]
    W2[:] = [[1.0, -1.5, 0.6], [-0.8, 0.9, 1.4]]
    b2[:] = [[0.2], [-0.4]]
    return net


def _rows():
    return wishes.by_hand(network(), X, Y)


# The blanks: (layer, neuron, column of the table, name). Column "dW0" is ∂C/∂w_j0.
BLANKS = {
    "a": (2, 1, "dz", "∂C/∂z of output neuron 1"),
    "b": (2, 1, "dW0", "∂C/∂w_10 of layer 2"),
    "c": (1, 1, "da", "∂C/∂a of hidden neuron 1"),
    "d": (1, 1, "dz", "∂C/∂z of hidden neuron 1"),
    "e": (1, 1, "dW0", "∂C/∂w_10 of layer 1"),
    "f": (0, 1, "da", "∂C/∂a of input 1"),
}


def _value(rows, layer, j, col):
    r = rows[layer]
    return float(r["dW"][j, int(col[2:])] if col.startswith("dW") else r[col][j])


def table_with_blanks():
    """The backward table of the swapped targets, blanks shown as (a) … (f), the cells that give one away as ·."""
    rows = _rows()
    where = {(l, j, col): name for name, (l, j, col, _) in BLANKS.items()}
    hidden = {(l, j, "db") for l, j, col, _ in BLANKS.values() if col == "dz"}   # ∂C/∂b = ∂C/∂z
    hidden |= {(l, j, f"dW{k}") for l, j, col, _ in BLANKS.values() if col == "dz"
               for k in range(len(rows[l - 1]["a"]))}
    out = [f"targets y = ({Y[0]:g}, {Y[1]:g})",
           "backward: layer neuron    ∂C/∂a    ∂C/∂z    ∂C/∂b ∂C/∂w_j0 ∂C/∂w_j1 ∂C/∂w_j2"]
    for l in range(len(rows) - 1, -1, -1):
        cols = ["da"] + (["dz", "db"] + [f"dW{k}" for k in range(len(rows[l - 1]["a"]))] if l else [])
        for j in range(len(rows[l]["a"])):
            cells = []
            for col in cols:
                if (l, j, col) in where:
                    cells.append(f"({where[l, j, col]})")
                elif (l, j, col) in hidden:
                    cells.append("·")
                else:
                    cells.append(f"{_value(rows, l, j, 'dz' if col == 'db' else col):.4f}")
            out.append(f"{l:>15} {j:>6}" + "".join(f" {c:>8}" for c in cells))
    return "\n".join(out)


def _rules(v, rows, net):
    """For each blank: (right rule as text, its value from v, {mistake: value}); v holds the blanks' values."""
    (W1, _), (W2, _) = net.params
    a1, sp1, sp2, a2 = rows[1]["a"], rows[1]["sp"], rows[2]["sp"], rows[2]["a"]
    da2, dz2_0 = rows[2]["da"][1], rows[2]["dz"][0]
    dz1_0, dz1_2 = rows[1]["dz"][0], rows[1]["dz"][2]
    dW2_01, dW1_01, dW1_21 = rows[2]["dW"][0, 1], rows[1]["dW"][0, 1], rows[1]["dW"][2, 1]
    f = "{:.4f}".format
    return {
        "a": (f"∂C/∂z = ∂C/∂a · σ'(z) = {f(da2)} × {f(sp2[1])}", da2 * sp2[1],
              {"missing_sigma_prime": da2, "sigma_not_prime": da2 * a2[1], "sign": -da2 * sp2[1]}),
        "b": (f"∂C/∂w_10 = dz_1 · a_0 = (a) × {f(a1[0])}, with a_0 the output of hidden neuron 0", v["a"] * a1[0],
              {"weight_not_input": v["a"] * W2[1, 0], "own_output": v["a"] * a2[1],
               "sign": -v["a"] * a1[0]}),
        "c": (f"∂C/∂a_1 = w_01 dz_0 + w_11 dz_1 = {W2[0, 1]:g} × {f(dz2_0)} + {W2[1, 1]:g} × (a), "
              "column 1 of W[2]: both output neurons use hidden neuron 1",
              W2[0, 1] * dz2_0 + W2[1, 1] * v["a"],
              {"one_term": [W2[0, 1] * dz2_0, W2[1, 1] * v["a"]],
               "notes_slip": dz2_0 * dW2_01 + v["a"] * v["a"] * a1[1],
               "sign": -(W2[0, 1] * dz2_0 + W2[1, 1] * v["a"])}),
        "d": (f"∂C/∂z = ∂C/∂a · σ'(z) = (c) × {f(sp1[1])}", v["c"] * sp1[1],
              {"missing_sigma_prime": v["c"], "sigma_not_prime": v["c"] * a1[1], "sign": -v["c"] * sp1[1]}),
        "e": (f"∂C/∂w_10 = dz_1 · x_0 = (d) × {X[0]:g}, with x_0 the input 0", v["d"] * X[0],
              {"weight_not_input": v["d"] * W1[1, 0], "wrong_input": v["d"] * X[1], "sign": -v["d"] * X[0]}),
        "f": (f"∂C/∂x_1 = w_01 dz_0 + w_11 dz_1 + w_21 dz_2 = {W1[0, 1]:g} × {f(dz1_0)} + {W1[1, 1]:g} × (d) "
              f"+ {W1[2, 1]:g} × {f(dz1_2)}, column 1 of W[1]: all three hidden neurons use x_1",
              W1[0, 1] * dz1_0 + W1[1, 1] * v["d"] + W1[2, 1] * dz1_2,
              {"one_term": [W1[0, 1] * dz1_0, W1[1, 1] * v["d"], W1[2, 1] * dz1_2],
               "notes_slip": dz1_0 * dW1_01 + v["d"] * v["d"] * X[1] + dz1_2 * dW1_21,
               "other_column": W1[0, 0] * dz1_0 + W1[1, 0] * v["d"] + W1[2, 0] * dz1_2,
               "sign": -(W1[0, 1] * dz1_0 + W1[1, 1] * v["d"] + W1[2, 1] * dz1_2)}),
    }


def _number(x):
    if isinstance(x, (bool, np.bool_)):
        return None
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return x if np.isfinite(x) else None


class TableFeedback:
    """The verdict on each blank: ``verdicts[name]`` is "right", "blank", "follows", "wrong",
    "not_a_number" or a code of MISTAKES; ``ok`` when every blank is right."""

    def __init__(self, lines, verdicts):
        self.lines, self.verdicts = lines, verdicts
        self.ok = all(v == "right" for v in verdicts.values())

    def __bool__(self):
        return self.ok

    def __str__(self):
        return "\n".join(self.lines)

    __repr__ = __str__

    def _repr_html_(self):
        color = RIGHT if self.ok else WRONG if any(
            v not in ("right", "blank") for v in self.verdicts.values()) else NOTHING_YET
        return feedback_box(color, "".join(f"<p style='margin:.2em 0'>{html.escape(line)}</p>"
                                           for line in self.lines))


def check_table(entries):
    """Check the reader's ``entries`` {"a": number or None, …, "f": …} against the table, cell by cell."""
    if not isinstance(entries, dict):
        raise ValueError(f"entries must be a dict with the keys {sorted(BLANKS)}, got {type(entries).__name__}")
    unknown = sorted(set(entries) - set(BLANKS), key=str)
    if unknown:
        raise ValueError(f"unknown blanks {unknown}; the blanks are {sorted(BLANKS)}")
    net = network()
    rows = wishes.by_hand(net, X, Y)
    exact = {name: _value(rows, l, j, col) for name, (l, j, col, _) in BLANKS.items()}
    mine = {name: _number(entries.get(name)) for name in BLANKS}
    # the reader's own earlier blanks, where given, for the rule and the mistakes of a later blank
    basis = {name: mine[name] if mine[name] is not None else exact[name] for name in BLANKS}
    own_rules = _rules(basis, rows, net)
    lines, verdicts = [], {}
    for name, (_, _, _, what) in BLANKS.items():
        given = entries.get(name)
        rule, follow, wrong = own_rules[name]
        head = f"({name}) {what}"
        if given is None:
            verdicts[name] = "blank"
            lines.append(f"○ {head}: not filled in yet.")
            continue
        x = mine[name]
        if x is None:
            verdicts[name] = "not_a_number"
            lines.append(f"✗ {head}: {given!r} is not a number.")
            continue
        if abs(x - exact[name]) <= TOL:
            verdicts[name] = "right"
            lines.append(f"✓ {head}: {x:.4f} is right.")
            continue
        if abs(follow - exact[name]) > TOL and abs(x - follow) <= TOL:
            verdicts[name] = "follows"
            lines.append(f"~ {head}: {x:.4f} is the right rule applied to your wrong earlier entry: {rule}.")
            continue
        found = next((code for code, vals in wrong.items()
                      if any(abs(x - v) <= TOL for v in np.atleast_1d(vals))), None)
        verdicts[name] = found or "wrong"
        why = f" {MISTAKES[found][0].upper()}{MISTAKES[found][1:]}." if found else ""
        lines.append(f"✗ {head}: {x:.4f} is wrong.{why} The rule: {rule}.")
    n_right = sum(v == "right" for v in verdicts.values())
    if all(v == "blank" for v in verdicts.values()):
        lines.insert(0, "No blank filled in yet: write your numbers in place of None, "
                        "then run this cell again.")
    else:
        lines.insert(0, f"{n_right} of {len(BLANKS)} blanks right"
                        + ("." if n_right < len(BLANKS) else ": the table is complete."))
    return TableFeedback(lines, verdicts)
