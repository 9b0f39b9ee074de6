"""imgs/ is drawn by the package: redrawing gives the committed pictures."""
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.image as mpimg
import numpy as np

from backprop import figures

IMGS = Path(__file__).resolve().parents[2] / "imgs"


def test_every_committed_figure_is_redrawn_identically(tmp_path):
    paths = figures.redraw(tmp_path)
    assert sorted(p.name for p in paths) == sorted(p.name for p in IMGS.glob("*.png"))
    for p in paths:
        new, old = mpimg.imread(p), mpimg.imread(IMGS / p.name)
        assert new.shape == old.shape, p.name
        assert np.mean(np.abs(new - old)) < 1e-3, f"{p.name} differs from a redraw: run `make figures`"
