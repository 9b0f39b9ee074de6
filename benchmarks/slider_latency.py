"""Latency from a slider's input event to its readouts updating, in the built book (Chromium, offline).

    .venv/bin/python benchmarks/slider_latency.py     # after `make book`

A benchmark, not a test: it prints the median and the worst of 200 moves per explorable.
The time is measured inside the page: performance.now() before and after dispatching 'input'. The
handlers run synchronously, so this covers computing, updating every readout and redrawing the SVG
plots; the browser's paint that follows is not included.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from conftest import ARGS, CHROMIUM, HTML  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

PAGES = {"neuron": ("chapters/01_intuition.html", "w", "C"), "chain": ("chapters/02_notation.html", "w1", "C"),
         "recursion": ("chapters/04_many_neurons.html", "b1_1", "sum0_0")}
JS = """([root, param, out]) => {
  const el = document.querySelector(`${root} input[data-param="${param}"]`);
  const ro = document.querySelector(`${root} [data-readout="${out}"]`);
  const lo = Number(el.min), hi = Number(el.max), times = [];
  for (let i = 0; i < 200; i++) {
    el.value = lo + ((i * 0.6180339887) % 1) * (hi - lo);
    const t0 = performance.now();
    el.dispatchEvent(new Event('input', {bubbles: true}));
    const t1 = performance.now();
    times.push(t1 - t0);
  }
  return times;
}"""

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    print("| explorable | moves | median (ms) | worst (ms) |\n|---|---|---|---|")
    for name, (path, param, out) in PAGES.items():
        page.goto((HTML / path).as_uri())
        root = f'[data-explorable="{name}"]'
        page.wait_for_selector(root)
        t = sorted(page.evaluate(JS, [root, param, out]))
        print(f"| {name} | {len(t)} | {t[len(t) // 2]:.2f} | {t[-1]:.2f} |")
    browser.close()
