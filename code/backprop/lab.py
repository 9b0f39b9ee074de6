"""Labs: the reader writes a backward pass, and the grader names the mistake.

Each ``check_*`` function runs the reader's function on a few small cases chosen to
tell the usual mistakes apart (square and non-square layers, m > 1 examples, a value
used twice in a graph), compares with the package's own answer (``layers.dense_backward``,
``MLP.gradients``, ``Value.backward``) and with each known mistake's answer, and
returns a ``Feedback``:

    fb = lab.check_dense_backward(dense_backward)
    fb.ok        True only if every case matches the right answer (1e-8 relative)
    fb.mistake   None when ok, else a code of MISTAKES
    fb           shown in a notebook: what is wrong, the evidence, where the book explains it

A checker never raises because of the reader's function (an exception, None, a
string or NaN is feedback too), never calls a wrong function correct and never flags
a right one. Its messages print shapes, exact ratios (m, 2, m²) and a few values of
elementwise formulas at 3 significant digits: the same text on every machine.
``lang="zh"`` gives them in Chinese.
"""
import copy
import html
import math
import os
import sysconfig
import traceback
import warnings

import numpy as np

from . import activations, layers
from .graph import Value
from .mlp import MLP

RTOL = 1e-8          # a result matches when ‖yours − expected‖ ≤ RTOL ‖expected‖
LANGS = ("en", "zh")

MISTAKES = {
    # any checker
    "not_implemented": "the function still raises NotImplementedError: its body is not written yet",
    "error": "the function raised an exception",
    "bad_return": "the function returned None, something that is not numbers, or the wrong number of values",
    "shape": "a result has the wrong shape",
    "other": "a result is wrong, in none of the ways the grader knows",
    "mutates_input": "the numbers are right, but an input was changed in place",
    "sign": "the right size with the wrong sign",
    # check_sigmoid_prime
    "sigmoid_not_derivative": "σ(z) itself instead of its derivative σ'(z)",
    "a_formula_on_z": "z(1 − z): the form a(1 − a) fed z instead of a = σ(z)",
    # check_neuron (and the network's missing 2)
    "missing_factor_2": "the 2 of ∂(a − y)²/∂a = 2(a − y) is missing",
    "missing_sigma_prime": "the factor σ'(z) of the chain rule is missing",
    "w_and_a_swapped": "∂C/∂w uses w and ∂C/∂a_prev uses a_prev: the two are swapped",
    # check_dense_backward (and the network)
    "no_transpose": "dA_prev computed as W dZ instead of Wᵀ dZ",
    "notes_slip": "dA_prev computed from dW instead of W, as the notes write it",
    "missing_1_over_m": "dW and db added up over the batch, not averaged: the 1/m is missing",
    "extra_1_over_m": "dA_prev divided by m: the per-example wish averaged",
    "db_axis": "db summed over the wrong axis (over the neurons, not the examples)",
    "missing_g_prime": "dZ = dA: the factor g'(Z) is missing",
    "g_prime_wrong": "g' of the wrong thing, e.g. Z(1 − Z) instead of σ(Z)(1 − σ(Z))",
    "dW_transposed": "dW computed as A_prev dZᵀ, the transpose of the right one",
    # check_network_backward
    "layers_reversed": "the list of (dW, db) runs from the last layer to the first",
    # check_backward_sweep
    "not_seeded": "out.grad never set to 1, so the sweep starts from 0",
    "overwrites": "grad = instead of += where a value is used twice",
    "no_topological_order": "a node passes its gradient on before all of its users have added their shares",
    "local_derivative_ignored": "gradients passed on without multiplying by the local derivatives",
}

_MISTAKES_ZH = {
    "not_implemented": "函数仍然抛出 NotImplementedError：函数体还没有写",
    "error": "函数抛出了异常",
    "bad_return": "函数返回了 None、不是数的东西，或者返回值的个数不对",
    "shape": "有一个结果的形状不对",
    "other": "结果不对，而且不属于评分器认识的任何一种错误",
    "mutates_input": "数值是对的，但函数原地修改了某个输入",
    "sign": "大小对，符号反了",
    "sigmoid_not_derivative": "返回的是 σ(z) 本身，而不是它的导数 σ'(z)",
    "a_formula_on_z": "z(1 − z)：把 z 代进了 a(1 − a)，而 a 应该是 σ(z)",
    "missing_factor_2": "漏掉了 ∂(a − y)²/∂a = 2(a − y) 中的 2",
    "missing_sigma_prime": "漏掉了链式法则中的因子 σ'(z)",
    "w_and_a_swapped": "∂C/∂w 用了 w，∂C/∂a_prev 用了 a_prev：两者弄反了",
    "no_transpose": "dA_prev 算成了 W dZ，应该是 Wᵀ dZ",
    "notes_slip": "dA_prev 是用 dW 而不是 W 算的，和笔记的写法一样",
    "missing_1_over_m": "dW 和 db 是对整个批量求和而不是求平均：漏掉了 1/m",
    "extra_1_over_m": "dA_prev 除以了 m：把逐样本的意愿也平均了",
    "db_axis": "db 沿错误的轴求和（对神经元求和，而不是对样本求和）",
    "missing_g_prime": "dZ = dA：漏掉了因子 g'(Z)",
    "g_prime_wrong": "g' 的自变量不对，例如用 Z(1 − Z) 代替 σ(Z)(1 − σ(Z))",
    "dW_transposed": "dW 算成了 A_prev dZᵀ，是正确结果的转置",
    "layers_reversed": "(dW, db) 列表的顺序是从最后一层到第一层",
    "not_seeded": "从未把 out.grad 设为 1，反向计算从 0 开始",
    "overwrites": "一个值被使用两次时，用了 grad = 而不是 +=",
    "no_topological_order": "某个节点在它的所有使用者都把各自的份额加上之前，就把梯度传了下去",
    "local_derivative_ignored": "传递梯度时没有乘以局部导数",
}

# Where the book explains each idea: (chapter number, notebook, title in English, title in Chinese).
SECTIONS = {
    "neuron": (1, "01_intuition", "One neuron, one example", "一个神经元，一个样本"),
    "last_layer": (2, "02_notation", "The last layer: three factors", "最后一层：三个因子"),
    "transpose": (4, "04_many_neurons", "Recognising Wᵀdz", "认出 Wᵀdz"),
    "dW": (4, "04_many_neurons", "The weights: dW = dz a_prevᵀ", "权重：dW = dz a_prevᵀ"),
    "recipe": (5, "05_layer_recipe", "One layer, one batch", "一层，一个批量"),
    "one_over_m": (5, "05_layer_recipe", "Where the 1/m goes", "1/m 该放在哪里"),
    "slip": (5, "05_layer_recipe", "The notes' slip: dz[l] ∗ dW[l] is not da[l−1]",
             "笔记里的笔误：dz[l] ∗ dW[l] 不是 da[l−1]"),
    "whole": (5, "05_layer_recipe", "The whole backward pass", "完整的反向传播"),
    "graphs": (6, "06_graphs", "Computational graphs", "计算图"),
    "value": (6, "06_graphs", "backprop.graph: reverse-mode differentiation of any calculation",
              "backprop.graph：任意计算的反向模式自动微分"),
}


def _t(lang, en, zh):
    return zh if lang == "zh" else en


def _at(label):
    """在 <label> 上, with a space where Chinese meets a Latin letter or digit."""
    return "在" + (" " if label[:1].isascii() else "") + label + (" " if label[-1:].isascii() else "") + "上"


def _g(x):
    """A value at 3 significant digits, −0 printed as 0."""
    s = f"{x:.3g}"
    return "0" if s == "-0" else s


def _shape(s):
    return "()" if s == () else "(" + ", ".join(str(n) for n in s) + ("," if len(s) == 1 else "") + ")"


class Feedback:
    """The verdict of a checker: ``ok``, ``mistake`` (a code of MISTAKES or None), and the message.

    ``str(fb)`` is the message as text; in a notebook ``fb`` shows it as HTML.
    ``bool(fb)`` is ``fb.ok``.
    """

    def __init__(self, task, mistake, summary, evidence="", section=None, lang="en"):
        self.task, self.mistake, self.lang = task, mistake, lang
        self.ok = mistake is None
        self.summary, self.evidence, self.section = summary, evidence, section

    @property
    def explanation(self):
        """One line: what the mistake is (empty when ok)."""
        if self.ok:
            return ""
        return (_MISTAKES_ZH if self.lang == "zh" else MISTAKES)[self.mistake]

    def _where(self):
        if self.section is None:
            return ""
        n, nb, en, zh = SECTIONS[self.section]
        return _t(self.lang, f'Where the book explains it: chapter {n}, "{en}" (chapters/{nb}.ipynb).',
                  f"书中的讲解：第 {n} 章“{zh}”（chapters/{nb}.ipynb）。")

    def _head(self):
        if self.ok:
            return f"✓ {self.task}: " + _t(self.lang, "correct. ", "正确。") + self.summary
        mark = "○" if self.mistake == "not_implemented" else "✗"      # nothing written yet is no mistake
        return f"{mark} {self.task}: {self.summary} [{self.mistake}]"

    def __str__(self):
        return "\n".join(part for part in (self._head(), self.evidence, self._where()) if part)

    __repr__ = __str__

    def __bool__(self):
        return self.ok

    def _repr_html_(self):
        color = "#2e7d32" if self.ok else "#9e9e9e" if self.mistake == "not_implemented" else "#c62828"
        parts = [f"<p style='margin:0'><strong>{html.escape(self._head())}</strong></p>"]
        for text in (self.evidence, self._where()):
            if text:
                parts.append(f"<p style='margin:.3em 0 0 0'>{html.escape(text)}</p>".replace("\n", "<br>"))
        return (f"<div class='backprop-lab-feedback' style='border-left:4px solid {color};"
                f"padding:.3em .8em'>{''.join(parts)}</div>")


# -- running the reader's function -----------------------------------------------------------

_LIBRARY_DIRS = tuple({os.path.realpath(p) for key in ("stdlib", "platstdlib", "purelib", "platlib")
                       if (p := sysconfig.get_paths().get(key))} | {os.path.dirname(os.path.realpath(__file__))})


def _readers_line(err):
    """``line N: <source>`` of the deepest frame of the reader's code in err's traceback, or ''."""
    frames = traceback.extract_tb(err.__traceback__)[1:]     # [0] is the checker's own call
    mine = [f for f in frames if not os.path.realpath(f.filename).startswith(_LIBRARY_DIRS)]
    if not mine:
        return ""
    f = mine[-1]
    return f"line {f.lineno}: {f.line.strip()}" if f.line else f"line {f.lineno}"


def _describe_error(err, lang):
    msg = str(err).strip().splitlines()[0] if str(err).strip() else ""
    if len(msg) > 160:
        msg = msg[:157] + "..."
    text = type(err).__name__ + (f": {msg}" if msg else "")
    line = _readers_line(err)
    if line:
        text += _t(lang, f" (at {line})", f"（出错位置 {line}）")
    return text


class _Raised:
    def __init__(self, err):
        self.err = err


def _call(fn, *args):
    """fn(*args), or a _Raised; numpy's warnings silenced (they would clutter a notebook's output)."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return fn(*args)
    except Exception as err:                      # the reader's bug is feedback, never our exception
        return _Raised(err)


def _array(x):
    """x as a float array, or None if it is not numbers (None, a string, an object)."""
    if x is None or isinstance(x, (str, bytes, dict, set)):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = np.array(x, dtype=float)
    except Exception:
        return None
    return a


def _close(x, y):
    """x matches y: same shape, finite, ‖x − y‖ ≤ RTOL ‖y‖ (plus a hair for y = 0)."""
    if x is None or y is None or x.shape != y.shape or not np.all(np.isfinite(x)):
        return False
    return float(np.linalg.norm(x - y)) <= RTOL * float(np.linalg.norm(y)) + 1e-14


class _Case:
    """One case: the inputs, a description, the right outputs and each mistake's outputs."""

    def __init__(self, args, label_en, label_zh, right, variants, info=None):
        self.args, self.label_en, self.label_zh = args, label_en, label_zh
        self.right, self.variants, self.info = right, variants, info or {}

    def label(self, lang):
        return _t(lang, self.label_en, self.label_zh)


def _explains(got, right, variant):
    """Do the reader's outputs `got` come from this mistake's `variant`?

    Every output is the right one or the variant's, and at least one is the variant's and not
    the right one. Returns the indices of the outputs that show the mistake, or None.
    """
    if variant is None or len(variant) != len(right):
        return None
    shown = []
    for i, (g, r, v) in enumerate(zip(got, right, variant)):
        if _close(g, r):
            continue
        if not _close(g, v):
            return None
        shown.append(i)
    return shown or None


def _diagnose(task, fn, cases, names, parse, mutated, codes, evidence, sections, lang, outputs=None):
    """The common verdict of the array checkers.

    cases: _Case list; names: the outputs' names; parse(returned, case) -> list of arrays
    (or a str: what is wrong with the return); mutated(case, args) -> names of changed inputs;
    codes: the mistakes this checker knows, in order of priority; evidence[code](case, variant
    index, shown outputs, lang) -> text; sections[code] -> a key of SECTIONS; outputs: what
    "correct" says matches, (English, Chinese), by default the names.
    """
    fname = getattr(fn, "__name__", task)
    runs = []
    for case in cases:
        args = copy.deepcopy(case.args)
        out = _call(fn, *args)
        if isinstance(out, _Raised):
            if isinstance(out.err, NotImplementedError):
                return Feedback(task, "not_implemented",
                                _t(lang, f"not implemented yet: write the body of {fname} "
                                   "(in place of raise NotImplementedError), then run this check again.",
                                   f"还没有实现：请写出 {fname} 的函数体（替换 raise NotImplementedError），"
                                   "然后再运行这个检查。"), lang=lang)
            runs.append(("raised", out.err))
            continue
        got = parse(out, case)
        if isinstance(got, str):
            runs.append(("bad", got))
            continue
        runs.append(("values", got, mutated(case, args)))

    valued = [(case, run[1]) for case, run in zip(cases, runs) if run[0] == "values"]
    raised = [(case, run[1]) for case, run in zip(cases, runs) if run[0] == "raised"]
    bad = [(case, run[1]) for case, run in zip(cases, runs) if run[0] == "bad"]

    def also_raised():
        if not raised:
            return ""
        case, err = raised[0]
        return "\n" + _t(lang, f"On {case.label(lang)} your function raised {_describe_error(err, lang)}.",
                         f"{_at(case.label(lang))}，你的函数抛出了 {_describe_error(err, lang)}。")

    # 1. a known mistake that explains every case with values
    if valued:
        for code in codes:
            found = None
            for case, got in valued:
                hits = [(k, _explains(got, case.right, v)) for k, v in enumerate(case.variants.get(code, []))]
                hits = [(k, shown) for k, shown in hits if shown]
                if not hits and all(_close(g, r) for g, r in zip(got, case.right)):
                    continue                      # this case is right: neither for nor against
                if not hits:
                    found = None
                    break
                better = found is None or case.info.get("rank", 0) < found[0].info.get("rank", 0)
                found = (case, hits[0][0], hits[0][1]) if better else found
            else:
                if found:
                    case, k, shown = found
                    text = evidence[code](case, k, [names[i] for i in shown], lang)
                    return Feedback(task, code, (_MISTAKES_ZH if lang == "zh" else MISTAKES)[code],
                                    text + also_raised(), sections.get(code), lang)

    all_right = valued and all(all(_close(g, r) for g, r in zip(got, case.right)) for case, got in valued)
    if all_right and not raised and not bad:
        changed = sorted({n for run in runs for n in run[2]})
        if changed:
            return Feedback(task, "mutates_input", MISTAKES["mutates_input"] if lang == "en"
                            else _MISTAKES_ZH["mutates_input"],
                            _t(lang, f"Your results are right, but after the call {_and(changed, lang)} had "
                               "changed: your function wrote into an input. The caller still needs its "
                               "arrays as they were; compute into new arrays instead.",
                               f"你的结果是对的，但调用之后 {_and(changed, lang)} 变了：你的函数往输入里写了"
                               "东西。调用者之后还要用原来的数组，请把结果算到新的数组里。"),
                            sections.get("mutates_input"), lang)
        en, zh = outputs or (_and(names, "en"), _and(names, "zh"))
        verb = "match" if outputs or len(names) > 1 else "matches"
        return Feedback(task, None, _t(lang, f"{en} {verb} the right answer on all {len(cases)} cases "
                                       f"({'; '.join(c.label_en for c in cases)}).",
                                       f"{zh} 在全部 {len(cases)} 个测试情形上都与正确答案一致"
                                       f"（{'；'.join(c.label_zh for c in cases)}）。"), lang=lang)

    if raised and not all_right or raised and not valued:
        case, err = raised[0]
        return Feedback(task, "error", _t(lang, "your function raised an exception.", "你的函数抛出了异常。"),
                        _t(lang, f"On {case.label(lang)} it raised {_describe_error(err, lang)}.",
                           f"{_at(case.label(lang))}，它抛出了 {_describe_error(err, lang)}。"),
                        sections.get("error"), lang)
    if raised:                                    # right where it ran, raised elsewhere
        case, err = raised[0]
        return Feedback(task, "error", _t(lang, "your function raised an exception.", "你的函数抛出了异常。"),
                        _t(lang, f"On {case.label(lang)} it raised {_describe_error(err, lang)}; "
                           "on the other cases its results are right.",
                           f"{_at(case.label(lang))}，它抛出了 {_describe_error(err, lang)}；"
                           "在其他情形上结果是对的。"), sections.get("error"), lang)
    if bad:
        case, what = bad[0]
        return Feedback(task, "bad_return", _t(lang, "it does not return what the task asks for.",
                                               "返回值不符合题目的要求。"),
                        _t(lang, f"On {case.label(lang)}: {what}", f"{_at(case.label(lang))}：{what}"),
                        sections.get("bad_return"), lang)
    # shapes: the first wrong one, preferring a case whose right shapes all differ (then a shape
    # names the output it belongs to, and a swapped order shows)
    wrong_shapes = [(len({r.shape for r in case.right}) < len(case.right), case, i, g, r)
                    for case, got in valued for i, (g, r) in enumerate(zip(got, case.right)) if g.shape != r.shape]
    if wrong_shapes:
        ambiguous, case, i, g, r = min(wrong_shapes, key=lambda w: w[0])
        hint = ""
        same = [names[j] for j, rr in enumerate(case.right) if j != i and rr.shape == g.shape]
        if same and not ambiguous:
            hint = _t(lang, f" That is the shape of {same[0]}: return {', '.join(names)} in this order.",
                      f"这是 {same[0]} 的形状：请按 {'、'.join(names)} 的顺序返回。")
        return Feedback(task, "shape", _t(lang, f"{names[i]} has the wrong shape.", f"{names[i]} 的形状不对。"),
                        _t(lang, f"On {case.label(lang)} your {names[i]} has shape {_shape(g.shape)}; "
                           f"it must have shape {_shape(r.shape)}.",
                           f"{_at(case.label(lang))}，你的 {names[i]} 的形状是 {_shape(g.shape)}，"
                           f"应该是 {_shape(r.shape)}。") + hint, sections.get("shape"), lang)
    # other
    case, got = min(((c, g) for c, g in valued if not all(_close(x, r) for x, r in zip(g, c.right))),
                    key=lambda cg: cg[0].info.get("rank", 0))
    wrong = [n for n, g, r in zip(names, got, case.right) if not _close(g, r)]
    right = [n for n in names if n not in wrong]
    nan = [n for n, g in zip(names, got) if not np.all(np.isfinite(g))]
    text = _t(lang, f"On {case.label(lang)} your {_and(wrong, lang)} {'is' if len(wrong) == 1 else 'are'} wrong",
              f"{_at(case.label(lang))}，你的 {_and(wrong, lang)} 不对")
    if right:
        text += _t(lang, f" ({_and(right, lang)} {'is' if len(right) == 1 else 'are'} right)",
                   f"（{_and(right, lang)} 是对的）")
    text += _t(lang, ".", "。")
    if nan:
        text += _t(lang, f" Your {_and(nan, lang)} contains NaN or inf.", f"你的 {_and(nan, lang)} 含有 NaN 或 inf。")
    text += _t(lang, " Compare each result with finite differences, backprop.gradcheck, "
               "to find the step that goes wrong.",
               "用有限差分（backprop.gradcheck）逐个核对结果，找出出错的那一步。")
    return Feedback(task, "other", _t(lang, "a result is wrong.", "有结果不对。"), text,
                    sections.get("other"), lang)


def _and(items, lang):
    """'a, b and c' (Chinese: a、b、c)."""
    items = list(items)
    if lang == "zh":
        return "、".join(items)
    return " and ".join(items) if len(items) <= 2 else ", ".join(items[:-1]) + " and " + items[-1]


def _none(lang):
    return _t(lang, "your function returned None (is a return statement missing?).",
              "你的函数返回了 None（是不是少了 return 语句？）。")


def _tuple_of(n, names, lang, scalar=False):
    """A parser for a return value of n arrays named `names`."""
    def parse(out, case):
        if out is None:
            return _none(lang)
        if not isinstance(out, (tuple, list)) or len(out) != n:
            what = f"{len(out)} values" if isinstance(out, (tuple, list)) else f"a {type(out).__name__}"
            what_zh = f" {len(out)} 个值" if isinstance(out, (tuple, list)) else f"一个 {type(out).__name__}"
            return _t(lang, f"your function returned {what}; it must return {n} values, ({', '.join(names)}).",
                      f"你的函数返回了{what_zh}；它应该返回 {n} 个值：({', '.join(names)})。")
        arrays = []
        for name, x in zip(names, out):
            a = _array(x)
            if a is None:
                return _t(lang, f"your {name} is a {type(x).__name__}, not a number or an array of numbers.",
                          f"你的 {name} 是 {type(x).__name__}，不是数，也不是由数构成的数组。")
            if scalar and a.size == 1:
                a = a.reshape(())
            arrays.append(a)
        return arrays
    return parse


def _unchanged(named):
    """mutated(case, args) for cases whose args are arrays named `named`."""
    def mutated(case, args):
        return [n for n, a, b in zip(named, case.args, args)
                if isinstance(a, np.ndarray) and not (isinstance(b, np.ndarray) and b.shape == a.shape
                                                       and np.array_equal(a, b))]
    return mutated


# -- 1. sigmoid_prime ----------------------------------------------------------------------

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


def _check_lang(lang):
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")


# -- 2. one neuron ------------------------------------------------------------------------

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


# -- 3. one dense sigmoid layer ----------------------------------------------------------

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
        return _t(lang, f"{on(case, lang)}, your dA_prev equals W dZ. The wish for input k adds up column k of "
                  f"W (the weights of the neurons that use that input): that is Wᵀ dZ, of shape (n_(l−1), m) "
                  f"= ({i['n_prev']}, {i['m']}), like A_prev.",
                  f"{on(case, lang)}，你的 dA_prev 等于 W dZ。对输入 k 的意愿要把 W 的第 k 列（使用这个输入的"
                  f"各个神经元的权重）加起来：那是 Wᵀ dZ，形状为 (n_(l−1), m) = ({i['n_prev']}, {i['m']})，"
                  "和 A_prev 一样。")

    def ev_slip(case, k, shown, lang):
        what = case.info["slips"][k]
        return _t(lang, f"{on(case, lang)}, your dA_prev equals {what}: it is built from dW, as the notes "
                  "write it. dW answers a question about the weights (it holds A_prev and the 1/m); the wish "
                  "for the inputs goes back through the weights W themselves.",
                  f"{on(case, lang)}，你的 dA_prev 等于 {what}：它是用 dW 构造的，和笔记的写法一样。dW 回答的"
                  "是关于权重的问题（其中含有 A_prev 和 1/m）；对输入的意愿要经由权重 W 本身传回去。")

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
                  f"m = {m} here. dA_prev stays a per-example wish: column k belongs to example k alone. "
                  "Divided by m, the layer below averages a wish that is already averaged.",
                  f"{on(case, lang)}，你的 dA_prev 恰好是正确值的 1/{m}，而这里 m = {m}。dA_prev 仍是逐样本"
                  "的意愿：第 k 列只属于第 k 个样本。除以 m 之后，下一层会把已经平均过的意愿再平均一次。")

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


# -- 4. a whole network ------------------------------------------------------------------

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
                  "dA_prev stays a per-example wish; only dW and db average.",
                  f"{on(case, lang)}，第 {L} 层的梯度是对的，往下每一层都多差 m = {m} 倍（{'；'.join(below_zh)}）："
                  "每一层都把 dA 除以了 m。dA_prev 仍是逐样本的意愿，只有 dW 和 db 求平均。")

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
                     lang, ("all the (dW, db) pairs", "每一对 (dW, db)"))


# -- 5. the backward sweep on a graph of Values -----------------------------------------------

def _chain_graph():
    """Chapter 2's chain from Values: nothing is used twice."""
    act = Value(0.9, name="a0")
    for l, (w, b) in enumerate([(1.2, 0.1), (-0.8, 0.4), (2.0, -0.6)], start=1):
        z = Value(w, name=f"w{l}") * act + Value(b, name=f"b{l}")
        act = z.sigmoid()
        z.name, act.name = f"z{l}", f"a{l}"
    out = (act - Value(1.0, name="y")) ** 2
    out.name = "C"
    return out


def _leaves_graph():
    """out = x·x + x·y: the leaf x is used three times, every other node once."""
    x, y = Value(3.0, name="x"), Value(-1.0, name="y")
    xx, xy = x * x, x * y
    xx.name, xy.name = "x·x", "x·y"
    out = xx + xy
    out.name = "out"
    return out


def _shared_graph():
    """out = h1·tanh(h2) + h2·tanh(h1) with h1 = x·y and h2 = x + y: h1 and h2 are used twice, by
    users at different distances from out, so any order but a topological one hands a partial grad on."""
    x, y = Value(0.5, name="x"), Value(-1.5, name="y")
    h1, h2 = x * y, x + y
    t1, t2 = h1.tanh(), h2.tanh()
    p, q = h1 * t2, h2 * t1
    out = p + q
    for v, n in [(h1, "h1"), (h2, "h2"), (t1, "tanh(h1)"), (t2, "tanh(h2)"), (p, "h1·tanh(h2)"),
                 (q, "h2·tanh(h1)"), (out, "out")]:
        v.name = n
    return out


_GRAPHS = [(_chain_graph, "chapter 2's chain, C = (a3 − y)² (no value used twice)",
            "第 2 章的链 C = (a3 − y)²（没有值被使用两次）"),
           (_leaves_graph, "the graph out = x·x + x·y (x used three times)",
            "计算图 out = x·x + x·y（x 被使用三次）"),
           (_shared_graph, "the graph out = h1·tanh(h2) + h2·tanh(h1), h1 = x·y, h2 = x + y "
            "(h1 and h2 each used twice)",
            "计算图 out = h1·tanh(h2) + h2·tanh(h1)，h1 = x·y，h2 = x + y（h1 和 h2 各被使用两次）")]


def _sweep(out, order="topological", local=True, add=True):
    """A backward sweep, right (the defaults) or with one mistake; returns the grads in graph() order."""
    nodes = out.graph()
    g = {v: 0.0 for v in nodes}
    g[out] = 1.0
    for v in (reversed(nodes) if order == "topological" else nodes):
        for p, dv_dp in zip(v.parents, v.local):
            share = g[v] * (dv_dp if local else 1.0)
            g[p] = g[p] + share if add else share
    return [g[v] for v in nodes]


def check_backward_sweep(fn, lang="en"):
    """Grade ``fn(out)``: it must fill ``.grad`` = ∂out/∂v for every Value v of out's graph, using
    ``v.parents`` and ``v.local`` (every grad, out's included, starts at 0)."""
    _check_lang(lang)
    task = "backward_sweep"
    fname = getattr(fn, "__name__", task)
    sections = {"not_seeded": "graphs", "overwrites": "graphs", "no_topological_order": "value",
                "local_derivative_ignored": "graphs", "other": "value", "error": "value", "bad_return": "value"}
    runs = []
    for build, label_en, label_zh in _GRAPHS:
        ref = build()
        ref.backward()
        nodes = ref.graph()
        right = [v.grad for v in nodes]
        mine = build()
        mine_nodes = mine.graph()                 # before the sweep: whatever it does to the graph
        done = _call(fn, mine)
        label = _t(lang, label_en, label_zh)
        if isinstance(done, _Raised):
            if isinstance(done.err, NotImplementedError):
                return Feedback(task, "not_implemented",
                                _t(lang, f"not implemented yet: write the body of {fname} "
                                   "(in place of raise NotImplementedError), then run this check again.",
                                   f"还没有实现：请写出 {fname} 的函数体（替换 raise NotImplementedError），"
                                   "然后再运行这个检查。"), lang=lang)
            runs.append((label, "raised", done.err, nodes, right))
            continue
        grads, bad = [], None
        for v in mine_nodes:
            a = _array(v.grad)
            if a is None or a.size != 1:
                bad = (v.name or "a node", type(v.grad).__name__)
                break
            grads.append(float(a.reshape(())))
        if bad:
            runs.append((label, "bad", bad, nodes, right))
        else:
            runs.append((label, "values", grads, nodes, right))

    def same(xs, ys):
        return all(math.isfinite(x) and abs(x - y) <= RTOL * abs(y) + 1e-14 for x, y in zip(xs, ys))

    def feedback(code, text, head=None):
        return Feedback(task, code, head or (_MISTAKES_ZH if lang == "zh" else MISTAKES)[code], text,
                        sections.get(code), lang)

    valued = [r for r in runs if r[1] == "values"]
    # not seeded: nothing moved (out.grad at most set to 1 after the sweep)
    if valued and all(all(g == 0 for g, v in zip(r[2], r[3]) if v is not r[3][-1]) and r[2][-1] in (0.0, 1.0)
                      for r in valued):
        r = valued[0]
        return feedback("not_seeded", _t(lang, f"On {r[0]}, every .grad is still 0 after your sweep. The sweep "
                                         "starts from ∂out/∂out = 1: set out.grad to 1 first, or every share "
                                         "you pass on is 0 times something.",
                                         f"{_at(r[0])}，你的反向计算结束后每个 .grad 仍然是 0。反向计算从 "
                                         "∂out/∂out = 1 开始：要先把 out.grad 设为 1，否则传下去的每一份都是 0 乘以某个数。"))
    for i, r in enumerate(runs):
        if r[1] != "values" or same(r[2], r[4]):
            continue
        label, _, grads, nodes, right = r
        out = nodes[-1]
        if same(grads, _sweep(out, local=False)) or same(grads, _sweep(out, order="forward", local=False)):
            return feedback("local_derivative_ignored", _t(
                lang, f"On {label}, your grads are what the sweep gives with every local derivative taken as 1 "
                f"(your {nodes[0].name}.grad is {_g(grads[0])}, the right one {_g(right[0])}). Along a path, "
                "multiply: each share passed to a parent p is v.grad times ∂v/∂p, the matching entry of v.local.",
                f"{_at(label)}，你的梯度正是把每个局部导数都当成 1 时反向计算的结果（你的 {nodes[0].name}.grad 是 "
                f"{_g(grads[0])}，正确值是 {_g(right[0])}）。沿路径相乘：传给父节点 p 的那一份是 v.grad 乘以 "
                "∂v/∂p，也就是 v.local 中对应的那一项。"))
        if same(grads, _sweep(out, order="forward")):
            return feedback("no_topological_order", _t(
                lang, f"On {label}, your sweep visits the nodes from the inputs to out: when a node passes its "
                "gradient on, its users have not added their shares yet, so only out.grad is right. Visit them "
                "in reverse topological order, from out back to the inputs.",
                f"{_at(label)}，你的反向计算是从输入往 out 的方向访问节点的：一个节点往下传梯度时，它的使用者还没有"
                "把各自的份额加进来，所以只有 out.grad 是对的。应按逆拓扑顺序访问：从 out 回到输入。"))
        if i == 1:                          # x·x + x·y: only the leaf x is used more than once
            x = next(v for v in nodes if v.name == "x")
            shares = [right[nodes.index(u)] * d for u in nodes for p, d in zip(u.parents, u.local) if p is x]
            gx = grads[nodes.index(x)]
            if any(abs(gx - s) <= 1e-12 + RTOL * abs(s) for s in shares):
                return feedback("overwrites", _t(
                    lang, f"On {label}, x receives {len(shares)} shares, {_and([_g(s) for s in shares], lang)}; "
                    f"the right x.grad is their sum, {_g(right[nodes.index(x)])}. Yours is {_g(gx)}, one share "
                    "alone: each share replaced the one before. Where a value is used twice, add.",
                    f"{_at(label)}，x 收到 {len(shares)} 份：{_and([_g(s) for s in shares], lang)}；正确的 x.grad "
                    f"是它们的和 {_g(right[nodes.index(x)])}。你的是 {_g(gx)}，只是其中一份：每一份都覆盖了前一份。"
                    "一个值被使用两次时，要相加。"))
        if i == 2 and all(r2[1] == "values" and same(r2[2], r2[4]) for r2 in runs[:2]):
            wrong = [v.name for v, g, gr in zip(nodes, grads, right) if not same([g], [gr])]
            x = nodes.index(next(v for v in nodes if v.name == "x"))
            return feedback("no_topological_order", _t(
                lang, f"Your sweep is right on the chain and where only an input is used twice, but on {label} "
                f"the grads of {_and(wrong, lang)} are wrong (x.grad: yours {_g(grads[x])}, the right one "
                f"{_g(right[x])}). A node used twice may pass its gradient on only once both of its users have "
                "added their shares: visit the nodes in reverse topological order, each once.",
                f"你的反向计算在链上、以及只有输入被使用两次的情形下是对的，但{_at(label)}，{_and(wrong, lang)} "
                f"的梯度不对（x.grad：你的是 {_g(grads[x])}，正确值是 {_g(right[x])}）。被使用两次的节点，"
                "只有在它的两个使用者都加上各自的份额之后，才能把梯度往下传：按逆拓扑顺序访问节点，每个只访问一次。"))
        wrong = [v.name for v, g, gr in zip(nodes, grads, right) if not same([g], [gr])]
        k = next(j for j, (g, gr) in enumerate(zip(grads, right)) if not same([g], [gr]))
        return feedback("other", _t(
            lang, f"On {label}, the grads of {_and(wrong, lang)} are wrong ({nodes[k].name}.grad: yours "
            f"{_g(grads[k])}, the right one {_g(right[k])}). Compare each grad with finite differences "
            "(backprop.gradcheck, or nudge the input by ±ε) to find the step that goes wrong.",
            f"{_at(label)}，{_and(wrong, lang)} 的梯度不对（{nodes[k].name}.grad：你的是 {_g(grads[k])}，"
            f"正确值是 {_g(right[k])}）。用有限差分（backprop.gradcheck，或把输入微调 ±ε）逐个核对梯度，"
            "找出出错的那一步。"), _t(lang, "a result is wrong.", "有结果不对。"))
    for label, kind, what, _, _ in runs:
        if kind == "raised":
            return feedback("error", _t(lang, f"On {label} it raised {_describe_error(what, lang)}.",
                                        f"{_at(label)}，它抛出了 {_describe_error(what, lang)}。"),
                            _t(lang, "your function raised an exception.", "你的函数抛出了异常。"))
        if kind == "bad":
            return feedback("bad_return", _t(lang, f"On {label}, after your sweep {what[0]}.grad is a {what[1]}, "
                                             "not a number.", f"{_at(label)}，你的反向计算结束后 {what[0]}.grad 是 "
                                             f"{what[1]}，不是数。"),
                            _t(lang, "a .grad is not a number.", "有的 .grad 不是数。"))
    return Feedback(task, None, _t(lang, f"every .grad matches Value.backward() on all {len(runs)} graphs "
                                   f"({'; '.join(g[1] for g in _GRAPHS)}).",
                                   f"在全部 {len(runs)} 个计算图上，每个 .grad 都与 Value.backward() 一致"
                                   f"（{'；'.join(g[2] for g in _GRAPHS)}）。"), lang=lang)
