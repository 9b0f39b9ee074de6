"""Lab of chapter 5: the backward pass of a whole sigmoid network, [(dW1, db1), …]."""
import numpy as np

from .. import layers
from ..mlp import MLP
from ._grader import _and, _array, _at, _Case, _check_lang, _diagnose, _none, _t
from .layer import _try


# -- a whole network ------------------------------------------------------------------

def _network_backward(net, X, Y, back):
    """[(dW1, db1), …] of a sigmoid MLP with squared loss, dA_prev = back(W, dZ): a mistake's pass."""
    A = net.activations(X)
    L = len(net.params)
    dA, grads = 2 * (A[L] - Y), [None] * L
    for l in range(L, 0, -1):
        W = net.params[l - 1][0]
        dZ = dA * A[l] * (1 - A[l])
        _, dW, db = layers.linear_backward(dZ, A[l - 1], W, need_dA_prev=False)
        grads[l - 1] = (dW, db)
        if l > 1:
            dA = back(W, dZ)
    return grads


def _flat(pairs):
    return [np.asarray(x) for pair in pairs for x in pair]


def _network_cases():
    """Square layers all the way (where W dZ runs), and a network with non-square ones."""
    cases = []
    rng = np.random.default_rng(5)
    for sizes, m in [([3, 3, 3, 3], 4), ([4, 3, 2], 5)]:
        net = MLP(sizes, seed=int(rng.integers(100)))
        for layer in net.params:
            layer[1] = 0.5 * rng.normal(size=layer[1].shape)
        cases.append(_network_case(net, rng.normal(size=(sizes[0], m)), rng.random((sizes[-1], m))))
    return cases


def _network_case(net, X, Y):
    sizes, m = net.sizes, X.shape[1]
    right = _flat(net.gradients(X, Y))
    L = len(sizes) - 1
    variants = {
        "layers_reversed": [_flat(reversed(net.gradients(X, Y)))],
        "missing_factor_2": [[r / 2 for r in right]],
        "missing_1_over_m": [[r * m for r in right]],
        "extra_1_over_m": [[r / float(m) ** (L - 1 - i // 2) for i, r in enumerate(right)]],
        "no_transpose": [_try(lambda: _flat(_network_backward(net, X, Y, lambda W, dZ: W @ dZ)))],
        "sign": [[-r for r in right]],
    }
    params = [[W.copy(), b.copy()] for W, b in net.params]
    label = f"the network {sizes} with m = {m} examples"
    label_zh = f"网络 {sizes}（m = {m} 个样本）"
    return _Case((params, X, Y), label, label_zh, right, variants, {"sizes": sizes, "m": m, "L": L})


def check_network_backward(fn, lang="en"):
    """Grade ``fn(params, X, Y)`` → ``[(dW1, db1), …, (dWL, dbL)]`` for an MLP with the sigmoid on every
    layer and J = (1/m) Σ (A[L] − Y)², ``params`` laid out as ``MLP.params``: [[W1, b1], …]."""
    _check_lang(lang)
    return _grade_network(fn, lang, _network_cases())


def _grade_network(fn, lang, cases):
    L_max = max(case.info["L"] for case in cases)
    names = [f"{d}{l}" for l in range(1, L_max + 1) for d in ("dW", "db")]

    def parse(out, case):
        L, sizes = case.info["L"], case.info["sizes"]
        if out is None:
            return _none(lang)
        try:
            pairs = list(out)
        except TypeError:
            pairs = None
        if pairs is None or isinstance(out, (str, bytes, np.ndarray)) or len(pairs) != L or not all(
                isinstance(p, (tuple, list)) and len(p) == 2 for p in pairs):
            n = _t(lang, f"a {type(out).__name__}", f"一个 {type(out).__name__}")
            if pairs is not None and not isinstance(out, (str, bytes)):
                n = _t(lang, f"{len(pairs)} items", f" {len(pairs)} 项")
            return _t(lang, f"your function returned {n}; for {sizes} it must return a list of {L} pairs "
                      f"(dW, db), one per layer.", f"你的函数返回了{n}；对 {sizes} 它应该返回由 {L} 个 (dW, db) "
                      "对组成的列表，每层一对。")
        arrays = []
        for name, x in zip(names, (x for p in pairs for x in p)):
            a = _array(x)
            if a is None:
                return _t(lang, f"your {name} is a {type(x).__name__}, not an array of numbers.",
                          f"你的 {name} 是 {type(x).__name__}，不是由数构成的数组。")
            arrays.append(a)
        return arrays

    def mutated(case, args):
        changed = [f"W{l}" if j == 0 else f"b{l}" for l, (old, new) in enumerate(zip(case.args[0], args[0]), 1)
                   for j in range(2) if not (isinstance(new, (list, tuple)) and len(new) == 2
                                             and isinstance(new[j], np.ndarray) and new[j].shape == old[j].shape
                                             and np.array_equal(new[j], old[j]))]
        return changed + [n for n, a, b in zip("XY", case.args[1:], args[1:]) if not np.array_equal(a, b)]

    def on(case, lang):
        return _t(lang, f"On {case.label_en}", f"{_at(case.label_zh)}")

    def ev_reversed(case, k, shown, lang):
        L = case.info["L"]
        return _t(lang, f"{on(case, lang)}, your first pair is layer {L}'s (dW{L}, db{L}) and your last is "
                  f"layer 1's: the list runs backward, the order in which the backward pass finds them. It must "
                  "run from layer 1 to layer L, like params.",
                  f"{on(case, lang)}，你的第一对是第 {L} 层的 (dW{L}, db{L})，最后一对是第 1 层的：列表是倒着排的，"
                  "也就是反向传播求出它们的顺序。它应该像 params 一样，从第 1 层排到第 L 层。")

    def ev_factor_2(case, k, shown, lang):
        return _t(lang, f"{on(case, lang)}, every gradient you return is exactly half the right one. The "
                  "backward pass starts from dA[L] = 2(A[L] − Y), the derivative of the square.",
                  f"{on(case, lang)}，你返回的每个梯度都恰好是正确值的一半。反向传播从 dA[L] = 2(A[L] − Y) "
                  "开始，这是平方的导数。")

    def ev_missing_m(case, k, shown, lang):
        m = case.info["m"]
        return _t(lang, f"{on(case, lang)}, your {_and(shown, lang)} {'is' if len(shown) == 1 else 'are'} "
                  f"exactly {m} times the right values, and m = {m} here: J averages over the batch, so dW "
                  "and db need the 1/m.",
                  f"{on(case, lang)}，你的 {_and(shown, lang)} 恰好是正确值的 {m} 倍，而这里 m = {m}："
                  "J 对整个批量取平均，所以 dW 和 db 需要 1/m。")

    def ev_extra_m(case, k, shown, lang):
        m, L = case.info["m"], case.info["L"]
        below = [f"layer {L - j}: {m ** j} times" for j in range(1, L)]
        below_zh = [f"第 {L - j} 层小了 {m ** j} 倍" for j in range(1, L)]
        return _t(lang, f"{on(case, lang)}, layer {L}'s gradients are right, and each layer below is m = {m} "
                  f"times further off ({'; '.join(below)} too small): dA was divided by m at every layer. "
                  "dA_prev stays a per-example gradient; only dW and db average.",
                  f"{on(case, lang)}，第 {L} 层的梯度是对的，往下每一层都多差 m = {m} 倍（{'；'.join(below_zh)}）："
                  "每一层都把 dA 除以了 m。dA_prev 仍是逐样本的梯度，只有 dW 和 db 求平均。")

    def ev_no_transpose(case, k, shown, lang):
        return _t(lang, f"{on(case, lang)}, where every layer is square, your gradients are those of a backward "
                  "pass that hands W dZ to the layer below instead of Wᵀ dZ: only the last layer's are right.",
                  f"{on(case, lang)}（每层都是方阵），你的梯度正是把 W dZ 而不是 Wᵀ dZ 传给下一层时得到的："
                  "只有最后一层是对的。")

    def ev_sign(case, k, shown, lang):
        return _t(lang, f"{on(case, lang)}, your {_and(shown, lang)} {'is' if len(shown) == 1 else 'are'} the "
                  "right values with the opposite sign.",
                  f"{on(case, lang)}，你的 {_and(shown, lang)} 与正确值大小相同、符号相反。")

    evidence = {"layers_reversed": ev_reversed, "missing_factor_2": ev_factor_2, "missing_1_over_m": ev_missing_m,
                "extra_1_over_m": ev_extra_m, "no_transpose": ev_no_transpose, "sign": ev_sign}
    sections = {"layers_reversed": "whole", "missing_factor_2": "whole", "missing_1_over_m": "one_over_m",
                "extra_1_over_m": "one_over_m", "no_transpose": "transpose", "sign": "whole",
                "mutates_input": "whole", "shape": "whole", "other": "whole", "error": "whole",
                "bad_return": "whole"}
    return _diagnose("network_backward", fn, cases, names, parse, mutated, list(evidence), evidence, sections,
                     lang, ("All the (dW, db) pairs", "每一对 (dW, db)"))
