"""How heavy the built book is: the size of _build/html, and the bytes each page makes a reader fetch.

    .venv/bin/python benchmarks/site_weight.py                  # the book in _build/html
    BOOK_HTML=/tmp/x/_build/html .venv/bin/python benchmarks/site_weight.py --json out.json
    .venv/bin/python benchmarks/site_weight.py --before out.json   # a before/after column per page

Each page of both editions is opened in headless Chromium from a local HTTP server (every other request
blocked), with a fresh cache, and left until its explorables have drawn and the network is idle (MathJax
too, in a build that still loads it); "transferred" is the sum of the bodies of every response it received
(HTML, CSS, JS, fonts, images). The table gives each page's budget (tests/browser/test_weight.py: an
explorable page 1.5 MB, any other 1 MB), which that test enforces; this script only reports.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from conftest import ARGS, CHROMIUM, HTML, book_pages  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from test_weight import EXPLORABLE_BUDGET, PAGE_BUDGET, is_explorable, page_weight  # noqa: E402


def folder_size(root):
    """Bytes of every file under root, and the same by top-level part of _static."""
    total, parts = 0, {}
    for f in root.rglob("*"):
        if f.is_file():
            n = f.stat().st_size
            total += n
            rel = f.relative_to(root).parts
            key = "/".join(rel[:3]) if rel[0] == "_static" and len(rel) > 2 else rel[0]
            parts[key] = parts.get(key, 0) + n
    return total, parts


def page_weights(server, pages):
    """{page: (bytes transferred, number of requests)} with a fresh browser context per page."""
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for page in pages:
            total, urls, _ = page_weight(browser, f"{server}/{page}", server)
            out[page] = (total, len(urls))
        browser.close()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="also write the numbers to this file")
    ap.add_argument("--before", help="a --json file of an earlier build: show its numbers beside these")
    args = ap.parse_args()
    if not (HTML / "intro.html").exists():
        raise SystemExit(f"no built book at {HTML}")
    import functools
    import http.server
    import threading
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass
    handler = functools.partial(Quiet, directory=str(HTML))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    server = f"http://127.0.0.1:{httpd.server_address[1]}"

    total, parts = folder_size(HTML)
    print(f"{HTML}: {total / 1e6:.1f} MB in all")
    for key, n in sorted(parts.items(), key=lambda kv: -kv[1])[:12]:
        print(f"  {n / 1e6:6.2f} MB  {key}")
    pages = book_pages()
    weights = page_weights(server, pages)
    httpd.shutdown()
    before = json.loads(Path(args.before).read_text()) if args.before else None
    print("\nbytes a reader's browser fetches for one page (cold cache, MB = 10^6 bytes):\n")
    head = "| page | kind | " + ("before | " if before else "") + "MB | requests | budget |"
    print(head)
    print("|" + "---|" * (head.count("|") - 1))
    for page, (n, count) in weights.items():
        explorable = is_explorable(page)
        budget = EXPLORABLE_BUDGET if explorable else PAGE_BUDGET
        was = ""
        if before:
            b = before["pages"].get(page)
            was = (f"{b['bytes'] / 1e6:.2f} | " if b else "- | ")
        over = "" if n <= budget else " **over**"
        print(f"| {page} | {'explorable' if explorable else 'text'} | {was}{n / 1e6:.2f} | {count} | "
              f"{budget / 1e6:.1f}{over} |")
    if before:
        print(f"\nsite: {before['html_bytes'] / 1e6:.1f} MB before, {total / 1e6:.1f} MB now")
    if args.json:
        Path(args.json).write_text(json.dumps({"html_bytes": total, "parts": parts,
                                               "pages": {k: {"bytes": v[0], "requests": v[1]}
                                                         for k, v in weights.items()}}, indent=1))


if __name__ == "__main__":
    main()
