"""The setup a new user follows: one list of system packages (tools/prereqs.sh), named by the README's install
line and installed by .ci/run, and a one-line message, before anything is installed, when one is missing."""
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PREREQS = ROOT / "tools" / "prereqs.sh"


def _run(*args, **env):
    return subprocess.run(["bash", str(PREREQS), *args], capture_output=True, text=True,
                          env={**os.environ, **env}, cwd=ROOT)


def test_the_readme_installs_what_make_test_needs():
    line = re.search(r"sudo apt-get install ([^`\n)]+)", (ROOT / "README.md").read_text()).group(1)
    assert set(line.split()) == set(_run("--list", "test").stdout.split())
    assert set(_run("--list", "book").stdout.split()) < set(line.split())


def test_ci_installs_from_the_same_list():
    ci = (ROOT / ".ci" / "run").read_text()
    assert "tools/prereqs.sh --install test" in ci and "make test" in ci
    assert "apt-get" not in ci.replace("tools/prereqs.sh", "")


def test_a_missing_package_is_named_in_one_line_with_its_install_command(tmp_path):
    # a machine with a shell and coreutils, and no Python venv, make, Node.js, Chromium or CJK font
    for tool in ("bash", "grep", "ls"):
        (tmp_path / tool).symlink_to(shutil.which(tool))
    r = _run("test", PY="/nonexistent/python3", CHROMIUM="/nonexistent/chromium", PATH=str(tmp_path))
    assert r.returncode == 1 and r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("make test needs python3-venv make nodejs npm chromium")
    assert lines[0].endswith("sudo apt-get install python3-venv make nodejs npm chromium" +
                             ("" if "Noto Sans CJK" in _fonts() else " fonts-noto-cjk"))


def _fonts():
    return subprocess.run(["fc-list"], capture_output=True, text=True).stdout if shutil.which("fc-list") else ""


def test_nothing_is_said_when_nothing_is_missing():
    r = _run("book")                      # this machine runs the tests, so it has what the book needs
    assert r.returncode == 0 and r.stdout == r.stderr == ""


def test_make_checks_before_it_installs():
    make = (ROOT / "Makefile").read_text()
    assert re.search(r"^book: prereqs-book ", make, re.M)
    assert re.search(r"^test: prereqs-test ", make, re.M)
