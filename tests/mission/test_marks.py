"""Committee marks: a run named by its id or its folder, the latest by default, an unknown run
refused with the client's runs named."""

from __future__ import annotations

from pathlib import Path

import pytest
from mission_runs import make_run, point_latest

from crmwb.core.errors import UsageError
from crmwb.mission.marks import mark, unmark
from crmwb.mission.runs import read_marks


@pytest.fixture
def acme(tmp_path: Path) -> Path:
    acme = tmp_path / "acme"
    make_run(acme, "20261105-101500", "failed")
    make_run(acme, "20261105-103000")
    make_run(acme, "20261205-172452")
    point_latest(acme, "20261205-172452")
    return acme


def test_the_latest_run_is_marked_by_default(acme):
    assert mark(acme, None, " CoPil 2 ").run_id == "20261205-172452"
    assert mark(acme, None, "CoPil 2").run_id == "20261205-172452"  # once only
    assert read_marks(acme) == {"20261205-172452": ["CoPil 2"]}
    assert not list(acme.glob(".marks.json.*"))  # written under a name of its own, renamed


def test_a_run_is_named_by_its_id_or_its_folder(acme):
    mark(acme, "20261105-103000", "CoPil 1")
    mark(acme, "20261105-101500-failed", "Point opérationnel")
    assert read_marks(acme) == {
        "20261105-103000": ["CoPil 1"],
        "20261105-101500": ["Point opérationnel"],
    }


def test_an_unknown_run_is_refused_naming_the_clients_runs(acme):
    with pytest.raises(UsageError) as info:
        mark(acme, "20261106", "CoPil 1")
    assert info.value.message("en") == (
        "a run of acme among: 20261105-101500-failed, 20261105-103000, 20261205-172452;"
        " found '20261106'"
    )
    assert read_marks(acme) == {}


def test_no_run_at_all(tmp_path):
    with pytest.raises(UsageError) as info:
        mark(tmp_path / "acme", None, "CoPil 1")
    assert info.value.message("en") == (
        "a run of acme; found no complete run to take by default (run it first: crmwb run acme)"
    )


def test_an_empty_label_is_refused(acme):
    with pytest.raises(UsageError) as info:
        mark(acme, None, "  ")
    assert info.value.message("en") == "a committee's name, such as 'CoPil 2'; found an empty name"


def test_a_mark_is_taken_off(acme):
    mark(acme, None, "CoPil 2")
    mark(acme, None, "CoPil 3")
    unmark(acme, None, "CoPil 2")
    assert read_marks(acme) == {"20261205-172452": ["CoPil 3"]}
    with pytest.raises(UsageError) as info:
        unmark(acme, None, "CoPil 9")
    assert info.value.message("en") == (
        "a mark of 20261205-172452 among: 'CoPil 3'; found 'CoPil 9'"
    )
    unmark(acme, None, "CoPil 3")
    assert read_marks(acme) == {}
    with pytest.raises(UsageError) as info:
        unmark(acme, None, "CoPil 3")
    assert info.value.message("en") == "a mark of 20261205-172452 (it has none); found 'CoPil 3'"
