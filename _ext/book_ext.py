"""Small fixes to the default Jupyter Book 1 page, so that every page loads with no console error.

* sphinx-thebe's settings script is emitted twice on every page ("Identifier 'THEBE_JS_URL' has already
  been declared") and names a CDN. Thebe is off in _config.yml (it needs a network), so its scripts go.
* The theme's colour mode is empty unless set ("Got invalid theme mode: . Resetting to auto."): set it.
"""


def _fix_page(app, pagename, templatename, context, doctree):
    if not context.get("default_mode"):
        context["default_mode"] = "auto"
    scripts = context.get("script_files")
    if scripts is None:
        return
    keep = [s for s in scripts
            if "THEBE_JS_URL" not in (getattr(s, "attributes", {}).get("body", "") or "")
            and "thebe" not in str(s).split("/")[-1]]
    scripts[:] = keep


def setup(app):
    app.connect("html-page-context", _fix_page, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
