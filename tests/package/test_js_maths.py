"""The explorables' maths in JavaScript (code/backprop/js) run in Node.js against the backprop package, with no
browser: every number each widget shows, over the browser tests' sweeps and more, equals Python's.

Each widget module's pure functions (neuronValues, chainValues, descentBatch + descentStep, wishesValues,
chainGraphValues and chainGraphEdges: its named exports) are imported from code/backprop/js and called exactly as the
widget's render calls them; one Node process (the program on stdin) computes every parameter set of this module. The browser tests then only need to check the wiring and what the page shows.
(Chapter 4's recursion explorable has the same check in test_recursion.py.)

The tolerance: both languages do the same IEEE operations in the same order, so a number can differ only where
exp differs (V8's and the C library's or numpy's exp may round a last bit apart) and through what follows from
it: measured over these sets, at most 4e-15 of the number's size (a few units in the last place), or 1e-16 where
a difference of two nearly equal numbers (out − y at y = out) leaves only rounding. REL and ABS allow about
twenty-five times that, for another machine's exp, and are still ten thousand times tighter than the browser
tests' 1e-9. Descent runs 200 steps, each fed by the last, and numpy sums 8 or more numbers in another order:
up to the rate of 10 its runs agree to 2e-14 (DESCENT_REL allows fifty times that); at the slider's larger
rates descent is chaotic, a last-bit difference grows step by step, and only the first steps are held to it.
"""
import json
import shutil
import subprocess

import numpy as np
import pytest

from backprop import chain
from backprop.activations import sigmoid_prime
from backprop.explorables import _JS, Chain, Descent, ChainGraph, Neuron, Wishes

REL, ABS, DESCENT_REL = 1e-13, 2.5e-15, 1e-12


# ---- the parameter sets ----------------------------------------------------------------------------------------

def _snap(r, x):
    """The value a slider takes for x: its nearest step."""
    return r["min"] + round((x - r["min"]) / r["step"]) * r["step"]


def _sweep(cls, tries=(), n_random=100, seed=0):
    """Parameter sets for a slider widget: the defaults; each slider alone at the browser tests' five values
    (its ends, 37 % and 50 % along, 0.83), as given and as the slider takes them; every slider at its lower
    end, then at its upper end; the settings of its "things to try"; random sets, half of them on the
    sliders' steps (fixed seed)."""
    w0 = cls()
    ranges = dict(w0.ranges)
    default = {k: float(getattr(w0, k)) for k in ranges}
    sets = [default]
    for k, r in ranges.items():
        for x in (r["min"], r["max"], r["min"] + 0.37 * (r["max"] - r["min"]), 0.5 * (r["min"] + r["max"]), 0.83):
            sets += [{**default, k: float(x)}, {**default, k: float(_snap(r, x))}]
    sets += [{k: float(r[end]) for k, r in ranges.items()} for end in ("min", "max")]
    sets += [{**default, **t} for t in tries]
    rng = np.random.default_rng(seed)
    for i in range(n_random):
        p = {k: float(rng.uniform(r["min"], r["max"])) for k, r in ranges.items()}
        sets.append({k: float(_snap(ranges[k], x)) for k, x in p.items()} if i % 2 else p)
    return sets


NEURON = _sweep(Neuron, [{"w": 6.0, "a": 1.0, "b": 14.0}, {"w": -6.0, "a": 1.0, "b": -14.0},   # z = ±20
                         {"w": 6.0, "a": 0.0, "b": 14.0}, {"b": 14.0}, {"a": 0.0}, {"y": 1.0}])
NEURON += [{**NEURON[0], "y": Neuron().values()["a_L"]}]                              # y at the output
CHAIN = _sweep(Chain, [{"w2": 6.0, "b2": -4.6}, {"w1": -3.0, "b3": 2.0, "a0": -2.0}, {"b1": 8.0},
                       {"w2": 0.0}])
CHAIN += [{**CHAIN[0], "y": Chain().values()["a3"]}]
GRAPH = _sweep(ChainGraph, [{"w1": -4.2, "b2": 3.1, "a0": 2.5, "y": 0.1}, {"w3": 5.5, "b1": -7.0, "a0": -3.0},
                       {"a0": 0.0}, {"w2": 0.0}])
WISHES = _sweep(Wishes, [{"w02": 4.0, "w12": -4.0, "b0": -4.0, "b1": 4.0}, {"y1": 1.0}, {"w12": 0.0},
                         {"a0": 0.0}])
WISHES += [{**WISHES[0], f"y{j}": Wishes().values()[f"out{j}"]} for j in (0, 1)]     # "silence neuron j"

# Descent: (shuffle seed, learning rate, batch size), each run for run_steps from the same weights: stable
# rates, then the chaotic ones (see above) with "things to try"'s rate of 50.
STEPS = Descent().run_steps
DESCENT_STABLE = [(1, lr, B) for lr in (0.1, 2.0, 10.0) for B in (1, 4, 7, 16)] + [
    (0, 2.0, 4), (2, 5.0, 2), (12345, 2.0, 3), (2147483646, 1.0, 5)]
DESCENT_CHAOTIC = [(1, lr, B) for lr in (50.0, 100.0) for B in (1, 4, 16)]


# ---- one Node process for all of them -------------------------------------------------------------------------

PROGRAM = """
const descentRun = ([seed, lr, B], data, w0, b0, steps) => {   // what the widget's Step button does, steps times
  const theta = { w: w0.slice(), b: b0.slice() }, m = data.a0.length;
  const J = () => maths.chainGradients(theta.w, theta.b, data.a0, data.y).cost;
  const costs = [J()], batches = [];
  let order = [];
  for (let k = 0; k < steps; k++) {
    let idx;
    ({ idx, order } = descent.descentBatch(m, seed, B, k, order));
    descent.descentStep(theta, data, lr, idx);
    costs.push(J()); batches.push(idx);
  }
  return { costs, batches };
};
const d = SETS.descent;
console.log(JSON.stringify({
  neuron: SETS.neuron.map(neuron.neuronValues),
  chain: SETS.chain.map(chain.chainValues),
  wishes: SETS.wishes.map(wishes.wishesValues),
  graph: SETS.graph.map((p) => { const v = chain_graph.chainGraphValues(p); return { v, edges: chain_graph.chainGraphEdges(v, p) }; }),
  descent: d.runs.map((r) => descentRun(r, d.data, d.w0, d.b0, d.steps)),
}));
"""


def _run_node():
    """Everything the JavaScript computes for this module's parameter sets, from one run of Node."""
    d = Descent()
    sets = {"neuron": NEURON, "chain": CHAIN, "wishes": WISHES, "graph": GRAPH,
            "descent": {"runs": DESCENT_STABLE + DESCENT_CHAOTIC, "data": {"a0": d.a0, "y": d.y},
                        "w0": d.w0, "b0": d.b0, "steps": STEPS}}
    return run_node(f"const SETS = {json.dumps(sets)};\n" + PROGRAM,
                    ("maths", "neuron", "chain", "descent", "wishes", "chain_graph"))


def run_node(program, modules):
    """Run the ES module `program` in Node with `import * as <name>` of each of js/<name>.js for name in modules
    (no page: the maths and the widgets' pure functions need none); returns what it printed, as JSON."""
    node = shutil.which("node")
    assert node, "node (Node.js) is needed: the book's build uses it (npm ci)"
    imports = "".join(f'import * as {name} from "{(_JS / name).with_suffix(".js").as_uri()}";\n' for name in modules)
    run = subprocess.run([node, "--input-type=module", "-"], input=imports + program, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def js():
    return _run_node()


def _same(got, want, where, rel=REL):
    """got (JavaScript, through JSON: NaN and ±inf arrive as None) equals want (Python) to rel, or ABS."""
    assert isinstance(got, float | int) and np.isfinite(want), f"{where}: {got} in JavaScript, {want} in Python"
    assert abs(got - want) <= max(rel * abs(want), ABS), f"{where}: {got!r} in JavaScript, {want!r} in Python"


def _same_values(got, want, where):
    assert set(want) <= set(got), f"{where}: JavaScript lacks {set(want) - set(got)}"
    for k, x in want.items():
        _same(got[k], x, f"{where}, {k}")


# ---- every value each widget shows -----------------------------------------------------------------------------

def test_neuron_readouts_equal_python(js):
    assert len(js["neuron"]) == len(NEURON)
    for p, got in zip(NEURON, js["neuron"], strict=True):
        want = Neuron(**p).values()
        assert set(got) == set(want)
        _same_values(got, want, f"neuron {p}")


def test_chain_readouts_and_product_factors_equal_python(js):
    for p, got in zip(CHAIN, js["chain"], strict=True):
        c = Chain(**p)
        want = c.values()
        assert set(got) == set(want) | {"acts", "sp"}
        _same_values(got, want, f"chain {p}")
        # the factors each ∂C₀/∂w_l is written as: a_{l−1}, σ'(z_l), the factors of the layers crossed, 2(a3 − y)
        a, z = chain.trace([c.w1, c.w2, c.w3], [c.b1, c.b2, c.b3], c.a0)
        for l in range(4):
            _same(got["acts"][l], float(a[l]), f"chain {p}, a{l}")
        for l in range(3):
            _same(got["sp"][l], float(sigmoid_prime(z[l])), f"chain {p}, σ'(z{l + 1})")
        for l in (1, 2, 3):
            prod = got["acts"][l - 1] * got["sp"][l - 1] * 2 * (got["a3"] - p["y"])
            for k in range(l + 1, 4):
                prod *= got[f"factor{k}"]
            _same(prod, want[f"dC_dw{l}"], f"chain {p}, the product for dC_dw{l}")


def test_wishes_readouts_and_arrows_equal_python(js):
    """The readouts; the arrows are their negatives (−v in wishes.js's draw), so they equal Python's wishes."""
    for p, got in zip(WISHES, js["wishes"], strict=True):
        want = Wishes(**p).values()
        assert set(got) == set(want)
        _same_values(got, want, f"wishes {p}")


def _path_derivative(head, tail):
    """∂head/∂tail along the graph's one path from tail to head: the product of the local derivatives of the
    unnamed nodes between (the product w·a below z = w·a + b, the difference a3 − y below C)."""
    if head is tail:
        return 1.0
    found = [(p, d) for p, d in zip(head.parents, head.local) if p is tail or not p.name]
    found = [d * rest for p, d in found if (rest := _path_derivative(p, tail)) is not None]
    return found[0] if len(found) == 1 else None


def test_graph_nodes_and_edges_equal_backprop_graph(js):
    """Every node's value and gradient (the table and the boxes), and every edge's local derivative (its label)
    against the Values of backprop.autodiff that ChainGraph.nodes() builds."""
    for p, got in zip(GRAPH, js["graph"], strict=True):
        g = ChainGraph(**p)
        want = g.values()
        assert set(got["v"]) == set(want)
        _same_values(got["v"], want, f"graph {p}")
        nodes = g.nodes()
        assert len(got["edges"]) == 14
        for tail, head, d in got["edges"]:
            want = _path_derivative(nodes[head], nodes[tail])
            assert want is not None, f"no path {tail} → {head} in backprop.autodiff"
            _same(d, want, f"graph {p}, edge {tail} → {head}")


def test_descent_batches_and_costs_equal_python(js):
    """Step by step: the batch each step takes and J on all examples after it, for shuffle seeds, learning
    rates and batch sizes over the sliders' ranges where descent is stable."""
    d = Descent()
    for (seed, lr, B), got in zip(DESCENT_STABLE, js["descent"][:len(DESCENT_STABLE)], strict=True):
        d.seed = seed
        assert got["batches"] == d.batches(STEPS, batch_size=B), (seed, lr, B)
        for k, (c, want) in enumerate(zip(got["costs"], d.costs(STEPS, lr=lr, batch_size=B), strict=True)):
            _same(c, want, f"descent seed={seed} lr={lr} B={B}, J after {k} steps", DESCENT_REL)


def test_descent_at_large_rates_takes_the_same_batches_and_does_what_the_text_says(js):
    """At the large rates the two runs part after some steps (see the module's note). The batches are the same,
    the first ten steps agree, and with the batch of 4 both runs do what "things to try" says: J jumps above
    twice its start and ends higher."""
    d = Descent()
    for (seed, lr, B), got in zip(DESCENT_CHAOTIC, js["descent"][len(DESCENT_STABLE):], strict=True):
        d.seed = seed
        assert got["batches"] == d.batches(STEPS, batch_size=B), (seed, lr, B)
        want = d.costs(STEPS, lr=lr, batch_size=B)
        for k in range(10):
            _same(got["costs"][k], want[k], f"descent lr={lr} B={B}, J after {k} steps", DESCENT_REL)
        if B == 4:
            for J in (got["costs"], want):
                assert max(J) > 2 * J[0] and J[-1] > J[0], (lr, B)
