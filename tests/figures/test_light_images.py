"""tools/light.py's palette_images: the built book's plots with a 256-colour palette, where that is smaller."""
import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

from light import palette_images  # noqa: E402   (tools/, on the path by tests/conftest.py)


def _plot_png():
    fig, ax = plt.subplots(figsize=(6, 3))
    x = np.linspace(0, 6, 200)
    for k in range(4):
        ax.plot(x, np.sin(x + k), label=f"k = {k}")
    ax.legend()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    plt.close(fig)
    return buf.getvalue()


def test_a_plot_gets_smaller_and_looks_the_same(tmp_path):
    images = tmp_path / "_images"
    images.mkdir()
    original = _plot_png()
    (images / "plot.png").write_bytes(original)
    before, after = palette_images(tmp_path)
    assert before == len(original) and after < before / 2, (before, after)
    old = np.asarray(Image.open(io.BytesIO(original)).convert("RGB"), dtype=float)
    new = np.asarray(Image.open(images / "plot.png").convert("RGB"), dtype=float)
    assert new.shape == old.shape
    assert np.abs(new - old).mean() < 0.5                 # under half a level of 255 on average
    white = (old == 255).all(axis=-1)
    assert white.any() and (new[white] == 255).all()       # the background stays white


def test_an_image_with_transparency_is_left_alone(tmp_path):
    images = tmp_path / "zh" / "_images"
    images.mkdir(parents=True)
    rgba = np.zeros((20, 30, 4), dtype=np.uint8)
    rgba[..., 0] = np.arange(30)
    rgba[..., 3] = 128
    buf = io.BytesIO()
    Image.fromarray(rgba).save(buf, "PNG")
    (images / "t.png").write_bytes(buf.getvalue())
    assert palette_images(tmp_path) == (len(buf.getvalue()),) * 2
    assert (images / "t.png").read_bytes() == buf.getvalue()
