"""How heavy the built book is: the size of _build/html, and the bytes each page makes a reader fetch.

    .venv/bin/python benchmarks/site_weight.py                  # the book in _build/html
    BOOK_HTML=/tmp/x/_build/html .venv/bin/python benchmarks/site_weight.py --json out.json

Each page is opened in headless Chromium from a local HTTP server (every other request blocked), with a
fresh cache, and left until MathJax has typeset and the network is idle; "transferred" is the sum of the
bodies of every response it received (HTML, CSS, JS, fonts, images, MathJax's lazily loaded parts).
A report, not a test: nothing here passes or fails.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))
from conftest import ARGS, CHROMIUM, HTML, book_pages  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

MJ_DONE = ("!window.MathJax || !window.MathJax.startup || !window.MathJax.startup.promise || "
           "window.__mjDone === true || (window.MathJax.startup.promise.then(() => "
           "{ window.__mjDone = true; }), false)")


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
            ctx = browser.new_context(viewport={"width": 1280, "height": 800})
            pg = ctx.new_page()
            got = []
            pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server) else r.abort())
            pg.on("requestfinished", lambda req: got.append(req))
            pg.goto(f"{server}/{page}", wait_until="load")
            pg.wait_for_function(MJ_DONE, timeout=30000)
            pg.wait_for_load_state("networkidle")
            total = 0
            for req in got:
                resp = req.response()
                if resp is not None:
                    try:
                        total += len(resp.body())
                    except Exception:  # a redirect or an aborted body has none
                        pass
            out[page] = (total, len(got))
            ctx.close()
        browser.close()
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", help="also write the numbers to this file")
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
    print("\nbytes a reader's browser fetches for one page (cold cache):")
    for page, (n, count) in weights.items():
        print(f"  {n / 1e6:6.2f} MB  {count:3d} requests  {page}")
    if args.json:
        Path(args.json).write_text(json.dumps({"html_bytes": total, "parts": parts,
                                               "pages": {k: {"bytes": v[0], "requests": v[1]}
                                                         for k, v in weights.items()}}, indent=1))


if __name__ == "__main__":
    main()
