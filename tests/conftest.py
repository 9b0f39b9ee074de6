import sys
from pathlib import Path

from hypothesis import settings

# The same examples on every run: a red CI run can be reproduced, a green one is not luck.
settings.register_profile("book", derandomize=True, deadline=None)
settings.load_profile("book")

# tools/toc.py: the book's one list of pages (_toc.yml), importable as `toc` by every test
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
