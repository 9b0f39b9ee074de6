"""A downloaded chapter runs as the README (and each chapter's "Run this chapter yourself" box) says.

In a temporary folder: the files of a clone that the commands use (requirements.txt, requirements-test.txt,
code/), a chapter "downloaded" elsewhere, and the commands run as written, with the Python 3 on PATH. Then
the notebook is run headless (nbclient, with the kernel of the new environment) instead of in Lab, and the
environment has what `jupyter lab` needs: JupyterLab, jupyterlab-myst and the widget extensions.
The pip cache makes the install quick after the first time.
"""
import json
import os
import shlex
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Exactly as README.md shows them, in the clone; the last opens the downloaded notebook in Lab
COMMANDS = [
    "python3 -m venv venv",
    "venv/bin/pip install -r requirements.txt -c requirements-test.txt \\\n    -e code jupyterlab jupyterlab-myst",
]
OPEN = "venv/bin/jupyter lab ~/Downloads/01_intuition.ipynb"


def test_readme_shows_the_commands():
    readme = (ROOT / "README.md").read_text()
    assert "\n".join([*COMMANDS, OPEN]) in readme


def test_a_downloaded_chapter_runs_with_the_commands(tmp_path):
    clone = tmp_path / "clone"
    clone.mkdir()
    for f in ("requirements.txt", "requirements-test.txt"):
        shutil.copy(ROOT / f, clone)
    shutil.copytree(ROOT / "code", clone / "code",
                    ignore=shutil.ignore_patterns("*.egg-info", "__pycache__", "build"))
    downloads = tmp_path / "home" / "Downloads"
    downloads.mkdir(parents=True)
    shutil.copy(ROOT / "chapters" / "01_intuition.ipynb", downloads)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if not p.startswith(str(ROOT)))
    env["HOME"] = str(tmp_path / "home")
    for cmd in COMMANDS:
        r = subprocess.run(shlex.split(cmd.replace("\\\n", " ")), cwd=clone, env=env, capture_output=True, text=True)
        assert r.returncode == 0, f"{cmd}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"

    bin_ = clone / "venv" / "bin"
    # what `jupyter lab` needs is there: Lab itself, and the extensions, prebuilt (no Node.js)
    r = subprocess.run([bin_ / "jupyter", "labextension", "list"], env=env, capture_output=True, text=True)
    listed = r.stdout + r.stderr
    for ext in ("jupyterlab-myst", "@jupyter-widgets/jupyterlab-manager", "anywidget"):
        assert ext in listed, listed
    assert shlex.split(OPEN)[0] == "venv/bin/jupyter" and (bin_ / "jupyter-lab").exists()

    # the chapter runs in that environment's kernel (the kernel Lab would start: python3 of the venv)
    nb = downloads / "01_intuition.ipynb"
    r = subprocess.run([bin_ / "jupyter", "execute", "--inplace", "--kernel_name=python3", nb.name],
                       cwd=downloads, env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    ran = json.loads(nb.read_text())
    code = [c for c in ran["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code)
    assert not [o for c in code for o in c["outputs"] if o["output_type"] == "error"]
    kernel = subprocess.run([bin_ / "jupyter", "kernelspec", "list", "--json"], env=env, capture_output=True,
                            text=True)
    python = json.loads(kernel.stdout)["kernelspecs"]["python3"]["spec"]["argv"][0]
    assert python in ("python", str(bin_ / "python")) or Path(python).resolve().parent == bin_.resolve(), python
