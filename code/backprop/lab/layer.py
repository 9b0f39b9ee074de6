"""Lab of chapter 5: one sigmoid layer's backward step, (dA_prev, dW, db)."""
import numpy as np

from .. import activations, layers
from ..gradcheck import gradcheck
from ._grader import _and, _at, _Case, _check_lang, _diagnose, _t, _tuple_of, _unchanged


# -- one dense sigmoid layer ----------------------------------------------------------

_DENSE_NAMES = ["dA_prev", "dW", "db"]
_DENSE_INPUTS = ["dA", "Z", "A_prev", "W"]


def _try(f):
    """f(), or None where numpy refuses the shapes (a mistake that raises on this case)."""
    try:
        with np.errstate(all="ignore"):
            return f()
    except ValueError:
        return None


def _dense_variants(dA, Z, A_prev, W):
    """The right (dA_prev, dW, db) and each mistake's, for a sigmoid layer."""
    m, n = Z.shape[1], Z.shape[0]
    right = list(layers.dense_backward(dA, Z, A_prev, W))
    dA_prev, dW, db = right
    dZ = dA * activations.sigmoid_prime(Z)
    s = activations.sigmoid(Z)
    wrong_g = [("Z(1 − Z)", Z * (1 - Z)), ("σ(Z)", s), ("σ'(σ(Z))", activations.sigmoid_prime(s)),
               ("A_prev(1 − A_prev)", A_prev * (1 - A_prev) if A_prev.shape == Z.shape else None)]
    slips = [("dZ ∗ dW", lambda: dZ * dW), ("dWᵀ dZ", lambda: dW.T @ dZ), ("dW dZ", lambda: dW @ dZ),
             ("dZ dW", lambda: dZ @ dW), ("dZ ∗ dWᵀ", lambda: dZ * dW.T)]
    db_wrong = [("summed over the neurons, shape (1, m)", dZ.sum(axis=0, keepdims=True) / m),
                ("summed over the neurons, shape (m,)", dZ.sum(axis=0) / m),
                ("averaged over the neurons, shape (1, m)", dZ.mean(axis=0, keepdims=True)),
                ("averaged over the neurons, shape (m,)", dZ.mean(axis=0)),
                ("summed over the neurons and reshaped to a column", (dZ.sum(axis=0) / m).reshape(-1, 1)),
                ("averaged over the neurons and reshaped to a column", dZ.mean(axis=0).reshape(-1, 1)),
                ("summed over every entry", np.asarray(dZ.sum() / m))]
    variants = {
        "no_transpose": [_try(lambda: [W @ dZ, dW, db])],
        "notes_slip": [_try(lambda f=f: [f(), dW, db]) for _, f in slips],
        "missing_1_over_m": [[dA_prev, dW * m, db * m]],
        "extra_1_over_m": [[dA_prev / m, dW, db]],
        "db_axis": [[dA_prev, dW, v] for _, v in db_wrong],
        "missing_g_prime": [list(layers.linear_backward(dA, A_prev, W))],
        "g_prime_wrong": [None if g is None else list(layers.linear_backward(dA * g, A_prev, W))
                          for _, g in wrong_g],
        "dW_transposed": [[dA_prev, dW.T, db]],
        "sign": [[-r for r in right]],
    }
    info = {"m": m, "n": n, "n_prev": A_prev.shape[0], "slips": [name for name, _ in slips],
            "wrong_g": [name for name, _ in wrong_g], "db_wrong": [name for name, _ in db_wrong]}
    return right, variants, info


def _dense_case(dA, Z, A_prev, W):
    right, variants, info = _dense_variants(dA, Z, A_prev, W)
    n, m, n_prev = info["n"], info["m"], info["n_prev"]
    label = f"the layer with n_l = {n}, n_(l−1) = {n_prev} and m = {m} examples"
    label_zh = f"n_l = {n}、n_(l−1) = {n_prev}、m = {m} 个样本的层"
    return _Case((dA, Z, A_prev, W), label, label_zh, right, variants, info)


def _dense_cases():
    """A square layer (where W dZ and dZ ∗ dW run), a non-square one, and one neuron."""
    cases = []
    rng = np.random.default_rng(19)
    for n, n_prev, m in [(3, 3, 3), (2, 3, 4), (1, 4, 2)]:
        W = rng.normal(size=(n, n_prev))
        A_prev = activations.sigmoid(rng.normal(size=(n_prev, m)))
        Z = 1.5 * rng.normal(size=(n, m))
        cases.append(_dense_case(rng.normal(size=(n, m)), Z, A_prev, W))
    for case, rank in zip(cases, (2, 0, 1)):   # evidence from the layer whose n_l, n_(l−1), m all differ
        case.info["rank"] = rank
    return cases


def check_dense_backward(fn, lang="en"):
    """Grade ``fn(dA, Z, A_prev, W)`` → ``(dA_prev, dW, db)`` for one sigmoid layer (chapter 5).

    dA, Z: (n_l, m); A_prev: (n_{l−1}, m); W: (n_l, n_{l−1}); dW and db averaged over the m
    columns, dA_prev per example.
    """
    _check_lang(lang)
    return _grade_dense(fn, lang, _dense_cases())


def _grade_dense(fn, lang, cases):

    def on(case, lang):
        return _t(lang, f"On {case.label_en}", f"{_at(case.label_zh)}")

    def ev_no_transpose(case, k, shown, lang):
        i = case.info
        return _t(lang, f"{on(case, lang)}, your dA_prev equals W dZ. The gradient for input k adds up column k of "
                  f"W (the weights of the neurons that use that input): that is Wᵀ dZ, of shape (n_(l−1), m) "
                  f"= ({i['n_prev']}, {i['m']}), like A_prev.",
                  f"{on(case, lang)}，你的 dA_prev 等于 W dZ。对输入 k 的梯度要把 W 的第 k 列（使用这个输入的"
                  f"各个神经元的权重）加起来：那是 Wᵀ dZ，形状为 (n_(l−1), m) = ({i['n_prev']}, {i['m']})，"
                  "和 A_prev 一样。")

    def ev_slip(case, k, shown, lang):
        what = case.info["slips"][k]
        return _t(lang, f"{on(case, lang)}, your dA_prev equals {what}: it is built from dW, as the notes "
                  "write it. dW answers a question about the weights (it holds A_prev and the 1/m); the gradient "
                  "for the inputs goes back through the weights W themselves.",
                  f"{on(case, lang)}，你的 dA_prev 等于 {what}：它是用 dW 构造的，和笔记的写法一样。dW 回答的"
                  "是关于权重的问题（其中含有 A_prev 和 1/m）；对输入的梯度要经由权重 W 本身传回去。")

    def ev_missing_m(case, k, shown, lang):
        m = case.info["m"]
        verb = _t(lang, "is" if len(shown) == 1 else "are", "")
        return _t(lang, f"{on(case, lang)}, your {_and(shown, lang)} {verb} exactly {m} times the right "
                  f"{'one' if len(shown) == 1 else 'ones'}, and m = {m} here: dW and db are gradients of the "
                  "average J = (1/m) Σ C_k, so they need the 1/m.",
                  f"{on(case, lang)}，你的 {_and(shown, lang)} 恰好是正确值的 {m} 倍，而这里 m = {m}："
                  "dW 和 db 是平均代价 J = (1/m) Σ C_k 的梯度，所以需要 1/m。")

    def ev_extra_m(case, k, shown, lang):
        m = case.info["m"]
        return _t(lang, f"{on(case, lang)}, your dA_prev is exactly {m} times smaller than the right one, and "
                  f"m = {m} here. dA_prev stays a per-example gradient: column k belongs to example k alone. "
                  "Divided by m, the layer below averages a gradient that is already averaged.",
                  f"{on(case, lang)}，你的 dA_prev 恰好是正确值的 1/{m}，而这里 m = {m}。dA_prev 仍是逐样本"
                  "的梯度：第 k 列只属于第 k 个样本。除以 m 之后，下一层会把已经平均过的梯度再平均一次。")

    def ev_db_axis(case, k, shown, lang):
        i = case.info
        what = i["db_wrong"][k]
        what_zh = {"summed over the neurons, shape (1, m)": "对神经元求和，形状为 (1, m)",
                   "summed over the neurons, shape (m,)": "对神经元求和，形状为 (m,)",
                   "averaged over the neurons, shape (1, m)": "对神经元求平均，形状为 (1, m)",
                   "averaged over the neurons, shape (m,)": "对神经元求平均，形状为 (m,)",
                   "summed over the neurons and reshaped to a column": "对神经元求和后改成一列",
                   "averaged over the neurons and reshaped to a column": "对神经元求平均后改成一列",
                   "summed over every entry": "对所有元素求和"}[what]
        return _t(lang, f"{on(case, lang)}, your db is dZ {what}. db has one entry per neuron, averaged over "
                  f"the examples (the columns): shape (n_l, 1) = ({i['n']}, 1).",
                  f"{on(case, lang)}，你的 db 是 dZ {what_zh}。db 每个神经元一个元素，对样本（各列）求平均："
                  f"形状为 (n_l, 1) = ({i['n']}, 1)。")

    def ev_no_g(case, k, shown, lang):
        return _t(lang, f"{on(case, lang)}, your dA_prev, dW and db are what the recipe gives with dZ = dA: the "
                  "factor g'(Z) is missing. Between A and Z lies the sigmoid: dZ = dA ∗ σ'(Z).",
                  f"{on(case, lang)}，你的 dA_prev、dW 和 db 正是令 dZ = dA 时逐层公式给出的结果：漏掉了因子 "
                  "g'(Z)。A 和 Z 之间隔着 S 型函数：dZ = dA ∗ σ'(Z)。")

    def ev_g_wrong(case, k, shown, lang):
        what = case.info["wrong_g"][k]
        return _t(lang, f"{on(case, lang)}, your results are the recipe's with g'(Z) replaced by {what}. "
                  "σ'(Z) = σ(Z)(1 − σ(Z)): the form a(1 − a) needs the layer's output A = σ(Z), not Z.",
                  f"{on(case, lang)}，你的结果等于把逐层公式中的 g'(Z) 换成 {what} 之后的结果。"
                  "σ'(Z) = σ(Z)(1 − σ(Z))：a(1 − a) 这个形式需要的是这一层的输出 A = σ(Z)，而不是 Z。")

    def ev_dW_T(case, k, shown, lang):
        i = case.info
        return _t(lang, f"{on(case, lang)}, your dW is the transpose of the right one, shape ({i['n_prev']}, "
                  f"{i['n']}). dW has W's shape (n_l, n_(l−1)) = ({i['n']}, {i['n_prev']}): one entry per weight, "
                  "entry (j, k) = dz_j times a_k.",
                  f"{on(case, lang)}，你的 dW 是正确结果的转置，形状为 ({i['n_prev']}, {i['n']})。dW 与 W 同形："
                  f"(n_l, n_(l−1)) = ({i['n']}, {i['n_prev']})，每个权重一个元素，第 (j, k) 个元素是 dz_j 乘以 a_k。")

    def ev_sign(case, k, shown, lang):
        return _t(lang, f"{on(case, lang)}, your {_and(shown, lang)} "
                  f"{'is' if len(shown) == 1 else 'are'} the right result with the opposite sign.",
                  f"{on(case, lang)}，你的 {_and(shown, lang)} 与正确结果大小相同、符号相反。")

    evidence = {"no_transpose": ev_no_transpose, "notes_slip": ev_slip, "missing_1_over_m": ev_missing_m,
                "extra_1_over_m": ev_extra_m, "db_axis": ev_db_axis, "missing_g_prime": ev_no_g,
                "g_prime_wrong": ev_g_wrong, "dW_transposed": ev_dW_T, "sign": ev_sign}
    sections = {"no_transpose": "transpose", "notes_slip": "slip", "missing_1_over_m": "one_over_m",
                "extra_1_over_m": "one_over_m", "db_axis": "recipe", "missing_g_prime": "recipe",
                "g_prime_wrong": "whole", "dW_transposed": "dW", "sign": "recipe", "mutates_input": "recipe",
                "shape": "recipe", "other": "one_over_m", "error": "recipe", "bad_return": "recipe"}
    return _diagnose("dense_backward", fn, cases, _DENSE_NAMES, _tuple_of(3, _DENSE_NAMES, lang),
                     _unchanged(_DENSE_INPUTS), list(evidence), evidence, sections, lang)


# -- one layer of any activation, output by output against finite differences -------------------

def gradcheck_layer(backward, activation="sigmoid"):
    """Print, for each output of ``backward(dA, Z, A_prev, W)`` → ``(dA_prev, dW, db)``, whether it agrees
    with finite differences (``backprop.gradcheck``), on a layer with n_l = 3, n_(l−1) = 4, m = 5.

    The cost is C = Σ G ∗ A for a fixed random G, so that the per-example dA is exactly G; dA_prev is
    checked against C (per example), dW and db against J = C/m (averaged). A right output also says
    whether it equals ``layers.dense_backward``. Returns None: it prints, a line per output.
    """
    activations.get(activation)                      # ValueError for an unknown name
    rng = np.random.default_rng(8)
    A_prev, W, b = (rng.normal(size=s) for s in [(4, 5), (3, 4), (3, 1)])
    G = rng.normal(size=(3, 5))
    m = G.shape[1]

    def C():
        return float(np.sum(G * layers.dense_forward(A_prev, W, b, activation)[0]))

    def J():
        return C() / m

    _, Z = layers.dense_forward(A_prev, W, b, activation)
    name = getattr(backward, "__name__", "backward")
    try:
        with np.errstate(all="ignore"):
            yours = backward(G.copy(), Z.copy(), A_prev.copy(), W.copy())
    except NotImplementedError:
        print(f"{name}: not written yet (it raises NotImplementedError).")
        print("Write its body, then run this cell again.")
        return
    except Exception as err:                         # the reader's bug is feedback, never our exception
        print(f"{name} raised {type(err).__name__}: {err}")
        return
    if not (isinstance(yours, (tuple, list)) and len(yours) == 3):
        print(f"{name} must return the tuple (dA_prev, dW, db)")
        return
    package = layers.dense_backward(G, Z, A_prev, W, activation)
    for out, f, x, mine, right in zip(_DENSE_NAMES, [C, J, J], [A_prev, W, b], yours, package):
        try:
            with np.errstate(all="ignore"):
                err = gradcheck(f, [x], [mine])
        except (ValueError, TypeError) as exc:      # a wrong shape, None
            print(f"{out:8s} WRONG: {exc}")
            continue
        if err < 1e-7:
            same = np.allclose(np.asarray(mine, dtype=float), right, rtol=1e-10, atol=0)
            print(f"{out:8s} right: relative error below 1e-7" + (", as layers.dense_backward" if same else ""))
        else:
            print(f"{out:8s} WRONG: relative error {err:.2f}")
