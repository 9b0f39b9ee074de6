"""The explorables' drawings hold their own text and lines, at 1280 px: the computational graph's boxes contain
their numbers and its edge labels stay between the boxes (chapter 6), the cost chart contains its tangent
(chapter 1), labels stay on one line and sliders are wide enough to drag (every explorable).
Each check is done at every slider's two ends (one browser round trip per slider: conftest.sweep).
"""
import pytest

from conftest import page_of, sweep

from backprop.explorables import EXPLORABLES, ChainGraph, Neuron

# every explorable, by its data-explorable name, and the page that shows it
PAGES = {cls.data_explorable: page_of(cls) for cls in EXPLORABLES}

# The graph: every text of a node inside its box, every edge label inside the picture and clear of every box
# (0.5 user units of slack for the font's rounding). Returns what crosses, as readable strings.
GRAPH_FAULTS = """root => {
  const svg = root.querySelector('svg.bp-graph'), vb = svg.viewBox.baseVal;
  const rects = [...svg.querySelectorAll('rect.bp-graph-node')].map(r => r.getBBox());
  const inside = (b, r, e = 0.5) => b.x >= r.x - e && b.x + b.width <= r.x + r.width + e
                                     && b.y >= r.y - e && b.y + b.height <= r.y + r.height + e;
  const meets = (b, r) => b.x < r.x + r.width && r.x < b.x + b.width && b.y < r.y + r.height && r.y < b.y + b.height;
  const faults = [];
  for (const t of svg.querySelectorAll('text.bp-graph-name, text.bp-graph-val, text.bp-graph-grad')) {
    const b = t.getBBox(), x = Number(t.getAttribute('x')), y = Number(t.getAttribute('y'));
    const box = rects.find(r => x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height);
    if (!box || !inside(b, box)) faults.push(`node text ${t.textContent} crosses its box`);
  }
  for (const t of svg.querySelectorAll('text.bp-graph-local')) {
    const b = t.getBBox();
    if (rects.some(r => meets(b, r))) faults.push(`edge label ${t.textContent} runs into a box`);
    if (!inside(b, {x: vb.x, y: vb.y, width: vb.width, height: vb.height}, 0)) faults.push(`edge label ${t.textContent} leaves the picture`);
  }
  return faults;
}"""

# The cost chart: the tangent's two ends inside the plot area, which the two axes bound (x axis at the
# bottom, y axis at the left; the plot reaches the viewBox's right edge less its margin, the top's likewise)
TANGENT_FAULTS = """root => {
  const svg = root.querySelector('svg.bp-curve'), vb = svg.viewBox.baseVal;
  const [xAxis, yAxis] = svg.querySelectorAll('line.bp-axis');
  const left = Number(yAxis.getAttribute('x1')), bottom = Number(xAxis.getAttribute('y1'));
  const right = Number(xAxis.getAttribute('x2')), top = Number(yAxis.getAttribute('y1'));
  const t = svg.querySelector('line.bp-tangent'), e = 0.01;
  const xs = [t.getAttribute('x1'), t.getAttribute('x2')].map(Number);
  const ys = [t.getAttribute('y1'), t.getAttribute('y2')].map(Number);
  return xs.every(x => x >= left - e && x <= right + e) && ys.every(y => y >= top - e && y <= bottom + e)
    ? [] : [`tangent (${xs}, ${ys}) leaves the plot [${left}, ${right}] x [${top}, ${bottom}]`];
}"""

# A label on one line: its pieces (words, and each typeset formula as a whole) share a line, that is, every
# piece overlaps every other vertically; a wrapped label has a piece wholly below another.
LABEL_FAULTS = """root => [...root.querySelectorAll('.bp-label')].filter(l => {
  const boxes = [...l.childNodes].flatMap(n => {
    if (n.nodeType === Node.ELEMENT_NODE) return [n.getBoundingClientRect()];
    const r = document.createRange(); r.selectNodeContents(n); return [...r.getClientRects()];
  }).filter(b => b.height > 0);
  return Math.max(...boxes.map(b => b.top)) >= Math.min(...boxes.map(b => b.bottom));
}).map(l => `label "${l.textContent}" wraps`)"""


def _ends(pg, root, name):
    return pg.eval_on_selector(f'{root} input[data-param="{name}"]', "el => [Number(el.min), Number(el.max)]")


def _params(pg, root):
    return pg.eval_on_selector_all(f"{root} input[data-param]", "els => els.map(e => e.dataset.param)")


def test_graph_boxes_contain_their_text_at_every_slider_end(explorable):
    pg, root = explorable(PAGES[ChainGraph.data_explorable], ChainGraph.data_explorable).reset()
    faults = pg.eval_on_selector(root, GRAPH_FAULTS)
    assert not faults, faults
    for name in _params(pg, root):
        for value, _, found in sweep(pg, root, name, _ends(pg, root, name), extra=GRAPH_FAULTS):
            assert not found, (name, value, found)


def test_graph_holds_the_gradient_that_overflowed(explorable):
    """The values reported overflowing: a 9-character gradient such as -0.004127 in its box."""
    pg, root = explorable(PAGES[ChainGraph.data_explorable], ChainGraph.data_explorable).reset()
    texts = pg.eval_on_selector_all(f"{root} text.bp-graph-grad, {root} text.bp-graph-val",
                                    "els => els.map(e => e.textContent)")
    assert max(len(t) for t in texts) >= 8, texts          # the long numbers are there to be checked
    assert not pg.eval_on_selector(root, GRAPH_FAULTS)


def test_cost_chart_contains_its_tangent(explorable):
    pg, root = explorable(PAGES[Neuron.data_explorable], Neuron.data_explorable).reset()
    for name in _params(pg, root):
        lo, hi = _ends(pg, root, name)
        values = [lo + (hi - lo) * k / 40 for k in range(41)]    # b = 14 among them
        for value, _, found in sweep(pg, root, name, values, extra=TANGENT_FAULTS):
            assert not found, (name, value, found)


@pytest.mark.parametrize("name", list(PAGES))
def test_labels_on_one_line_and_sliders_wide_enough(explorable, name):
    pg, root = explorable(PAGES[name], name).reset()
    assert pg.viewport_size["width"] == 1280
    assert not pg.eval_on_selector(root, LABEL_FAULTS)
    widths = pg.eval_on_selector_all(f"{root} input[data-param]",
                                     "els => els.map(e => [e.dataset.param, e.getBoundingClientRect().width])")
    assert all(w >= 120 for _, w in widths), widths
