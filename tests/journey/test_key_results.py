"""The journey map's key results as data, on tests/journey/test_views.py's journey: four
touchpoints, two with friction or disappointment; moments of truth (importance 4 or more) T04
(5 x disappointment 2 = 10), T02 (5 x friction 1 = 5), T03 (4 x 0 = 0, to keep up). And, on
both examples, the summary's sentences and the series of the charts, against the perception
table and the emotion curves the report draws."""

from __future__ import annotations

import math

import pytest
from chart_artists import lines

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.results import items, save_chart_image
from crmwb.deliver.views import Context
from crmwb.journey import charts as journey_charts
from crmwb.journey import views as journey_views
from crmwb.journey.key_results import GRID_IMAGE, key_results
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
from crmwb.journey.views import JourneyReport
from crmwb.run.clients import load_client

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


# --- the conclusion and the charts ------------------------------------------------------------


def example(slug: str) -> JourneyReport:
    client = load_client(EXAMPLES_DIR / slug)
    return journey_views.analyse(client.journey(), Context.of(client.about, None))


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_conclusion_is_the_summary_s_sentences(slug):
    report = example(slug)
    _figures, text = journey_views.summary_parts(report)
    assert key_results(report).conclusion == text.paragraphs
    assert any("**" in sentence for sentence in text.paragraphs)


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_charts_series_are_what_the_report_shows(slug, tmp_path):
    report, ctx = example(slug), example(slug).ctx
    # the journey map: the picture of the figure the report shows, saved for the deck
    grid = journey_views.grid_chart(report)
    image = save_chart_image(tmp_path, GRID_IMAGE, grid)
    assert image == "results/journey_mapping.grid.png"
    assert (tmp_path / image).read_bytes().startswith(b"\x89PNG")
    grid_chart, perception, emotions = key_results(report, image).charts
    assert (grid_chart.key, grid_chart.kind, grid_chart.image) == ("journey.grid", "image", image)
    assert [c.key for c in key_results(report).charts] == ["journey.perception", "journey.emotions"]
    # the perceptions by stage: the report's perception table, stage by stage
    table = journey_views.perception_table(report.journey, ctx)
    stages = table.rows[:-1]  # the last row is the total
    assert perception.categories == tuple(row[0] for row in stages)
    assert [s.name for s in perception.series] == [c.title for c in table.columns[1:4]]
    for i, series in enumerate(perception.series, start=1):
        assert series.values == tuple(row[i] for row in stages)
    # the emotion curves: each persona's line as drawn (a gap where its path has no step)
    curves = journey_views.drawn_curves(report.journey)
    figure = journey_charts.emotion_curves(report.journey.stage_names, curves, ctx)
    drawn = lines(figure.axes[0])
    assert [s.name for s in emotions.series] == list(drawn)
    for series in emotions.series:
        ys = [y for _, y in drawn[series.name]]
        assert [None if math.isnan(y) else y for y in ys] == list(series.values)
    assert emotions.categories == report.journey.stage_names
    assert emotions.y_title == figure.axes[0].get_ylabel()


def test_numbers_a_consultant_recomputes():
    report = journey_views.analyse(JOURNEY, Context("Client", "en"))
    perception, emotions = key_results(report).charts
    # Discovery: T01 satisfied; Purchase: T03 satisfied, T02 friction; Delivery: T04 disappointed
    assert perception.categories == ("Discovery", "Purchase", "Delivery")
    assert [(s.name, s.values) for s in perception.series] == [
        ("Satisfaction", (1, 1, 0)),
        ("Friction", (0, 1, 0)),
        ("Disappointment", (0, 0, 1)),
    ]
    # Anna's path T01 (+1), then T02 (-1) and T03 (+1) at the purchase: (-1 + 1) / 2 = 0; no
    # step at the delivery
    (anna,) = emotions.series
    assert (anna.name, anna.values) == ("Anna", (1.0, 0.0, None))
