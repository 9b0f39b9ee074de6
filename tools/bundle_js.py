"""Bundle each explorable's JavaScript into one ES module, the `_esm` its anywidget sends to the page.

The sources are ES modules in code/backprop/js/: the shared maths.js, dom.js, controls.js and charts.js, and one
file per explorable (the files with `export default`: neuron.js, chain.js, ...), which import what they use.
esbuild (pinned in package.json, installed by `npm ci`) writes code/backprop/js/dist/<explorable>.js: the
explorable with what it imports, and nothing it does not. The bundles are committed, like imgs/: the package
then runs where no Node.js is (`make lab`, a downloaded chapter), and tests/package/test_js_bundles.py fails when
one is not what its sources give now.

    python tools/bundle_js.py            # rewrite code/backprop/js/dist/
    python tools/bundle_js.py OUTDIR     # write the bundles elsewhere (the test does)
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "code" / "backprop" / "js"
DIST = JS / "dist"
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"


def entries():
    """The explorables' own files: those with a default export (the shared modules have none)."""
    return sorted(p.name for p in JS.glob("*.js") if "\nexport default " in p.read_text())


def bundle(outdir=DIST):
    """Write outdir/<name>.js for each explorable. Run from the sources' folder, so the comments esbuild puts
    before each module's code name it the same on every machine ("// maths.js")."""
    if not ESBUILD.exists():
        sys.exit(f"{ESBUILD.relative_to(ROOT)} is missing: run `npm ci` in {ROOT} (make does)")
    Path(outdir).mkdir(parents=True, exist_ok=True)
    subprocess.run([str(ESBUILD), *entries(), "--bundle", "--format=esm", "--charset=utf8",
                    "--legal-comments=none", "--log-level=warning", f"--outdir={Path(outdir).resolve()}"],
                   cwd=JS, check=True)


if __name__ == "__main__":
    bundle(*sys.argv[1:2])
