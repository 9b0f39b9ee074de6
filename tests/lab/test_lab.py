"""The explorables in JupyterLab with a live kernel: open chapter 1, run it, move a slider with the
keyboard, set a trait from Python, and compare the readouts with backprop.

Lab runs on 127.0.0.1 with a token and a free port, in a temporary directory holding a copy of the
chapter (Lab autosaves: the repository's notebook is never touched); the test starts and stops it and
checks that no process of it is left behind. Chromium is Debian's, as for tests/browser.
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
ROOT_NEURON = '[data-explorable="neuron"]'
STARTED = []         # every process the Lab fixture started: the server and what it started


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


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    work = tmp_path_factory.mktemp("lab")
    shutil.copy(ROOT / "chapters" / "01_intuition.ipynb", work)
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
           f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={work}", "--ServerApp.port_retries=0",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(work / ".jupyter"), "JUPYTERLAB_SETTINGS_DIR": str(work / ".settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(work / ".workspaces")}
    # every cell stays in the page (Lab 4 otherwise detaches the cells scrolled out of view)
    tracker = work / ".settings" / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    news = work / ".settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    news.parent.mkdir(parents=True)
    news.write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
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
        yield {"base": base, "token": token, "server": server}
    finally:
        if server.poll() is None:
            procs.extend(psutil.Process(server.pid).children(recursive=True))
        try:                                                     # shut the kernels down, then the server
            for k in _get(f"{base}/api/kernels?token={token}"):
                req = urllib.request.Request(f"{base}/api/kernels/{k['id']}?token={token}", method="DELETE")
                urllib.request.urlopen(req, timeout=10)
        except OSError:
            pass
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


def _execute(lab, code):
    """Run code in the chapter's kernel (the one Lab started) and return what it printed."""
    sessions = _get(f"{lab['base']}/api/sessions?token={lab['token']}")
    kid = next(s["kernel"]["id"] for s in sessions if s["path"].endswith("01_intuition.ipynb"))
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


def _readouts(pg):
    return pg.eval_on_selector_all(f"{ROOT_NEURON} [data-readout]",
                                   "els => Object.fromEntries(els.map(e => [e.dataset.readout, Number(e.dataset.value)]))")


def _match(got, widget):
    for k, v in widget.values().items():
        assert abs(got[k] - v) <= 1e-12 + 1e-9 * abs(v), (k, got[k], v)


def test_chapter_runs_in_lab_and_its_explorable_is_live(lab):
    external = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        pg = browser.new_page(viewport={"width": 1400, "height": 1000})
        pg.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("http://127.0.0.1", "data:", "blob:"))
                 else (external.append(r.request.url), r.abort()))
        pg.goto(f"{lab['base']}/lab/tree/01_intuition.ipynb?token={lab['token']}")
        pg.wait_for_selector(".jp-Notebook .jp-Cell", timeout=60000)
        pg.wait_for_function("() => document.querySelector('.jp-Notebook-ExecutionIndicator') !== null"
                             " || document.querySelector('.jp-KernelStatus') !== null", timeout=60000)
        pg.wait_for_selector("text=| Idle", timeout=90000)       # the status bar: the kernel is ready
        select = pg.locator(".jp-Dialog button", has_text="Select")
        if select.count():                                      # Lab asks which kernel: the notebook's own
            select.first.click()
        # Run > Run All Cells, from the menu a reader uses
        pg.click('.lm-MenuBar-itemLabel:text-is("Run")')
        pg.click('.lm-Menu-itemLabel:text-is("Run All Cells")')
        try:
            pg.wait_for_selector(f"{ROOT_NEURON} input[data-param=w]", state="attached", timeout=90000)
        except Exception:
            pg.screenshot(path=str(Path(os.environ.get("LAB_SHOT", "/tmp")) / "lab-failure.png"))
            raise
        pg.wait_for_function(f"() => document.querySelector('{ROOT_NEURON} [data-readout=C]').dataset.value !== ''")
        _match(_readouts(pg), Neuron())

        # The keyboard: focus the slider, press the arrow key; the slider (not Lab) takes it
        slider = pg.locator(f"{ROOT_NEURON} input[data-param=w]")
        slider.scroll_into_view_if_needed()
        slider.focus()
        for _ in range(3):
            pg.keyboard.press("ArrowRight")
        assert pg.evaluate("document.activeElement.dataset.param") == "w"
        w = float(slider.input_value())
        assert abs(w - 1.53) < 1e-9
        _match(_readouts(pg), Neuron(w=w))
        # ... and the kernel gets the value the slider took (its messages are throttled: poll a little)
        kernel_w = []
        for _ in range(20):
            kernel_w.append(float(_execute(lab, "print(neuron.w)")))
            if kernel_w[-1] == w:
                break
            pg.wait_for_timeout(250)
        assert kernel_w[-1] == w and float(slider.input_value()) == w, (kernel_w, slider.input_value())

        # Python sets a trait: the slider follows and the readouts are redrawn
        _execute(lab, "neuron.b = 3.0")
        pg.wait_for_function(f"() => document.querySelector('{ROOT_NEURON} input[data-param=b]').value === '3'")
        _match(_readouts(pg), Neuron(w=w, b=3.0))
        assert external == []
        browser.close()


def test_lab_started_a_kernel_that_the_teardown_must_stop(lab):
    children = psutil.Process(lab["server"].pid).children(recursive=True)
    assert children, "Lab should have started the chapter's kernel"
    STARTED.extend(children)
