"""What every checker shares: the mistakes, the book's sections, Feedback, and the verdict.

A checker runs the reader's function on its cases, each holding the right outputs (from
the package) and every known mistake's outputs; ``_diagnose`` names the mistake whose
outputs match the reader's, and falls back on error, bad_return, shape and other.
"""
import copy
import html
import os
import sysconfig
import traceback
import warnings

import numpy as np

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
    "extra_1_over_m": "dA_prev divided by m: the per-example gradient averaged",
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

MISTAKES_ZH = {
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
    "extra_1_over_m": "dA_prev 除以了 m：把逐样本的梯度也平均了",
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
    "slip": (5, "05_layer_recipe", "The notes' slip: dz[l] * dW[l] is not da[l−1]",
             "笔记里的笔误：dz[l] * dW[l] 不是 da[l−1]"),
    "whole": (5, "05_layer_recipe", "The whole backward pass", "完整的反向传播"),
    "graphs": (6, "06_graphs", "Computational graphs", "计算图"),
    "value": (6, "06_graphs", "backprop.autodiff: reverse-mode differentiation of any calculation",
              "backprop.autodiff：任意计算的反向模式自动微分"),
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
        return (MISTAKES_ZH if self.lang == "zh" else MISTAKES)[self.mistake]

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
        color = RIGHT if self.ok else NOTHING_YET if self.mistake == "not_implemented" else WRONG
        parts = [f"<p style='margin:0'><strong>{html.escape(self._head())}</strong></p>"]
        for text in (self.evidence, self._where()):
            if text:
                parts.append(f"<p style='margin:.3em 0 0 0'>{html.escape(text)}</p>".replace("\n", "<br>"))
        return feedback_box(color, "".join(parts))


# The box a verdict is shown in, in a notebook or on the page: a bar on the left in the verdict's colour.
RIGHT, NOTHING_YET, WRONG = "#2e7d32", "#9e9e9e", "#c62828"


def feedback_box(color, inner_html):
    return (f"<div class='backprop-lab-feedback' style='border-left:4px solid {color};"
            f"padding:.3em .8em'>{inner_html}</div>")


# -- running the reader's function -----------------------------------------------------------

_LIBRARY_DIRS = tuple({os.path.realpath(p) for key in ("stdlib", "platstdlib", "purelib", "platlib")
                       if (p := sysconfig.get_paths().get(key))} | {os.path.dirname(os.path.dirname(os.path.realpath(__file__)))})


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
                    return Feedback(task, code, (MISTAKES_ZH if lang == "zh" else MISTAKES)[code],
                                    text + also_raised(), sections.get(code), lang)

    all_right = valued and all(all(_close(g, r) for g, r in zip(got, case.right)) for case, got in valued)
    if all_right and not raised and not bad:
        changed = sorted({n for run in runs for n in run[2]})
        if changed:
            return Feedback(task, "mutates_input", MISTAKES["mutates_input"] if lang == "en"
                            else MISTAKES_ZH["mutates_input"],
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


def _check_lang(lang):
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
