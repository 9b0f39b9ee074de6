"""The configs the two editions are built with, derived from _config.yml (and written where the build reads them).

    _config.yml              the book, as a reader of the repository expects it
    locales/zh_CN/config.yml the Chinese edition's own settings (title, language, search, interface strings)

configs() lays them out as two dicts: English is _config.yml plus what both editions share (the translations'
folder, one catalogue per page, the links between twin pages of _ext/i18n_ext.py, one record of the math styles);
Chinese is that plus locales/zh_CN/config.yml. write_configs() writes them into <out>/_build/_config_en.yml and
_config_zh.yml, the files the build reads (never edit those by hand). tools/build.py and tools/pdf.py use them.
"""
import copy
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
LANG = "zh_CN"


def merge(base, extra):
    """base updated by extra, recursively for dicts (a new object; base is not changed)."""
    out = copy.deepcopy(base)
    for key, val in extra.items():
        if isinstance(val, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], val)
        else:
            out[key] = copy.deepcopy(val)
    return out


def _yaml(path):
    return yaml.safe_load(path.read_text(encoding="utf8"))


def configs(out):
    """The English and the Chinese config, as dicts. ``out``: the build's output folder (its _build/ holds the
    record of the math styles both editions share)."""
    base = _yaml(ROOT / "_config.yml")
    # A config outside the book root: local extension paths must be absolute (they are resolved from the
    # config file's folder)
    local = {name: str((ROOT / path).resolve())
             for name, path in base.get("sphinx", {}).get("local_extensions", {}).items()}
    local["i18n_ext"] = str(ROOT / "_ext")
    en = merge(base, {"sphinx": {"local_extensions": local, "config": {
        "locale_dirs": [str(LOCALES)],
        "gettext_compact": False,      # one catalogue per page: one .po file per translator
        "gettext_location": False,     # no source line numbers: .po files change only when text changes
        "gettext_uuid": False,
        # tools/typeset.js's record of the math styles the pages need, one for both editions (issue 21): the
        # Chinese edition's stylesheet then covers the English one's too, and both share it
        "book_mathjax_usage": str(Path(out) / "_build" / "mathjax-usage.json"),
    }}})
    zh_own = _yaml(LOCALES / LANG / "config.yml")
    search = zh_own["sphinx"]["config"]["html_search_options"]
    search["dict"] = str(LOCALES / search["dict"])
    return en, merge(en, zh_own)


def write_configs(out):
    """Write both configs into <out>/_build/; return their paths (English, Chinese)."""
    cfg_dir = Path(out) / "_build"
    cfg_dir.mkdir(parents=True, exist_ok=True)
    en, zh = configs(out)
    note = ("# Written by tools/book_config.py from _config.yml and locales/zh_CN/config.yml: do not edit, "
            "edit those\n")
    paths = cfg_dir / "_config_en.yml", cfg_dir / "_config_zh.yml"
    for path, cfg in zip(paths, (en, zh)):
        path.write_text(note + yaml.safe_dump(cfg, allow_unicode=True, sort_keys=False), encoding="utf8")
    return paths
