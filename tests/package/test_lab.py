"""backprop.lab: every mistake it knows is named, right answers pass however they are written,
and nothing the reader's function does makes the grader raise.

Each wrong implementation below makes exactly one mistake of lab.MISTAKES; the tables at the
end say which checker must name which code for which function.
"""
import inspect
import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from backprop import MLP, layers, lab
from backprop.lab._grader import _close
from backprop.lab.layer import _dense_case, _grade_dense
from backprop.lab.network import _grade_network, _network_case
from backprop.activations import sigmoid, sigmoid_prime
from backprop.autodiff import Value

CHECKERS = [lab.check_sigmoid_prime, lab.check_neuron, lab.check_dense_backward,
            lab.check_network_backward, lab.check_backward_sweep]


def s(z):
    return 1 / (1 + np.exp(-z))


# -- sigmoid_prime ---------------------------------------------------------------------------

def sp_right(z):
    return s(z) * (1 - s(z))


def sp_loop(z):
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    for i in np.ndindex(z.shape):
        a = 1 / (1 + math.exp(-z[i]))
        out[i] = a * (1 - a)
    return out


def sp_package(z):
    return sigmoid_prime(z)


def sp_sigmoid(z):
    return s(z)


def sp_a_on_z(z):
    return z * (1 - z)


def sp_sign(z):
    return s(z) * (s(z) - 1)


def sp_in_place(z):
    z *= -1                               # writes into the caller's z
    return s(z) * (1 - s(z))


# -- neuron ----------------------------------------------------------------------------------

def neuron_right(a_prev, w, b, y):
    a = 1 / (1 + math.exp(-(w * a_prev + b)))
    delta = 2 * (a - y) * a * (1 - a)
    return delta * a_prev, delta, delta * w


def neuron_numpy(a_prev, w, b, y):        # arrays of one entry are accepted as floats
    a = s(np.array([[w * a_prev + b]]))
    delta = 2 * (a - y) * a * (1 - a)
    return delta * a_prev, delta, delta * w


def neuron_no_2(a_prev, w, b, y):
    a = 1 / (1 + math.exp(-(w * a_prev + b)))
    delta = (a - y) * a * (1 - a)
    return delta * a_prev, delta, delta * w


def neuron_sign(a_prev, w, b, y):
    a = 1 / (1 + math.exp(-(w * a_prev + b)))
    delta = 2 * (y - a) * a * (1 - a)
    return delta * a_prev, delta, delta * w


def neuron_no_sp(a_prev, w, b, y):
    a = 1 / (1 + math.exp(-(w * a_prev + b)))
    delta = 2 * (a - y)
    return delta * a_prev, delta, delta * w


def neuron_swapped(a_prev, w, b, y):
    a = 1 / (1 + math.exp(-(w * a_prev + b)))
    delta = 2 * (a - y) * a * (1 - a)
    return delta * w, delta, delta * a_prev


# -- dense_backward ---------------------------------------------------------------------------

def dense_right(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def dense_package(dA, Z, A_prev, W):
    return layers.dense_backward(dA, Z, A_prev, W)


def dense_loops(dA, Z, A_prev, W):
    n, m = Z.shape
    n_prev = A_prev.shape[0]
    dA_prev, dW, db = np.zeros((n_prev, m)), np.zeros((n, n_prev)), np.zeros((n, 1))
    for i in range(m):
        for j in range(n):
            a = 1 / (1 + math.exp(-Z[j, i]))
            dz = dA[j, i] * a * (1 - a)
            db[j, 0] += dz / m
            for k in range(n_prev):
                dW[j, k] += dz * A_prev[k, i] / m
                dA_prev[k, i] += W[j, k] * dz
    return dA_prev, dW, db


def dense_einsum(dA, Z, A_prev, W):
    dZ = np.multiply(dA, sigmoid_prime(Z))
    m = dZ.shape[1]
    return (np.einsum("jk,ji->ki", W, dZ), np.einsum("ji,ki->jk", dZ, A_prev) / m,
            np.mean(dZ, axis=1, keepdims=True))


def dense_in_place_copies(dA, Z, A_prev, W):
    dZ = dA.copy()
    dZ *= sigmoid(Z)
    dZ *= 1 - sigmoid(Z)
    dW = dZ @ A_prev.T
    dW /= Z.shape[1]
    db = dZ.sum(axis=1, keepdims=True)
    db /= Z.shape[1]
    return np.dot(W.T, dZ), dW, db


def dense_lists(dA, Z, A_prev, W):        # array-likes: nested lists are accepted
    dA_prev, dW, db = dense_right(dA, Z, A_prev, W)
    return dA_prev.tolist(), dW.tolist(), tuple(db.ravel().reshape(-1, 1).tolist())


def dense_no_transpose(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    return W @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def dense_notes_slip(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    dW = dZ @ A_prev.T / m
    return dZ * dW, dW, dZ.sum(axis=1, keepdims=True) / m


def dense_notes_slip_T(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    dW = dZ @ A_prev.T / m
    return dW.T @ dZ, dW, dZ.sum(axis=1, keepdims=True) / m


def dense_no_m(dA, Z, A_prev, W):
    dZ = dA * s(Z) * (1 - s(Z))
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)


def dense_no_m_dW_only(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True) / m


def dense_extra_m(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    return W.T @ dZ / m, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def dense_db_axis(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=0, keepdims=True) / m


def dense_no_g(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def dense_g_on_Z(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * Z * (1 - Z)
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def dense_dW_T(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = dA * s(Z) * (1 - s(Z))
    return W.T @ dZ, A_prev @ dZ.T / m, dZ.sum(axis=1, keepdims=True) / m


def dense_sign(dA, Z, A_prev, W):
    m = Z.shape[1]
    dZ = -dA * s(Z) * (1 - s(Z))
    return W.T @ dZ, dZ @ A_prev.T / m, dZ.sum(axis=1, keepdims=True) / m


def dense_mutates(dA, Z, A_prev, W):
    m = Z.shape[1]
    dA *= s(Z) * (1 - s(Z))               # dZ computed in the caller's dA
    return W.T @ dA, dA @ A_prev.T / m, dA.sum(axis=1, keepdims=True) / m


def dense_order(dA, Z, A_prev, W):
    dA_prev, dW, db = dense_right(dA, Z, A_prev, W)
    return dW, db, dA_prev


def dense_db_flat(dA, Z, A_prev, W):
    dA_prev, dW, db = dense_right(dA, Z, A_prev, W)
    return dA_prev, dW, db.ravel()


def dense_two_mistakes(dA, Z, A_prev, W):
    dZ = dA
    return W.T @ dZ, dZ @ A_prev.T, dZ.sum(axis=1, keepdims=True)


def dense_nan(dA, Z, A_prev, W):
    dA_prev, dW, db = dense_right(dA, Z, A_prev, W)
    return dA_prev * np.nan, dW, db


# -- network_backward --------------------------------------------------------------------------

def net_right(params, X, Y, factor=2.0, back=lambda W, dZ: W.T @ dZ, extra=1, reverse=False):
    A = [X]
    for W, b in params:
        A.append(s(W @ A[-1] + b))
    m, L = X.shape[1], len(params)
    dA, grads = factor * (A[L] - Y), []
    for l in range(L, 0, -1):
        dZ = dA * A[l] * (1 - A[l])
        grads.append((dZ @ A[l - 1].T / m, dZ.sum(axis=1, keepdims=True) / m))
        dA = back(params[l - 1][0], dZ) / extra
    return grads if reverse else grads[::-1]


def net_package(params, X, Y):
    net = MLP([params[0][0].shape[1]] + [W.shape[0] for W, _ in params])
    net.params = params
    return net.gradients(X, Y)


def net_layer_by_layer(params, X, Y):      # the learner's own dense_backward, called per layer
    A, Zs = [X], []
    for W, b in params:
        A_l, Z_l = layers.dense_forward(A[-1], W, b)
        A.append(A_l)
        Zs.append(Z_l)
    dA, grads = 2 * (A[-1] - Y), []
    for l in range(len(params), 0, -1):
        dA, dW, db = dense_loops(dA, Zs[l - 1], A[l - 1], params[l - 1][0])
        grads.insert(0, [dW, db])
    return tuple(grads)


def net_reversed(params, X, Y):
    return net_right(params, X, Y, reverse=True)


def net_no_2(params, X, Y):
    return net_right(params, X, Y, factor=1.0)


def net_extra_m(params, X, Y):
    return net_right(params, X, Y, extra=X.shape[1])


def net_no_transpose(params, X, Y):
    return net_right(params, X, Y, back=lambda W, dZ: W @ dZ)


def net_sign(params, X, Y):
    return net_right(params, X, Y, factor=-2.0)


def net_no_m(params, X, Y):
    m = X.shape[1]
    return [(dW * m, db * m) for dW, db in net_right(params, X, Y)]


def net_flat(params, X, Y):
    return [x for pair in net_right(params, X, Y) for x in pair]


# -- backward_sweep -----------------------------------------------------------------------------

def topo(out):
    order, seen = [], set()

    def visit(v):                         # recursive depth-first, parents first
        if v not in seen:
            seen.add(v)
            for p in v.parents:
                visit(p)
            order.append(v)
    visit(out)
    return order


def sweep_right(out):
    out.grad = 1.0
    for v in reversed(topo(out)):
        for p, local in zip(v.parents, v.local):
            p.grad += v.grad * local


def sweep_package_order(out):
    out.grad = 1
    for v in out.graph()[::-1]:
        for i in range(len(v.parents)):
            v.parents[i].grad = v.parents[i].grad + v.local[i] * v.grad


def sweep_paths(out):                     # every path separately: slow, but right
    def push(v, d):
        v.grad += d
        for p, local in zip(v.parents, v.local):
            push(p, d * local)
    push(out, 1.0)


def sweep_not_seeded(out):
    for v in reversed(topo(out)):
        for p, local in zip(v.parents, v.local):
            p.grad += v.grad * local


def sweep_overwrites(out):
    out.grad = 1.0
    for v in reversed(topo(out)):
        for p, local in zip(v.parents, v.local):
            p.grad = v.grad * local


def sweep_recursive_push(out):            # pushes its current grad each time it is reached
    def push(v):
        for p, local in zip(v.parents, v.local):
            p.grad += v.grad * local
            push(p)
    out.grad = 1.0
    push(out)


def sweep_stack(out):                     # depth-first, each node processed when first popped
    out.grad = 1.0
    stack, seen = [out], {out}
    while stack:
        v = stack.pop()
        for p, local in zip(v.parents, v.local):
            p.grad += v.grad * local
            if p not in seen:
                seen.add(p)
                stack.append(p)


def sweep_stack_other_order(out):
    out.grad = 1.0
    stack, seen = [out], {out}
    while stack:
        v = stack.pop()
        for p, local in reversed(list(zip(v.parents, v.local))):
            p.grad += v.grad * local
            if p not in seen:
                seen.add(p)
                stack.append(p)


def sweep_bfs(out):
    out.grad = 1.0
    queue, seen = [out], {out}
    while queue:
        v = queue.pop(0)
        for p, local in zip(v.parents, v.local):
            p.grad += v.grad * local
            if p not in seen:
                seen.add(p)
                queue.append(p)


def sweep_forward(out):
    out.grad = 1.0
    for v in topo(out):
        for p, local in zip(v.parents, v.local):
            p.grad += v.grad * local


def sweep_no_local(out):
    out.grad = 1.0
    for v in reversed(topo(out)):
        for p in v.parents:
            p.grad += v.grad


def sweep_grad_none(out):
    for v in topo(out):
        v.grad = None


# -- the tables ------------------------------------------------------------------------------------

def starter(*args):
    raise NotImplementedError


def raises_type_error(*args):
    return args[0] + "a string"


def returns_none(*args):
    return None


def returns_string(*args):
    return "dA_prev, dW, db"


def returns_nan(*args):
    return (float("nan"),) * 3


def sp_nan(z):
    return z * np.nan


def returns_two(*args):
    return 1.0, 2.0


def loops_forever_never(*args):          # a Python error deep inside the learner's helper
    def helper(x):
        return x.no_such_attribute
    return helper(args[0])


RIGHT = [(lab.check_sigmoid_prime, f) for f in (sp_right, sp_loop, sp_package)] + \
    [(lab.check_neuron, f) for f in (neuron_right, neuron_numpy)] + \
    [(lab.check_dense_backward, f) for f in (dense_right, dense_package, dense_loops, dense_einsum,
                                             dense_in_place_copies, dense_lists)] + \
    [(lab.check_network_backward, f) for f in (net_right, net_package, net_layer_by_layer)] + \
    [(lab.check_backward_sweep, f) for f in (sweep_right, sweep_package_order, sweep_paths)]

WRONG = [
    (lab.check_sigmoid_prime, sp_sigmoid, "sigmoid_not_derivative"),
    (lab.check_sigmoid_prime, sp_a_on_z, "a_formula_on_z"),
    (lab.check_sigmoid_prime, sp_sign, "sign"),
    (lab.check_sigmoid_prime, sp_in_place, "mutates_input"),
    (lab.check_neuron, neuron_no_2, "missing_factor_2"),
    (lab.check_neuron, neuron_sign, "sign"),
    (lab.check_neuron, neuron_no_sp, "missing_sigma_prime"),
    (lab.check_neuron, neuron_swapped, "w_and_a_swapped"),
    (lab.check_dense_backward, dense_no_transpose, "no_transpose"),
    (lab.check_dense_backward, dense_notes_slip, "notes_slip"),
    (lab.check_dense_backward, dense_notes_slip_T, "notes_slip"),
    (lab.check_dense_backward, dense_no_m, "missing_1_over_m"),
    (lab.check_dense_backward, dense_no_m_dW_only, "missing_1_over_m"),
    (lab.check_dense_backward, dense_extra_m, "extra_1_over_m"),
    (lab.check_dense_backward, dense_db_axis, "db_axis"),
    (lab.check_dense_backward, dense_no_g, "missing_g_prime"),
    (lab.check_dense_backward, dense_g_on_Z, "g_prime_wrong"),
    (lab.check_dense_backward, dense_dW_T, "dW_transposed"),
    (lab.check_dense_backward, dense_sign, "sign"),
    (lab.check_dense_backward, dense_mutates, "mutates_input"),
    (lab.check_dense_backward, dense_order, "shape"),
    (lab.check_dense_backward, dense_db_flat, "shape"),
    (lab.check_dense_backward, dense_two_mistakes, "other"),
    (lab.check_dense_backward, dense_nan, "other"),
    (lab.check_network_backward, net_reversed, "layers_reversed"),
    (lab.check_network_backward, net_no_2, "missing_factor_2"),
    (lab.check_network_backward, net_extra_m, "extra_1_over_m"),
    (lab.check_network_backward, net_no_transpose, "no_transpose"),
    (lab.check_network_backward, net_sign, "sign"),
    (lab.check_network_backward, net_no_m, "missing_1_over_m"),
    (lab.check_network_backward, net_flat, "bad_return"),
    (lab.check_backward_sweep, sweep_not_seeded, "not_seeded"),
    (lab.check_backward_sweep, sweep_overwrites, "overwrites"),
    (lab.check_backward_sweep, sweep_recursive_push, "no_topological_order"),
    (lab.check_backward_sweep, sweep_stack, "no_topological_order"),
    (lab.check_backward_sweep, sweep_stack_other_order, "no_topological_order"),
    (lab.check_backward_sweep, sweep_bfs, "no_topological_order"),
    (lab.check_backward_sweep, sweep_forward, "no_topological_order"),
    (lab.check_backward_sweep, sweep_no_local, "local_derivative_ignored"),
    (lab.check_backward_sweep, sweep_grad_none, "bad_return"),
] + [(check, starter, "not_implemented") for check in CHECKERS] \
  + [(check, raises_type_error, "error") for check in CHECKERS] \
  + [(check, loops_forever_never, "error") for check in CHECKERS] \
  + [(check, f, "bad_return") for check in CHECKERS[:4] for f in (returns_none, returns_string)] \
  + [(check, returns_two, "bad_return") for check in CHECKERS[1:4]] \
  + [(lab.check_sigmoid_prime, sp_nan, "other")]


def _id(case):
    return f"{case[0].__name__}-{case[1].__name__}" + (f"-{case[2]}" if len(case) > 2 else "")


@pytest.mark.parametrize("check, fn", RIGHT, ids=[_id(c) for c in RIGHT])
def test_right_answers_pass(check, fn):
    for lang in lab.LANGS:
        fb = check(fn, lang=lang)
        assert fb.ok and fb.mistake is None and bool(fb), str(fb)
    assert str(fb).startswith("✓") and "正确" in str(fb)


@pytest.mark.parametrize("check, fn, code", WRONG, ids=[_id(c) for c in WRONG])
def test_each_mistake_is_named(check, fn, code):
    fb = check(fn)
    assert not fb.ok and not fb and fb.mistake == code, str(fb)
    assert code in lab.MISTAKES
    text, page = str(fb), fb._repr_html_()
    assert text == repr(fb) and f"[{code}]" in text
    assert page.startswith("<div") and ("✗" in page or code == "not_implemented") and "<script" not in page
    if code != "not_implemented":
        assert "Where the book explains it: chapter " in text and "chapters/0" in text
    # Chinese: the same mistake, said in Chinese
    zh = check(fn, lang="zh")
    assert zh.mistake == code
    assert re.search("[\u4e00-\u9fff]", str(zh)), str(zh)
    assert not re.search(r"\b(the|your|is|are)\b", _without_code(str(zh), fn)), str(zh)
    if code != "not_implemented":
        assert "书中的讲解：第 " in str(zh)


def test_every_code_is_tested():
    assert {code for *_, code in WRONG} == set(lab.MISTAKES)


def _without_code(text, fn):
    """The message without the exception it quotes (Python's words, the reader's line) if any."""
    return re.sub(r"\b\w*(Error|Exception)\b.*", "", text)


SOLUTION_CODE = ["W.T @ dZ", "W.T", ".T @", "np.sum", "axis=1", "keepdims", "/ m", "* (1 -",
                 "reversed(", "sigmoid_prime(", "return ", "def "]


@pytest.mark.parametrize("check, fn, code", WRONG, ids=[_id(c) for c in WRONG])
def test_messages_never_show_the_solution(check, fn, code):
    source = inspect.getsource(fn)
    for lang in lab.LANGS:
        text = str(check(fn, lang=lang))
        for piece in SOLUTION_CODE:
            if piece not in source:       # the reader's own line may be quoted back, nothing else
                assert piece not in text, (piece, text)


@pytest.mark.parametrize("check, fn, code", WRONG, ids=[_id(c) for c in WRONG])
def test_messages_are_the_same_every_time(check, fn, code):
    """No rounding noise: the evidence is shapes, exact ratios and 3 significant digits of
    well-conditioned values, so two runs (and two machines) print the same text."""
    assert str(check(fn)) == str(check(fn))
    assert not re.search(r"\d\.\d{5,}", _without_code(str(check(fn)), fn)), str(check(fn))


def test_a_case_that_raises_still_names_the_mistake():
    fb = lab.check_dense_backward(dense_no_transpose)
    text = str(fb)
    assert fb.mistake == "no_transpose"
    assert "n_l = 3, n_(l−1) = 3" in text and "raised ValueError" in text
    assert "line " in text and "W @ dZ" in text      # the reader's own line, quoted back
    assert 'chapter 4, "Recognising Wᵀdz"' in text


def test_the_evidence_is_in_numbers():
    text = str(lab.check_dense_backward(dense_no_m_dW_only))
    assert "your dW is exactly 4 times the right one, and m = 4 here" in text
    text = str(lab.check_network_backward(net_extra_m))
    assert "layer 2: 4 times; layer 1: 16 times too small" in text
    text = str(lab.check_backward_sweep(sweep_overwrites))
    assert "x receives 3 shares, 3, 3 and -1; the right x.grad is their sum, 5." in text
    text = str(lab.check_sigmoid_prime(sp_a_on_z))
    assert "At z = 2 your function gives -2" in text
    text = str(lab.check_dense_backward(dense_order))
    assert "That is the shape of dW" in text


def test_starter_feedback():
    def dense_backward(dA, Z, A_prev, W):
        raise NotImplementedError
    fb = lab.check_dense_backward(dense_backward)
    assert str(fb) == ("○ dense_backward: not implemented yet: write the body of dense_backward (in place of "
                       "raise NotImplementedError), then run this check again. [not_implemented]")
    assert "dense_backward 的函数体" in str(lab.check_dense_backward(dense_backward, lang="zh"))


def test_the_error_names_the_readers_line():
    text = str(lab.check_neuron(loops_forever_never))
    assert "AttributeError" in text and "return x.no_such_attribute" in text


def test_the_grader_never_raises():
    def weird(*args):
        return [object(), {}, "x"]

    def raises_zero_division(*args):
        raise ZeroDivisionError

    def returns_generator(*args):
        return (x for x in range(3))

    def recurses(*args):
        return recurses(*args)

    for check in CHECKERS:
        for fn in (weird, raises_zero_division, returns_generator, None, 42, returns_nan):
            fb = check(fn)
            assert not fb.ok and fb.mistake in lab.MISTAKES
        fb = check(recurses, lang="zh")
        assert fb.mistake == "error" and "RecursionError" in str(fb)


def test_bad_lang():
    with pytest.raises(ValueError, match="lang"):
        lab.check_neuron(neuron_right, lang="fr")


def test_graph_exposes_parents_and_local():
    x = Value(2.0)
    y = x * x + 3
    assert y.parents[0].parents == (x, x) and y.parents[0].local == (2.0, 2.0)


def test_sections_name_real_headings():
    import json
    from pathlib import Path
    root = Path(__file__).resolve().parents[2]
    for n, nb, en, zh in lab.SECTIONS.values():
        cells = json.loads((root / "chapters" / f"{nb}.ipynb").read_text())["cells"]
        headings = [line[3:] for c in cells if c["cell_type"] == "markdown"
                    for line in "".join(c["source"]).splitlines() if line.startswith("## ")]
        plain = [re.sub(r"[$`{}\\]|\\top|\^|\\ast|\\,|_\{\\text\{(\w+)\}\}", "", h) for h in headings]
        assert nb.startswith(f"0{n}_")
        assert any(_loose(en) == _loose(h) for h in headings + plain), (en, headings)


def _loose(title):
    """A heading with its maths reduced to letters: 'Recognising $W^\\top dz$' ~ 'Recognising Wᵀdz'."""
    t = title.replace("\\top", "ᵀ").replace("\\ast", "∗").replace("\\text", "").replace("\\,", "")
    t = t.replace("l-1", "l−1").replace("^", "")
    return re.sub(r"[\s$`{}\\\[\]]", "", t)


# -- hypothesis: right answers pass on any shapes, wrong ones never do ----------------------------

@settings(max_examples=40)      # each example grades nine functions: the package tests stay fast
@given(n=st.integers(1, 4), n_prev=st.integers(1, 4), m=st.integers(1, 5), seed=st.integers(0, 10**6))
def test_dense_grader_on_any_shapes(n, n_prev, m, seed):
    """The grader's machinery on a random layer (its own cases are fixed; these say they are not
    special): right implementations pass, wrong ones never do, on any shapes, m = 1 and n = 1 included."""
    rng = np.random.default_rng(seed)
    case = _dense_case(rng.normal(size=(n, m)), rng.normal(size=(n, m)), rng.random((n_prev, m)),
                           rng.normal(size=(n, n_prev)))
    for fn in (dense_right, dense_loops, dense_einsum, dense_in_place_copies):
        assert _grade_dense(fn, "en", [case]).ok, (fn.__name__, str(_grade_dense(fn, "en", [case])))
    for fn in (dense_no_m, dense_sign, dense_no_g, dense_dW_T, dense_g_on_Z):
        fb = _grade_dense(fn, "en", [case])
        wrong = not all(_close(np.asarray(x), r) for x, r in zip(fn(*case.args), case.right))
        assert fb.ok != wrong, (fn.__name__, str(fb))


@settings(max_examples=40)
@given(sizes=st.lists(st.integers(1, 4), min_size=2, max_size=4), m=st.integers(1, 4),
       seed=st.integers(0, 10**6))
def test_network_grader_on_any_shapes(sizes, m, seed):
    rng = np.random.default_rng(seed)
    case = _network_case(MLP(sizes, seed=seed), rng.normal(size=(sizes[0], m)), rng.random((sizes[-1], m)))
    for fn in (net_right, net_package, net_layer_by_layer):
        assert _grade_network(fn, "en", [case]).ok
    assert not _grade_network(net_sign, "en", [case]).ok
