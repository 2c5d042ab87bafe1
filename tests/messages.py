"""What the tests of crmwb's messages share."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from crmwb.core.errors import CrmwbError, InputError


@contextmanager
def raises_en(
    pattern: str, error: type[CrmwbError] = InputError
) -> Iterator[pytest.ExceptionInfo[CrmwbError]]:
    """An ``error`` whose message, written in English, matches ``pattern``: a pure module's
    errors carry no language of their own (shown as they are, they are in French, the default;
    a workbook's are in its language)."""
    with pytest.raises(error) as info:
        yield info
    message = info.value.message("en")
    assert re.search(pattern, message), message
