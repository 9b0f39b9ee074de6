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

One module per chapter's lab: neuron (σ' and one neuron, chapters 1 and 2), layer and
network (chapter 5), sweep (chapter 6); _grader holds what they share. table (chapter 4's
exercise) checks numbers the reader computed by hand, blank by blank: ``lab.table.check_table``;
``gradcheck_layer`` (chapter 5's exercises) prints which output of a layer's backward step disagrees with
finite differences.
"""
from ._grader import LANGS, MISTAKES, MISTAKES_ZH, RTOL, SECTIONS, Feedback
from .layer import check_dense_backward, gradcheck_layer
from .network import check_network_backward
from .neuron import check_neuron, check_sigmoid_prime
from .sweep import check_backward_sweep
from . import table

__all__ = ["check_sigmoid_prime", "check_neuron", "check_dense_backward", "check_network_backward",
           "check_backward_sweep", "gradcheck_layer", "table", "Feedback", "MISTAKES", "MISTAKES_ZH", "SECTIONS", "LANGS", "RTOL"]
