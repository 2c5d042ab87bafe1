"""Client workbooks the tests write, each built once per session.

Building a workbook and saving it (``build_workbook`` then ``save_workbook``) costs 0.3-0.4 s,
and hundreds of tests start from the same few workbooks. :func:`write_workbook_file` builds each
distinct one once (keyed by its arguments' ``repr``: the inputs are frozen dataclasses) and gives
every test its own copy of the saved bytes, which it may damage as it likes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from crmwb.core.i18n import Lang
from crmwb.workbook.about import About
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.template import build_workbook

_SAVED: dict[str, bytes] = {}


def write_workbook_file(path: Path, lang: Lang, about: About | None = None, **filled: Any) -> Path:
    """``save_workbook(build_workbook(lang, about, **filled), path)``, built once a session."""
    key = repr((lang, about, sorted(filled.items())))
    saved = _SAVED.get(key)
    if saved is None:
        save_workbook(build_workbook(lang, about, **filled), path)
        _SAVED[key] = path.read_bytes()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(saved)
    return path
