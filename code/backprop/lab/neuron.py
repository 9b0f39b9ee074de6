"""Labs of chapters 1 and 2: σ'(z), and the three derivatives of one sigmoid neuron."""
import numpy as np

from .. import activations, layers
from ._grader import MISTAKES, _and, _array, _Case, _check_lang, _diagnose, _g, _none, _t, _tuple_of, _unchanged


# -- sigmoid_prime ----------------------------------------------------------------------

def _sigmoid_cases():
    cases = []
    for z, en, zh in [(np.array([[-3.0, -1.0, 0.0], [0.5, 2.0, 4.0]]), "z of shape (2, 3)", "形状为 (2, 3) 的 z"),
                      (np.array([-2.0, 0.0, 1.5, 3.0]), "z of shape (4,)", "形状为 (4,) 的 z")]:
        right = [np.asarray(activations.sigmoid_prime(z))]
        variants = {"sigmoid_not_derivative": [[activations.sigmoid(z)]],
                    "a_formula_on_z": [[z * (1 - z)]],
                    "sign": [[-right[0]]]}
        cases.append(_Case((z,), en, zh, right, variants))
    return cases


def check_sigmoid_prime(fn, lang="en"):
    """Grade ``fn(z)`` → σ'(z), an array of the shape of the array z."""
    _check_lang(lang)
    sp, s = activations.sigmoid_prime, activations.sigmoid

    def evidence_not_derivative(case, k, shown, lang):
        return _t(lang, f"At z = 0 your function gives {_g(s(0.0))}, which is σ(0); the slope there is "
                  f"σ'(0) = {_g(sp(0.0))}. At z = 2 it gives {_g(s(2.0))} = σ(2) instead of σ'(2) = {_g(sp(2.0))}.",
                  f"在 z = 0 处你的函数给出 {_g(s(0.0))}，这是 σ(0)；那里的斜率是 σ'(0) = {_g(sp(0.0))}。"
                  f"在 z = 2 处它给出 {_g(s(2.0))} = σ(2)，而不是 σ'(2) = {_g(sp(2.0))}。")

    def evidence_a_on_z(case, k, shown, lang):
        return _t(lang, f"At z = 2 your function gives -2 = 2 × (1 − 2), and at z = 0 it gives 0: the form "
                  f"a(1 − a) was fed z. It needs the output a = σ(z): σ'(2) = σ(2)(1 − σ(2)) = {_g(sp(2.0))}.",
                  f"在 z = 2 处你的函数给出 -2 = 2 × (1 − 2)，在 z = 0 处给出 0：a(1 − a) 里代入的是 z。"
                  f"它需要的是输出 a = σ(z)：σ'(2) = σ(2)(1 − σ(2)) = {_g(sp(2.0))}。")

    def evidence_sign(case, k, shown, lang):
        return _t(lang, f"At z = 0 your function gives {_g(-sp(0.0))}; σ'(0) = {_g(sp(0.0))}. σ rises "
                  "everywhere, so its slope σ'(z) is positive for every z.",
                  f"在 z = 0 处你的函数给出 {_g(-sp(0.0))}；σ'(0) = {_g(sp(0.0))}。σ 处处递增，"
                  "所以它的斜率 σ'(z) 对每个 z 都是正的。")

    def parse(out, case):
        if out is None:
            return _none(lang)
        a = _array(out)
        if a is None:
            return _t(lang, f"your function returned a {type(out).__name__}, not an array of numbers.",
                      f"你的函数返回了 {type(out).__name__}，而不是由数构成的数组。")
        return [a]

    return _diagnose("sigmoid_prime", fn, _sigmoid_cases(), ["σ'(z)"], parse, _unchanged(["z"]),
                     ["sigmoid_not_derivative", "a_formula_on_z", "sign"],
                     {"sigmoid_not_derivative": evidence_not_derivative, "a_formula_on_z": evidence_a_on_z,
                      "sign": evidence_sign},
                     {code: "whole" for code in MISTAKES}, lang)


# -- one neuron ------------------------------------------------------------------------

_NEURON_NAMES = ["dC_dw", "dC_db", "dC_da_prev"]


def _neuron_cases():
    cases = []
    for a_prev, w, b, y in [(0.8, -1.5, 0.3, 1.0), (0.3, 2.0, -0.5, 0.0)]:
        A, W = np.array([[a_prev]]), np.array([[w]])
        out, z = layers.dense_forward(A, W, np.array([[b]]))
        da, dw, db = layers.dense_backward(2 * (out - y), z, A, W)
        right = [np.asarray(x.item()) for x in (dw, db, da)]
        delta, sp = db.item(), float(activations.sigmoid_prime(z.item()))
        variants = {"missing_factor_2": [[r / 2 for r in right]],
                    "sign": [[-r for r in right]],
                    "missing_sigma_prime": [[r / sp for r in right]],
                    "w_and_a_swapped": [[np.asarray(delta * w), right[1], np.asarray(delta * a_prev)]]}
        info = {"a_prev": a_prev, "w": w, "b": b, "y": y, "z": z.item(), "a": out.item(), "sp": sp}
        label = f"a_prev = {a_prev:g}, w = {w:g}, b = {b:g}, y = {y:g}"
        cases.append(_Case((a_prev, w, b, y), "the case " + label, "情形 " + label, right, variants, info))
    return cases


def check_neuron(fn, lang="en"):
    """Grade ``fn(a_prev, w, b, y)`` → ``(dC_dw, dC_db, dC_da_prev)``, three floats, for one sigmoid
    neuron with one input: z = w·a_prev + b, a = σ(z), C = (a − y)²."""
    _check_lang(lang)

    def facts(case):
        i = case.info
        return f"z = {_g(i['z'])}, a = σ(z) = {_g(i['a'])}"

    def evidence_factor_2(case, k, shown, lang):
        r = case.right[1]
        return _t(lang, f"For {case.label_en} ({facts(case)}), your {_and(shown, lang)} "
                  f"{'is exactly half the right value' if len(shown) == 1 else 'are exactly half the right values'}: "
                  f"your dC_db is "
                  f"{_g(r / 2)}, the right one {_g(r)}. The derivative of the square (a − y)² is 2(a − y).",
                  f"对{case.label_zh}（{facts(case)}），你的 {_and(shown, lang)} 恰好是正确值的一半："
                  f"你的 dC_db 是 {_g(r / 2)}，正确值是 {_g(r)}。平方 (a − y)² 的导数是 2(a − y)。")

    def evidence_sign(case, k, shown, lang):
        i, r = case.info, case.right[1]
        direction = _t(lang, "below" if i["a"] < i["y"] else "above", "低于" if i["a"] < i["y"] else "高于")
        return _t(lang, f"For {case.label_en} ({facts(case)}), your {_and(shown, lang)} "
                  f"{'has the opposite sign of the right value' if len(shown) == 1 else 'have the opposite signs of the right values'}: your dC_db is "
                  f"{_g(-r)}, the right one {_g(r)}. The output is {direction} the target, so raising b "
                  f"{'lowers' if r < 0 else 'raises'} the cost.",
                  f"对{case.label_zh}（{facts(case)}），你的 {_and(shown, lang)} 与正确值符号相反："
                  f"你的 dC_db 是 {_g(-r)}，正确值是 {_g(r)}。输出{direction}目标，所以增大 b 会"
                  f"{'降低' if r < 0 else '增大'}代价。")

    def evidence_sigma_prime(case, k, shown, lang):
        i = case.info
        return _t(lang, f"For {case.label_en} ({facts(case)}), your {_and(shown, lang)} "
                  f"{'is the right value' if len(shown) == 1 else 'are the right values'} divided by "
                  f"σ'(z) = {_g(i['sp'])}. "
                  "The chain from b, w or a_prev to C passes through a = σ(z): one of its factors is σ'(z).",
                  f"对{case.label_zh}（{facts(case)}），你的 {_and(shown, lang)} 等于正确值除以 "
                  f"σ'(z) = {_g(i['sp'])}。从 b、w 或 a_prev 到 C 的链经过 a = σ(z)，其中一个因子就是 σ'(z)。")

    def evidence_swapped(case, k, shown, lang):
        i = case.info
        return _t(lang, f"For {case.label_en}, your dC_dw is dC_db times w = {i['w']:g}, and your "
                  f"dC_da_prev is dC_db times a_prev = {i['a_prev']:g}. In z = w·a_prev + b, ∂z/∂w = a_prev and "
                  "∂z/∂a_prev = w: a weight's derivative carries its input, an input's derivative its weight.",
                  f"对{case.label_zh}，你的 dC_dw 是 dC_db 乘以 w = {i['w']:g}，你的 dC_da_prev 是 dC_db 乘以 "
                  f"a_prev = {i['a_prev']:g}。在 z = w·a_prev + b 中，∂z/∂w = a_prev，∂z/∂a_prev = w："
                  "权重的导数带着它的输入，输入的导数带着它的权重。")

    return _diagnose("neuron", fn, _neuron_cases(), _NEURON_NAMES, _tuple_of(3, _NEURON_NAMES, lang, scalar=True),
                     lambda case, args: [], ["missing_factor_2", "sign", "missing_sigma_prime", "w_and_a_swapped"],
                     {"missing_factor_2": evidence_factor_2, "sign": evidence_sign,
                      "missing_sigma_prime": evidence_sigma_prime, "w_and_a_swapped": evidence_swapped},
                     {"missing_factor_2": "last_layer", "sign": "neuron", "missing_sigma_prime": "last_layer",
                      "w_and_a_swapped": "neuron", "other": "last_layer", "shape": "last_layer",
                      "bad_return": "last_layer", "error": "last_layer"}, lang)
