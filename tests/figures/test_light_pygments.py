"""tools/light.py's cut_pygments: the code colours of the token kinds some page has stay, the others go."""
from light import cut_pygments   # (tools/, on the path by tests/conftest.py)

CSS = """html[data-theme="light"] .highlight pre { line-height: 125%; }
html[data-theme="light"] .highlight .k { color: #6730C5 } /* Keyword */
html[data-theme="light"] .highlight .kc { color: #6730C5 } /* Keyword.Constant */
html[data-theme="dark"] .highlight .k { color: #ff7b72 } /* Keyword */
html[data-theme="dark"] .highlight .gd { color: #ffa198 } /* Generic.Deleted */
"""


def test_only_the_kinds_a_page_has_keep_their_colours(tmp_path):
    for d in ("_static", "zh/_static"):
        (tmp_path / d).mkdir(parents=True)
        (tmp_path / d / "pygments.css").write_text(CSS, encoding="utf8")
    (tmp_path / "a.html").write_text('<pre><span class="k">def</span> <span class="n">f</span></pre>')
    (tmp_path / "zh").joinpath("b.html").write_text('<pre><span class="kc">None</span></pre>')
    saved = cut_pygments(tmp_path)
    for d in ("_static", "zh/_static"):
        kept = (tmp_path / d / "pygments.css").read_text(encoding="utf8")
        assert ".highlight pre" in kept and kept.count(".highlight .k ") == 2 and ".highlight .kc" in kept
        assert ".gd" not in kept
    assert saved == 2 * len('html[data-theme="dark"] .highlight .gd { color: #ffa198 } /* Generic.Deleted */\n')
