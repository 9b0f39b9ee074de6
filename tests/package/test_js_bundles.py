"""The committed bundles in code/backprop/js/dist are what the sources in code/backprop/js give now (the pinned
esbuild, tools/bundle_js.py): after editing a source, `make js` rewrites them (and `make notebooks` stores them in
the chapters)."""
import bundle_js

from backprop import explorables


def test_each_explorable_has_its_bundle_and_nothing_else_does():
    assert sorted(p.name for p in bundle_js.DIST.glob("*.js")) == bundle_js.entries()
    assert sorted(cls()._esm for cls in explorables.EXPLORABLES) == sorted(p.read_text() for p in bundle_js.DIST.glob("*.js"))


def test_the_bundles_are_what_the_sources_give(tmp_path):
    bundle_js.bundle(tmp_path)
    for name in bundle_js.entries():
        fresh, committed = (tmp_path / name).read_text(), (bundle_js.DIST / name).read_text()
        assert fresh == committed, f"code/backprop/js/dist/{name} is older than its sources: run `make js`"


def test_a_bundle_holds_what_its_explorable_imports_and_not_the_rest():
    """Each bundle is one module with no import left, and only the shared code it uses (tree-shaken): the
    neuron's has no arrows, the chain's no line chart."""
    for name in bundle_js.entries():
        text = (bundle_js.DIST / name).read_text()
        assert "\nimport " not in text and "export {" in text and " as default" in text, name
    assert "function wishArrow" not in (bundle_js.DIST / "neuron.js").read_text()
    assert "function lineChart" not in (bundle_js.DIST / "chain.js").read_text()
    assert "function wishArrow" in (bundle_js.DIST / "wishes.js").read_text()


def test_each_explorable_names_its_root_as_python_says():
    """The front end's frame("<name>") gives the root's data-explorable, which tests and outside checks look for;
    the class's data_explorable is that name (the browser tests find each explorable by it)."""
    by_bundle = {p.read_text(): p for p in bundle_js.DIST.glob("*.js")}
    for cls in explorables.EXPLORABLES:
        source = (bundle_js.JS / by_bundle[cls()._esm].name).read_text()
        assert f'frame("{cls.data_explorable}"' in source, cls.__name__
