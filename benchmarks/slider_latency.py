"""Latency from a slider's input event to its readouts updating, in the built book (Chromium, offline).

    .venv/bin/python benchmarks/slider_latency.py     # after `make book`

A benchmark, not a test: it prints the median and the worst of 200 moves of a slider of each explorable of
backprop.explorables, on the page the chapters show it (tests/browser/conftest.page_of): its first slider
whose moves change what the explorable shows (its readouts, pictures and captions; descent's learning rate
only starts it again, so its batch size is timed).
The time is measured inside the page: performance.now() before and after dispatching 'input'. The
handlers run synchronously, so this covers computing, updating every readout and redrawing the SVG
plots; the browser's paint that follows is not included.
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from conftest import ARGS, CHROMIUM, HTML, page_of  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from backprop.explorables import EXPLORABLES  # noqa: E402

# the moves must change what the explorable shows, or nothing was timed: null then
JS = """([root, param]) => {
  const el = document.querySelector(`${root} input[data-param="${param}"]`);
  const shown = () => [...document.querySelectorAll(`${root} [data-readout], ${root} svg, ${root} .bp-caption`)]
    .map((r) => r.dataset.readout ? r.dataset.value : r.innerHTML).join();
  const start = shown(), lo = Number(el.min), hi = Number(el.max), times = [];
  for (let i = 0; i < 200; i++) {
    el.value = lo + ((i * 0.6180339887) % 1) * (hi - lo);
    const t0 = performance.now();
    el.dispatchEvent(new Event('input', {bubbles: true}));
    const t1 = performance.now();
    times.push(t1 - t0);
  }
  return shown() === start ? null : times;
}"""

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    page = browser.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    print("| explorable | moves | median (ms) | worst (ms) |\n|---|---|---|---|")
    for cls in EXPLORABLES:
        page.goto((HTML / page_of(cls)).as_uri())
        root = f'[data-explorable="{cls.data_explorable}"]'
        page.wait_for_selector(root)
        for param in cls().params:
            times = page.evaluate(JS, [root, param])
            if times:
                break
        assert times, f"{cls.__name__}: no slider changes what it shows"
        t = sorted(times)
        print(f"| {cls.data_explorable} ({param}) | {len(t)} | {t[len(t) // 2]:.2f} | {t[-1]:.2f} |")
    browser.close()
