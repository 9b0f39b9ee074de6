"""The chapters in JupyterLab as `make lab` opens them: the reader's own copy (made by `make lab-copy`, the step
`make lab` runs), Lab's settings from tools/lab-settings, jupyterlab-myst rendering the MyST.

One Lab server for every chapter (127.0.0.1, a token, a free port, a temporary directory: the repository's
notebooks are never touched). For each chapter: its rendered Markdown shows no raw MyST (directive options,
role names), its figures load, its solutions are hidden until asked for (the dropdown closed, the solution's code cells
collapsed: source and outputs, the collapsed source showing only "# Solution"); before it runs, no explorable shows
an error or a memory address; Run All Cells gives no error; each explorable answers a slider or button; the
saved notebook holds the state of every widget its outputs show (so a saved copy reopens drawn, not "model
not found"). Chapter 1 is also driven by keyboard and from Python, its readouts compared with backprop.
The test starts and stops the server and checks that no process of it is left behind. Chromium is Debian's.
"""
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import psutil
import pytest
import websocket
from playwright.sync_api import sync_playwright

from backprop.explorables import Neuron

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHAPTERS = sorted(p.name for p in (ROOT / "chapters").glob("*.ipynb"))
ROOT_NEURON = '[data-explorable="neuron"]'
STARTED = []         # every process the Lab fixture started: the server and what it started
# What raw MyST looks like when a renderer does not understand it: directive options, directive and role names
RAW_MYST = [":label:", ":class:", ":name:", ":alt:", "{solution}", "{exercise}", "{figure}", "{admonition}",
            "{term}", "{doc}", "```"]


@pytest.fixture(scope="module", autouse=True)
def no_process_left_behind():
    """Set up before the Lab fixture, so torn down after it: then none of its processes may still run."""
    yield
    alive = [p for p in STARTED if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"processes left behind by the Lab test: {alive}"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as r:
        return json.loads(r.read())


def _settings(settings, plugin, values):
    package, name = plugin.split(":")
    f = settings / package / f"{name}.jupyterlab-settings"
    f.parent.mkdir(parents=True, exist_ok=True)
    f.write_text(json.dumps(values))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    work = tmp_path_factory.mktemp("lab")
    copy = work / "lab"
    # the reader's copy, made as `make lab` makes it
    subprocess.run(["make", "-s", "lab-copy", f"LAB={copy}"], cwd=ROOT, check=True)
    assert sorted(p.name for p in (copy / "chapters").glob("*.ipynb")) == CHAPTERS
    settings = copy / ".settings"
    assert (settings / "@jupyter-widgets" / "jupyterlab-manager" / "plugin.jupyterlab-settings").exists()
    # the test's own additions: every cell stays in the page (Lab 4 otherwise detaches the cells scrolled out
    # of view), no news or update checks (no request leaves the machine)
    _settings(settings, "@jupyterlab/notebook-extension:tracker", {"windowingMode": "none"})
    _settings(settings, "@jupyterlab/apputils-extension:notification", {"fetchNews": "false",
                                                                         "checkForUpdates": False})
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={copy}", "--ServerApp.port_retries=0",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.expose_app_in_browser=True"]       # window.jupyterapp: the test reads the cells' state
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(work / ".jupyter"), "JUPYTERLAB_SETTINGS_DIR": str(settings),
           "JUPYTERLAB_WORKSPACES_DIR": str(copy / ".workspaces")}
    log = open(work / "lab.log", "w")
    server = subprocess.Popen(cmd, cwd=work, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    procs = STARTED
    procs.append(psutil.Process(server.pid))
    try:
        for _ in range(120):
            try:
                _get(f"{base}/api/status?token={token}")
                break
            except OSError:
                assert server.poll() is None, (work / "lab.log").read_text()
                time.sleep(0.5)
        else:
            pytest.fail("JupyterLab did not start:\n" + (work / "lab.log").read_text())
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            yield {"base": base, "token": token, "server": server, "copy": copy, "browser": browser}
            browser.close()
    finally:
        if server.poll() is None:
            procs.extend(psutil.Process(server.pid).children(recursive=True))
        _shut_kernels(base, token)
        server.terminate()
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(5)
        gone, alive = psutil.wait_procs(procs, timeout=10)
        for p in alive:
            p.kill()
        log.close()


def _shut_kernels(base, token):
    try:
        for k in _get(f"{base}/api/kernels?token={token}"):
            req = urllib.request.Request(f"{base}/api/kernels/{k['id']}?token={token}", method="DELETE")
            urllib.request.urlopen(req, timeout=10)
    except OSError:
        pass


def _execute(lab, chapter, code):
    """Run code in the chapter's kernel (the one Lab started) and return what it printed."""
    sessions = _get(f"{lab['base']}/api/sessions?token={lab['token']}")
    kid = next(s["kernel"]["id"] for s in sessions if s["path"].endswith(chapter))
    ws = websocket.create_connection(
        f"ws://127.0.0.1:{lab['base'].rsplit(':', 1)[1]}/api/kernels/{kid}/channels?token={lab['token']}", timeout=30)
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({"header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                                   "msg_type": "execute_request", "version": "5.3"},
                        "parent_header": {}, "metadata": {}, "channel": "shell",
                        "content": {"code": code, "silent": False, "store_history": False,
                                    "user_expressions": {}, "allow_stdin": False}}))
    out, status, idle = [], None, False
    while status is None or not idle:       # the reply (shell) and the output (iopub) come in any order
        m = json.loads(ws.recv())
        if m.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream":
            out.append(m["content"]["text"])
        elif m["msg_type"] == "error":
            out.append("\n".join(m["content"]["traceback"]))
        elif m["msg_type"] == "execute_reply":
            status = m["content"]["status"]
        elif m["msg_type"] == "status":
            idle = m["content"]["execution_state"] == "idle"
    ws.close()
    assert status == "ok", "".join(out)
    return "".join(out)


def _readouts(pg, root):
    return pg.eval_on_selector_all(f"{root} [data-readout]",
                                   "els => Object.fromEntries(els.map(e => [e.dataset.readout, Number(e.dataset.value)]))")


def _match(got, widget):
    for k, v in widget.values().items():
        assert abs(got[k] - v) <= 1e-12 + 1e-9 * abs(v), (k, got[k], v)


# The rendered Markdown cells' text (a rendered cell hides its editor), and its solutions' state
MARKDOWN = """() => [...document.querySelectorAll('.jp-MarkdownCell .myst, .jp-MarkdownCell .jp-MarkdownOutput')].map(e => e.innerText)"""
# The code cells after each solution's dropdown (a Markdown cell ending in a {solution} directive): collapsed in
# the model (source, outputs), how many of their code and output elements show, and the placeholder's text
SOLUTION_CELLS = r"""() => {
  const out = []; let after = false;
  for (const w of window.jupyterapp.shell.currentWidget.content.widgets) {
    if (w.model.type !== 'code') { after = /```\{solution\}((?!```)[\s\S])*```\s*$/.test(w.model.sharedModel.getSource()); continue; }
    if (!after) continue;
    const shown = [...w.node.querySelectorAll('.jp-InputArea-editor, .jp-OutputArea-output')]
      .filter(e => e.checkVisibility()).length;
    const ph = w.node.querySelector('.jp-InputPlaceholder .jp-Placeholder-content');
    out.push({collapsed: [w.inputHidden, w.outputHidden], shown,
              placeholder: ph && ph.checkVisibility() ? ph.innerText.trim() : null});
  }
  return out;
}"""
# What an explorable shows: its readouts and pictures; responds = changes after a button or a slider is moved
SNAPSHOT = """root => JSON.stringify([[...root.querySelectorAll('[data-readout]')].map(e => e.dataset.value),
                                   [...root.querySelectorAll('svg')].map(e => e.innerHTML)])"""
# A label on one line: its pieces (words, each typeset formula) all overlap vertically (as tests/browser/test_drawing)
LABEL_FAULTS = """root => [...root.querySelectorAll('.bp-label')].filter(l => {
  const boxes = [...l.childNodes].flatMap(n => {
    if (n.nodeType === Node.ELEMENT_NODE) return [n.getBoundingClientRect()];
    const r = document.createRange(); r.selectNodeContents(n); return [...r.getClientRects()];
  }).filter(b => b.height > 0);
  return Math.max(...boxes.map(b => b.top)) >= Math.min(...boxes.map(b => b.bottom));
}).map(l => l.textContent)"""
POKE = """root => {
  const step = root.querySelector('button[data-action="step"]');
  if (step) { step.click(); return 'step'; }
  const el = root.querySelector('input[data-param]');
  el.value = Number(el.value) === Number(el.min) ? el.max : el.min;
  el.dispatchEvent(new Event('input', {bubbles: true}));
  return el.dataset.param;
}"""


def _open(lab, chapter):
    """A fresh page and workspace with the chapter open and its kernel idle."""
    pg = lab["browser"].new_page(viewport={"width": 1280, "height": 900})
    external = []
    pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
             else (external.append(r.request.url), r.abort()))
    ws = chapter.split("_")[0]
    pg.goto(f"{lab['base']}/lab/workspaces/ch{ws}/tree/chapters/{chapter}?reset&token={lab['token']}")
    pg.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
    pg.wait_for_selector("text=| Idle", timeout=90000)       # the status bar: the kernel is ready
    select = pg.locator(".jp-Dialog button", has_text="Select")
    if select.count():                                      # Lab asks which kernel: the notebook's own
        select.first.click()
    return pg, external


def _run_all(pg):
    """Run > Run All Cells, from the menu a reader uses; wait until the kernel has answered every code cell."""
    n = pg.evaluate("""() => {
      const nb = window.jupyterapp.shell.currentWidget;
      window.__replies = 0;
      nb.sessionContext.session.kernel.anyMessage.connect((_, m) => {
        if (m.direction === 'recv' && m.msg.header.msg_type === 'execute_reply') window.__replies++;
      });
      return [...nb.content.model.cells].filter(c => c.type === 'code').length;
    }""")
    pg.click('.lm-MenuBar-itemLabel:text-is("Run")')
    pg.click('.lm-Menu-itemLabel:text-is("Run All Cells")')
    pg.wait_for_function(f"""() => window.__replies >= {n}
      && window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle'""",
                         timeout=120000, polling=250)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_reads_runs_and_answers_in_lab(lab, chapter):
    pg, external = _open(lab, chapter)
    try:
        # the MyST is rendered: no directive or role shows as text
        pg.wait_for_function("() => document.querySelectorAll('.jp-MarkdownCell .myst, .jp-MarkdownCell .jp-MarkdownOutput').length > 0")
        texts = pg.evaluate(MARKDOWN)
        raw = [(t[:80], r) for t in texts for r in RAW_MYST if r in t]
        assert not raw, f"raw MyST in the rendered Markdown of {chapter}: {raw}"
        # the "Run this chapter yourself" box is an admonition, not a code block
        assert pg.locator(".jp-MarkdownCell aside, .jp-MarkdownCell .admonition",
                          has_text="Run this chapter yourself").count() == 1
        # figures load (chapters 2 and 5: ../imgs/...)
        imgs = pg.eval_on_selector_all(".jp-MarkdownCell .myst img",
                                       "els => els.map(e => [e.getAttribute('src'), e.complete && e.naturalWidth])")
        src = (ROOT / "chapters" / chapter).read_text()
        assert len(imgs) == src.count("{figure}"), imgs
        assert all(w for _, w in imgs), f"a figure did not load: {imgs}"
        # solutions are hidden until asked for: each is a closed dropdown
        n_solutions = src.count("```{solution}")
        # a long chapter's Markdown renders cell by cell: wait until every solution is on the page
        pg.wait_for_function(f"document.querySelectorAll('.jp-MarkdownCell details').length >= {n_solutions}",
                             timeout=30000)
        closed = pg.eval_on_selector_all(".jp-MarkdownCell details",
                                         "els => els.filter(d => !d.open && /Solution/.test(d.innerText)).length")
        assert closed == n_solutions, (closed, n_solutions)
        # ... followed by its code cells, collapsed: neither their code nor their output shows, only the placeholder
        # of the source, whose text is the cell's first line, "# Solution"
        hidden = pg.evaluate(SOLUTION_CELLS)
        n_code = sum(1 for c in json.loads(src)["cells"] if "hide-cell" in c["metadata"].get("tags", []))
        assert len(hidden) == n_code >= n_solutions, (len(hidden), n_code, n_solutions)
        assert all(h["collapsed"] == [True, True] and h["shown"] == 0 and h["placeholder"] == "# Solution"
                   for h in hidden), hidden
        # asked for: a click on the placeholder shows the code
        pg.locator(".jp-CodeCell .jp-InputPlaceholder").first.click()
        pg.wait_for_function(f"({SOLUTION_CELLS})()[0].shown > 0", timeout=10000)
        assert pg.evaluate(SOLUTION_CELLS)[0]["collapsed"] == [False, True]

        # before the chapter runs: the explorables show neither an error nor a memory address
        before = pg.locator(".jp-OutputArea-output").all_inner_texts()
        assert not [t for t in before if "model not found" in t or " object at 0x" in t], before

        _run_all(pg)
        errors = pg.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'
                            ', .jp-OutputArea-output .jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]'
                            ).all_inner_texts()
        assert not [e for e in errors if "Error" in e or "Traceback" in e], errors

        # every explorable answers
        names = pg.eval_on_selector_all("[data-explorable]", "els => els.map(e => e.dataset.explorable)")
        assert len(names) == src.count("application/vnd.jupyter.widget-view+json")
        for name in names:
            root = pg.locator(f'[data-explorable="{name}"]').first
            root.scroll_into_view_if_needed()
            before = root.evaluate(SNAPSHOT)
            moved = root.evaluate(POKE)
            pg.wait_for_function(f"""() => ({SNAPSHOT})(document.querySelector('[data-explorable="{name}"]'))
                                     !== {json.dumps(before)}""", timeout=10000)
            assert moved

        # in Lab's narrower page too (1280 px with the file browser open): labels on one line, sliders to drag
        for name in names:
            faults = pg.eval_on_selector(f'[data-explorable="{name}"]', LABEL_FAULTS)
            widths = pg.eval_on_selector_all(f'[data-explorable="{name}"] input[data-param]',
                                             "els => els.map(e => e.getBoundingClientRect().width)")
            assert not faults and min(widths) >= 120, (name, faults, widths)

        if chapter.startswith("01_"):
            _drive_neuron(lab, pg, chapter)

        # saved, the notebook holds the state of every widget its outputs show: it reopens drawn
        pg.keyboard.press("Control+s")
        saved_path = lab["copy"] / "chapters" / chapter
        for _ in range(40):
            nb = json.loads(saved_path.read_text())
            shown = {o["data"]["application/vnd.jupyter.widget-view+json"]["model_id"]
                     for c in nb["cells"] for o in c.get("outputs", [])
                     if "application/vnd.jupyter.widget-view+json" in o.get("data", {})}
            state = nb["metadata"].get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
            if shown <= set(state.get("state", {})) and pg.locator(".jp-mod-dirty").count() == 0:
                break
            pg.wait_for_timeout(250)
        assert shown <= set(state.get("state", {})), (shown, list(state.get("state", {})))
        assert external == []
        if chapter.startswith("01_"):          # reopened with a new kernel, not run: drawn from the saved state
            STARTED.extend(psutil.Process(lab["server"].pid).children(recursive=True))
            pg.close()
            _shut_kernels(lab["base"], lab["token"])
            pg, external = _open(lab, chapter)
            pg.wait_for_selector(ROOT_NEURON, state="attached", timeout=30000)
            outs = pg.locator(".jp-OutputArea-output").all_inner_texts()
            assert not [o for o in outs if "model not found" in o]
    except Exception:
        pg.screenshot(path=str(Path(os.environ.get("LAB_SHOT", "/tmp")) / f"lab-failure-{chapter}.png"))
        raise
    finally:
        if chapter.startswith("01_"):
            STARTED.extend(psutil.Process(lab["server"].pid).children(recursive=True))
        pg.close()
        _shut_kernels(lab["base"], lab["token"])


def _drive_neuron(lab, pg, chapter):
    """Chapter 1's neuron: the readouts match backprop; arrow keys move the slider (not Lab); Python and the
    browser agree both ways."""
    root = ROOT_NEURON
    pg.evaluate(f"""() => {{ const el = document.querySelector('{root} input[data-param=w]');
                    el.value = 1.5; el.dispatchEvent(new Event('input', {{bubbles: true}})); }}""")
    _match(_readouts(pg, root), Neuron(w=1.5))
    slider = pg.locator(f"{root} input[data-param=w]")
    slider.scroll_into_view_if_needed()
    slider.focus()
    for _ in range(3):
        pg.keyboard.press("ArrowRight")
    assert pg.evaluate("document.activeElement.dataset.param") == "w"
    w = float(slider.input_value())
    assert abs(w - 1.53) < 1e-9
    b = float(pg.locator(f"{root} input[data-param=b]").input_value())
    _match(_readouts(pg, root), Neuron(w=w, b=b))
    # ... and the kernel gets the value the slider took (its messages are throttled: poll a little)
    kernel_w = []
    for _ in range(20):
        kernel_w.append(float(_execute(lab, chapter, "print(neuron.w)")))
        if kernel_w[-1] == w:
            break
        pg.wait_for_timeout(250)
    assert kernel_w[-1] == w and float(slider.input_value()) == w, (kernel_w, slider.input_value())
    # Python sets a trait: the slider follows and the readouts are redrawn
    _execute(lab, chapter, "neuron.b = 3.0")
    pg.wait_for_function(f"() => document.querySelector('{root} input[data-param=b]').value === '3'")
    _match(_readouts(pg, root), Neuron(w=w, b=3.0))
    pg.locator(f"{root}").click(position={"x": 5, "y": 5})   # leave the slider: Ctrl-S goes to Lab
