"""How fast is hand-written backprop? backprop.MLP.gradients against PyTorch and autograd.

    make bench          # installs benchmarks/requirements.txt into .venv, then runs this file
    .venv/bin/python benchmarks/gradients.py [--rounds 21] [--out benchmarks/results]

Every implementation computes the gradient of the same cost, the MLP's default: sigmoid
layers and J = (1/m) Σ (A[L] − Y)², for the same weights and the same batch:

  backprop         backprop.MLP.gradients: the layer recipe of chapter 5, in numpy
  PyTorch nn       torch.nn.Sequential of Linear and Sigmoid, built once; torch.autograd.grad
  PyTorch tensors  the same column-per-example recipe written with torch tensors; torch.autograd.grad
  autograd         the same recipe written with autograd.numpy; autograd.grad
  matmul ceiling   only the matrix products a forward and backward pass needs, in numpy, on
                   arrays of the same shapes (kept until the pass ends, as a network keeps its
                   caches): no implementation on this BLAS can take less

Fairness: one process; one BLAS thread and one torch thread for everyone (threadpoolctl,
torch.set_num_threads(1)); warm-up calls first; then R rounds in which every implementation
runs a block of calls (a block lasts about 20 ms), in an order that rotates from round to
round. A block's mean is one sample; the tables give the median of the R samples.
The largest |difference| between each implementation's gradient and backprop's is reported.

Before all that, backprop_alone.py times backprop on the large net alone, in a fresh process
that never imports PyTorch: a check that sharing the process does not flatter numpy.

Writes gradients.json, gradients.md and gradients.png (drawn by benchmarks/report.py's chart)
into --out. The book's appendix shows gradients.md and gradients.png.
"""
import argparse
import datetime
import platform
import subprocess
import sys
from pathlib import Path

import numpy as np
import threadpoolctl
import torch
import autograd
import autograd.numpy as anp

import backprop
from cases import cases, time_rounds
from report import IMPLEMENTATIONS, write


# -- the implementations: each returns a function of no argument giving [dW1, db1, dW2, …] --------
def with_backprop(net, X, Y):
    def run():
        return [g for pair in net.gradients(X, Y) for g in pair]
    return run


def with_torch_nn(net, X, Y):
    dtype = torch.float64 if net.dtype == np.float64 else torch.float32
    modules = []
    for W, b in net.params:
        linear = torch.nn.Linear(W.shape[1], W.shape[0], dtype=dtype)
        with torch.no_grad():
            linear.weight.copy_(torch.from_numpy(W))
            linear.bias.copy_(torch.from_numpy(b[:, 0]))
        modules += [linear, torch.nn.Sigmoid()]
    model = torch.nn.Sequential(*modules)            # built once; PyTorch's layout: one row per example
    params = list(model.parameters())
    X_rows, Y_rows = torch.from_numpy(np.ascontiguousarray(X.T)), torch.from_numpy(np.ascontiguousarray(Y.T))
    m = X.shape[1]

    def run():
        J = ((model(X_rows) - Y_rows) ** 2).sum() / m
        return torch.autograd.grad(J, params)
    return run


def with_torch_tensors(net, X, Y):
    params = [torch.tensor(p, requires_grad=True) for W, b in net.params for p in (W, b)]
    X_t, Y_t = torch.from_numpy(X), torch.from_numpy(Y)
    m = X.shape[1]

    def run():
        A = X_t
        for W, b in zip(params[::2], params[1::2]):
            A = torch.sigmoid(W @ A + b)
        J = ((A - Y_t) ** 2).sum() / m
        return torch.autograd.grad(J, params)
    return run


def _autograd_cost(params, X, Y):
    A = X
    for W, b in params:
        A = 1.0 / (1.0 + anp.exp(-(anp.dot(W, A) + b)))
    return anp.sum((A - Y) ** 2) / X.shape[1]


_autograd_gradient = autograd.grad(_autograd_cost)


def with_autograd(net, X, Y):
    params = [(W.copy(), b.copy()) for W, b in net.params]

    def run():
        return [g for pair in _autograd_gradient(params, X, Y) for g in pair]
    return run


def with_matmuls_only(net, X, Y):
    """The 3L − 1 products of a pass: W[l] A[l−1], dZ[l] A[l−1]ᵀ, and W[l]ᵀ dZ[l] for l ≥ 2."""
    rng = np.random.default_rng(0)
    m = X.shape[1]
    Ws = [W for W, _ in net.params]
    A = [X] + [rng.random((n, m)).astype(net.dtype) for n in net.sizes[1:-1]]
    dZ = [rng.random((n, m)).astype(net.dtype) for n in net.sizes[1:]]

    def run():
        out = [W @ A_prev for W, A_prev in zip(Ws, A)]
        out += [dZ_l @ A_prev.T for dZ_l, A_prev in zip(dZ, A)]
        out += [W.T @ dZ_l for W, dZ_l in zip(Ws[1:], dZ[1:])]
        return out
    return run


MAKERS = {"backprop": with_backprop, "PyTorch nn": with_torch_nn, "PyTorch tensors": with_torch_tensors,
          "autograd": with_autograd, "matmul ceiling": with_matmuls_only}


# -- measuring ----------------------------------------------------------------------------------
def measure(case, rounds):
    net = backprop.MLP(case["sizes"], seed=0, dtype=case["X"].dtype)
    X, Y = case["X"], case["Y"]
    runs = {name: make(net, X, Y) for name, make in MAKERS.items()}
    reference = [np.asarray(g) for g in runs["backprop"]()]
    scale = max(float(np.abs(g).max()) for g in reference)
    diffs = {}
    for name, run in runs.items():
        if name == "matmul ceiling":
            continue
        got = [np.asarray(g.detach() if isinstance(g, torch.Tensor) else g).reshape(r.shape)
               for g, r in zip(run(), reference)]
        diffs[name] = max(float(np.abs(g.astype(np.float64) - r).max()) for g, r in zip(got, reference))
    sizes, samples = time_rounds(runs, rounds)
    median = {name: float(np.median(s)) for name, s in samples.items()}
    quartiles = {name: [float(q) for q in np.percentile(s, [25, 75])] for name, s in samples.items()}
    return dict(label=case["label"], sizes=case["sizes"], batch=case["batch"], dtype=case["dtype"],
                calls_per_block=sizes, median_s=median, quartiles_s=quartiles,
                largest_gradient=scale, largest_difference=diffs)


def environment():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    blas = [f"{i['internal_api']} {i['version']} ({i.get('architecture', '?')}, {i['num_threads']} thread)"
            for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]
    return dict(date=datetime.date.today().isoformat(), cpu=cpu, python=platform.python_version(),
                numpy=np.__version__, torch=torch.__version__, autograd=_version("autograd"),
                blas="; ".join(blas), torch_threads=torch.get_num_threads())


def _version(name):
    from importlib.metadata import version
    return version(name)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "results"))
    args = parser.parse_args(argv)
    # the large net's backprop alone, in a fresh process that never imports PyTorch
    big = "784-256-256-10, batch 256, float64"
    alone = float(subprocess.run(
        [sys.executable, str(Path(__file__).with_name("backprop_alone.py")), big, "--rounds", str(args.rounds)],
        check=True, capture_output=True, text=True).stdout)
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    with threadpoolctl.threadpool_limits(limits=1):
        results = dict(rounds=args.rounds, implementations=IMPLEMENTATIONS, environment=environment(), cases=[],
                       alone=dict(case=big, median_s=alone))
        for case in cases():
            results["cases"].append(measure(case, args.rounds))
            c = results["cases"][-1]
            print(f"{c['label']:38s} " + "  ".join(f"{n} {1e3 * c['median_s'][n]:8.3f} ms" for n in IMPLEMENTATIONS),
                  file=sys.stderr)
    print(write(results, Path(args.out)))


if __name__ == "__main__":
    main()
