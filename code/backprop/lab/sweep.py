"""Lab of chapter 6: the backward sweep over a graph of Values."""
import math

from ..autodiff import Value
from ._grader import MISTAKES, MISTAKES_ZH, RTOL, Feedback, _and, _array, _at, _call, _check_lang, _describe_error, \
    _g, _Raised, _t


# -- the backward sweep on a graph of Values -----------------------------------------------

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
        return Feedback(task, code, head or (MISTAKES_ZH if lang == "zh" else MISTAKES)[code], text,
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
            f"正确值是 {_g(right[k])}）。用有限差分（backprop.gradcheck，或把输入稍稍改变 ±ε）逐个核对梯度，"
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
    return Feedback(task, None, _t(lang, f"Every .grad matches Value.backward() on all {len(runs)} graphs "
                                   f"({'; '.join(g[1] for g in _GRAPHS)}).",
                                   f"在全部 {len(runs)} 个计算图上，每个 .grad 都与 Value.backward() 一致"
                                   f"（{'；'.join(g[2] for g in _GRAPHS)}）。"), lang=lang)
