"""Stable ids for the results: the same whatever the report's language, unique in a list."""

from __future__ import annotations

from dataclasses import dataclass, field

from crmwb.deliver.result_items import finding_ids, finding_items, slug, stable_id, unique_ids
from crmwb.deliver.views import Context


@dataclass(frozen=True)
class F:
    rule: str
    subject: str
    values: dict[str, object] = field(default_factory=dict)
    severity: str = "warning"


def test_slugs_ignore_case_accents_and_punctuation():
    assert slug("Sage CRM") == slug("sage  crm") == slug("SAGE-CRM") == "sage-crm"
    assert slug("Après-vente") == "apres-vente"
    assert stable_id("Achat", "", "Paiement en ligne") == "achat/paiement-en-ligne"
    assert unique_ids(["a", "a", "b"]) == ("a", "a~2", "b")


def test_finding_ids_are_rule_and_subject_and_tell_repeated_ones_apart_by_their_values():
    findings = [
        F("no_kpi", "Welcome"),
        F("unknown_touchpoint", "Birthday", {"what": "scenario", "touchpoint": "T99"}),
        F("unknown_touchpoint", "Birthday", {"what": "scenario", "touchpoint": "T98"}),
        F("adoption_low", "", {"share": 0.4}),
        F("adoption_low", "", {"share": 0.4}),
    ]
    assert finding_ids(findings) == (
        "no_kpi/welcome",
        "unknown_touchpoint/birthday/scenario/t99",
        "unknown_touchpoint/birthday/scenario/t98",
        "adoption_low/0-4",
        "adoption_low/0-4~2",
    )


def test_finding_items_carry_the_report_s_text_and_the_severity_in_the_client_s_language():
    findings = [F("no_kpi", "Welcome"), F("unrecognised_kpi", "Loyalty", severity="info")]
    fr = finding_items(findings, ["a", "b"], Context("C", "fr"))
    en = finding_items(findings, ["a", "b"], Context("C", "en"))
    assert [i.id for i in fr] == [i.id for i in en]
    assert [i.detail for i in en] == ["To fix", "For information"]
    assert [i.detail for i in fr] == ["À corriger", "Pour information"]
