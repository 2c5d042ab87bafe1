"""The journey map's key results as data, on tests/journey/test_views.py's journey: four
touchpoints, two with friction or disappointment; moments of truth (importance 4 or more) T04
(5 x disappointment 2 = 10), T02 (5 x friction 1 = 5), T03 (4 x 0 = 0, to keep up)."""

from __future__ import annotations

from crmwb.deliver.results import items
from crmwb.deliver.views import Context
from crmwb.journey import views as journey_views
from crmwb.journey.key_results import key_results
from crmwb.journey.model import (
    Channel,
    Journey,
    Path,
    Perception,
    Persona,
    Segment,
    Stage,
    Touchpoint,
)

S, F, D = Perception.SATISFACTION, Perception.FRICTION, Perception.DISAPPOINTMENT

JOURNEY = Journey(
    stages=(Stage("Discovery"), Stage("Purchase"), Stage("Delivery")),
    channels=(Channel("Web site"), Channel("Store")),
    touchpoints=(
        Touchpoint("T01", "Discovery", "Web site", "Search results", S, 1, 3, 4),
        Touchpoint("T02", "Purchase", "Web site", "Checkout", F, -1, 5, 2, data_collected="email"),
        Touchpoint("T03", "Purchase", "Store", "Till", S, 1, 4, 4, collection_point="POS"),
        Touchpoint("T04", "Delivery", "Web site", "Créneau modifié", D, -2, 5, 1, segment="Web"),
    ),
    segments=(Segment("Web", channels=("Web site",)), Segment("Shop", channels=("Store",))),
    personas=(Persona("Anna", "Web"),),
    paths=(Path("Anna", ("T01", "T02", "T03")),),
)


def results(lang: str):
    return key_results(journey_views.analyse(JOURNEY, Context("Client", lang)))


def test_counts_and_the_moments_of_truth_ranked():
    en = results("en")
    assert en.analysis == "journey_mapping"
    assert {f.key: f.value for f in en.figures} == {
        "journey.touchpoints": 4,
        "journey.pain_points": 2,  # T02 friction, T04 disappointment
        "journey.moments": 3,  # importance 4 or more: T02, T03, T04
        "journey.moments_to_fix": 2,  # T04 and T02 (T03 satisfies)
        "journey.missing_collection_points": 3,  # T01, T02, T04: only T03 names one (POS)
        "journey.omnichannel_paths": 1,  # Anna: web site then store
    }
    assert [(i.id, i.label, i.detail) for i in items(en, "moments_of_truth")] == [
        ("delivery/creneau-modifie", "Créneau modifié (Delivery · Web site)", "To fix"),
        ("purchase/checkout", "Checkout (Purchase · Web site)", "To fix"),
        ("purchase/till", "Till (Purchase · Store)", "To keep up"),
    ]


def test_the_same_keys_values_and_ids_in_french_and_english():
    fr, en = results("fr"), results("en")
    assert [(f.key, f.value) for f in fr.figures] == [(f.key, f.value) for f in en.figures]
    assert [i.id for i in items(fr, "moments_of_truth")] == [
        i.id for i in items(en, "moments_of_truth")
    ]
    assert [i.detail for i in items(fr, "moments_of_truth")] == [
        "À traiter",
        "À traiter",
        "À préserver",
    ]
    assert fr.figure("journey.moments_to_fix").label == "Moments de vérité à corriger"


def test_a_journey_without_paths_has_no_omnichannel_count():
    bare = Journey(JOURNEY.stages, JOURNEY.channels, JOURNEY.touchpoints)
    got = key_results(journey_views.analyse(bare, Context("Client", "en")))
    assert "journey.omnichannel_paths" not in {f.key for f in got.figures}
