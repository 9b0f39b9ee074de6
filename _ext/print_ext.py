"""The printable book (issue 24): what the one-page build (Sphinx's singlehtml builder) needs.

tools/pdf.py builds each edition as one page and prints it with Chromium. MyST-NB puts a notebook's saved
widget state (the explorables) only on that notebook's own page; on the single page that is the root page,
which has none. Here every chapter's stored widget state goes on the single page, with the loader
(book_static/anywidgets.js) once, so the printed book draws every explorable as the web book does.
Other builders are left alone.
"""


def _every_widget_state(app, pagename, templatename, context, doctree):
    if app.builder.name != "singlehtml" or pagename != app.config.root_doc:
        return
    from myst_nb.sphinx_ import NbMetadataCollector

    own = NbMetadataCollector.get_js_files(app.env, pagename)   # MyST-NB adds these itself
    loaders = {uri for uri, _ in own.values() if uri}
    for docname in sorted(getattr(app.env, "nb_metadata", {})):
        if docname == pagename:
            continue
        for key, (uri, kwargs) in NbMetadataCollector.get_js_files(app.env, docname).items():
            if key == "ipywidgets_state":
                app.add_js_file(None, **kwargs)
            elif uri and uri not in loaders:
                loaders.add(uri)
                app.add_js_file(uri, **kwargs)


def _html_handlers_for_singlehtml(app):
    """Sphinx gives a translator the node handlers registered for its builder's name, and falls back on its
    format ("html") only when no extension registered any for that name. Some extensions register handlers
    for "singlehtml", so nodes registered for "html" alone (MyST-NB's hidden code cells) would have none:
    the singlehtml builder gets every "html" handler it lacks."""
    if app.builder.name != "singlehtml":
        return
    handlers = app.registry.translation_handlers
    for name, pair in handlers.get("html", {}).items():
        handlers.setdefault("singlehtml", {}).setdefault(name, pair)


def setup(app):
    app.connect("builder-inited", _html_handlers_for_singlehtml)
    app.connect("html-page-context", _every_widget_state)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
