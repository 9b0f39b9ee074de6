"""python -m backprop.figures [folder]: redraw every figure of imgs/ (into ``folder``, default imgs)."""
import sys

import matplotlib

matplotlib.use("Agg")

from . import redraw  # noqa: E402

for p in redraw(sys.argv[1] if len(sys.argv) > 1 else "imgs"):
    print("wrote", p)
