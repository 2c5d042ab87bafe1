"""Journey analyses (crmwb.journey.model) on small hand-made journeys.

Every expected number is computable by hand; the computation is in the comment next to it.
"""

from __future__ import annotations

import pytest
from messages import raises_en

from crmwb.journey.model import (
    ALL_SEGMENTS,
    Channel,
    CoverageGap,
    Journey,
    MomentRule,
    Path,
    Perception,
    Persona,
    Quadrant,
    Segment,
    Stage,
    Touchpoint,
    coverage_gaps,
    emotion_curves,
    grid,
    importance_performance,
    journey_key,
    journey_order,
    missing_collection_points,
    moments_of_truth,
    path_metrics,
    perception_by_stage,
    quadrant_of,
)

SAT, FRI, DIS = Perception.SATISFACTION, Perception.FRICTION, Perception.DISAPPOINTMENT

# --- helpers -------------------------------------------------------------------------------


def tp(
    id: str,
    stage: str = "a",
    channel: str = "web",
    perception: Perception = SAT,
    emotion: int = 0,
    importance: int = 3,
    performance: int | None = None,
    **kwargs: str,
) -> Touchpoint:
    return Touchpoint(
        id,
        stage,
        channel,
        f"touchpoint {id}",
        perception,
        emotion,
        importance,
        performance,
        **kwargs,
    )


def journey(
    *touchpoints: Touchpoint,
    stages: tuple[str, ...] = ("a", "b"),
    channels: tuple[str, ...] = ("web", "store"),
    **kwargs: object,
) -> Journey:
    return Journey(
        tuple(Stage(s) for s in stages),
        tuple(Channel(c) for c in channels),
        touchpoints,
        **kwargs,  # type: ignore[arg-type]
    )


def ids(touchpoints: object) -> list[str]:
    return [t.id for t in touchpoints]  # type: ignore[attr-defined]


# --- grid and journey order ----------------------------------------------------------------


def test_grid_cells_in_sheet_order_and_counts() -> None:
    j = journey(
        tp("T3", "b", "web"),
        tp("T1", "a", "store"),
        tp("T2", "b", "web"),
        tp("T4", "a", "web"),
    )
    g = grid(j)
    assert g.stages == ("a", "b")
    assert g.channels == ("web", "store")
    assert ids(g.cell("b", "web")) == ["T3", "T2"]  # sheet order, not id order
    assert g.cell("b", "store") == ()
    assert g.count("b", "web") == 2
    assert g.stage_counts == {"a": 2, "b": 2}
    assert g.channel_counts == {"web": 3, "store": 1}
    assert g.total == 4
    assert g.empty_cells == (("b", "store"),)


def test_grid_cell_of_unknown_stage_or_channel() -> None:
    g = grid(journey(tp("T1")))
    with raises_en(r"a stage of the journey.*'z'"):
        g.cell("z", "web")
    with raises_en(r"a channel of the journey.*'fax'"):
        g.cell("a", "fax")


def test_journey_order_is_stage_then_channel_then_sheet() -> None:
    j = journey(
        tp("Z", "b", "web"),
        tp("Y", "a", "store"),
        tp("B", "a", "web"),
        tp("A", "a", "web"),
    )
    # stage a first; on it, channel web (B, A in sheet order) before store (Y); then stage b
    assert ids(journey_order(j)) == ["B", "A", "Y", "Z"]
    assert sorted(j.touchpoints, key=journey_key(j)) == list(journey_order(j))


# --- moments of truth ----------------------------------------------------------------------


def test_moments_ranked_by_score_satisfied_last() -> None:
    j = journey(
        tp("S5", perception=SAT, importance=5),  # 5 x 0 = 0: kept, last, to keep up
        tp("F4", perception=FRI, importance=4),  # 4 x 1 = 4
        tp("D4", perception=DIS, importance=4),  # 4 x 2 = 8
        tp("D3", perception=DIS, importance=3),  # importance 3 < 4: not a moment of truth
        tp("F5", perception=FRI, importance=5),  # 5 x 1 = 5
        tp("D5", perception=DIS, importance=5),  # 5 x 2 = 10
    )
    moments = moments_of_truth(j)
    assert [(m.rank, m.touchpoint.id, m.score) for m in moments] == [
        (1, "D5", 10),
        (2, "D4", 8),
        (3, "F5", 5),
        (4, "F4", 4),
        (5, "S5", 0),
    ]
    assert [m.to_fix for m in moments] == [True, True, True, True, False]


def test_moments_tie_broken_by_larger_gap_unknown_performance_is_no_gap() -> None:
    j = journey(
        tp("G1", perception=FRI, importance=5, performance=4),  # score 5, gap 5 - 4 = 1
        tp("G0", perception=FRI, importance=5),  # score 5, performance unknown: gap counts 0
        tp("G3", perception=FRI, importance=5, performance=2),  # score 5, gap 5 - 2 = 3
        tp("N1", perception=FRI, importance=4, performance=5),  # score 4, gap 4 - 5 = -1
        tp("N0", perception=FRI, importance=4),  # score 4, unknown: gap 0 > -1
    )
    moments = moments_of_truth(j)
    assert ids(m.touchpoint for m in moments) == ["G3", "G1", "G0", "N0", "N1"]
    assert [m.gap for m in moments] == [3, 1, None, None, -1]


def test_moments_tie_broken_by_lower_emotion() -> None:
    j = journey(
        tp("E1", perception=DIS, emotion=-1, importance=5, performance=3),  # 10, gap 2
        tp("E2", perception=DIS, emotion=-2, importance=5, performance=3),  # 10, gap 2
    )
    assert ids(m.touchpoint for m in moments_of_truth(j)) == ["E2", "E1"]


def test_moments_tie_broken_by_journey_order() -> None:
    # same score (5 x 2 = 10), same gap (unknown: 0), same emotion (-2)
    kw = {"perception": DIS, "emotion": -2, "importance": 5}
    j = journey(
        tp("Z", "b", "web", **kw),  # type: ignore[arg-type]
        tp("Y", "a", "store", **kw),  # type: ignore[arg-type]
        tp("B", "a", "web", **kw),  # type: ignore[arg-type]
        tp("A", "a", "web", **kw),  # type: ignore[arg-type]
    )
    assert ids(m.touchpoint for m in moments_of_truth(j)) == ["B", "A", "Y", "Z"]


def test_moments_min_importance_and_weights() -> None:
    j = journey(
        tp("I5", perception=FRI, importance=5),
        tp("I4", perception=DIS, importance=4),
        tp("I3", perception=DIS, importance=3),
        tp("I2", perception=DIS, importance=2),
    )
    assert ids(m.touchpoint for m in moments_of_truth(j)) == ["I4", "I5"]  # 8, 5
    low = moments_of_truth(j, MomentRule(min_importance=3))
    assert [(m.touchpoint.id, m.score) for m in low] == [("I4", 8), ("I3", 6), ("I5", 5)]
    assert ids(m.touchpoint for m in moments_of_truth(j, MomentRule(min_importance=5))) == ["I5"]
    # friction weighted 3: I5 = 5 x 3 = 15 above I4 = 4 x 2 = 8
    rule = MomentRule(weights={SAT: 0, FRI: 3, DIS: 2})
    assert [(m.touchpoint.id, m.score) for m in moments_of_truth(j, rule)] == [
        ("I5", 15),
        ("I4", 8),
    ]


@pytest.mark.parametrize("minimum", [0, 6])
def test_moment_rule_minimum_out_of_scale(minimum: int) -> None:
    with raises_en(f"minimum importance from 1 to 5.*found {minimum}"):
        MomentRule(min_importance=minimum)


def test_moment_rule_bad_weights() -> None:
    with raises_en(r"a weight for each perception.*none for friction"):
        MomentRule(weights={SAT: 0, DIS: 2})
    with raises_en("unknown perception 'anger'"):
        MomentRule(weights={SAT: 0, FRI: 1, DIS: 2, "anger": 3})  # type: ignore[dict-item]
    with raises_en("a weight >= 0 for friction; found -1"):
        MomentRule(weights={SAT: 0, FRI: -1, DIS: 2})


# --- importance-performance ----------------------------------------------------------------

# (importance, performance): P1 (5, 1), P2 (5, 5), P3 (3, 2), P4 (3, 4), P5 (4, 3), P6 (5, ?)
IP_JOURNEY = journey(
    tp("P1", importance=5, performance=1),
    tp("P2", importance=5, performance=5),
    tp("P3", importance=3, performance=2),
    tp("P4", importance=3, performance=4),
    tp("P5", importance=4, performance=3),
    tp("P6", importance=5),
)


def test_importance_performance_mean_crosshair() -> None:
    ip = importance_performance(IP_JOURNEY)
    # rated only (P6 left out): importance (5+5+3+3+4)/5 = 20/5 = 4; performance (1+5+2+4+3)/5 = 3
    assert ip.method == "mean"
    assert ip.crosshair == (4.0, 3.0)
    assert ip.quadrants == {
        "P1": Quadrant.CONCENTRATE_HERE,  # 5 >= 4, 1 < 3
        "P2": Quadrant.KEEP_UP_THE_GOOD_WORK,  # 5 >= 4, 5 >= 3
        "P3": Quadrant.LOW_PRIORITY,  # 3 < 4, 2 < 3
        "P4": Quadrant.POSSIBLE_OVERKILL,  # 3 < 4, 4 >= 3
        "P5": Quadrant.KEEP_UP_THE_GOOD_WORK,  # exactly on the crosshair (4, 3): high, high
    }
    assert ip.unrated == ("P6",)
    assert [(p.id, p.performance, p.importance) for p in ip.points][:2] == [
        ("P1", 1, 5),
        ("P2", 5, 5),
    ]
    assert ip.in_quadrant(Quadrant.KEEP_UP_THE_GOOD_WORK) == ("P2", "P5")


def test_importance_performance_midpoint_crosshair() -> None:
    ip = importance_performance(IP_JOURNEY, crosshair="midpoint")
    assert ip.crosshair == (3.0, 3.0)
    assert ip.quadrants == {
        "P1": Quadrant.CONCENTRATE_HERE,  # 5 >= 3, 1 < 3
        "P2": Quadrant.KEEP_UP_THE_GOOD_WORK,
        "P3": Quadrant.CONCENTRATE_HERE,  # importance 3 on the crosshair counts high; 2 < 3
        "P4": Quadrant.KEEP_UP_THE_GOOD_WORK,  # 3 >= 3, 4 >= 3
        "P5": Quadrant.KEEP_UP_THE_GOOD_WORK,  # 4 >= 3, 3 on the crosshair: high
    }
    assert ip.unrated == ("P6",)


def test_importance_performance_nothing_rated_and_bad_crosshair() -> None:
    ip = importance_performance(journey(tp("T1", importance=5)))
    assert ip.points == () and ip.unrated == ("T1",)
    assert ip.crosshair == (3.0, 3.0)  # no mean without a performance: the midpoint
    with raises_en('"mean" or "midpoint"'):
        importance_performance(IP_JOURNEY, crosshair="median")  # type: ignore[arg-type]


def test_quadrant_of_low_low_and_overkill() -> None:
    assert quadrant_of(2.9, 2.9, (3, 3)) is Quadrant.LOW_PRIORITY
    assert quadrant_of(2.9, 3, (3, 3)) is Quadrant.POSSIBLE_OVERKILL


# --- paths and emotion curves --------------------------------------------------------------

PATH_STAGES = ("discovery", "consideration", "purchase", "loyalty")
PATH_CHANNELS = ("search", "web", "phone", "store")
PATH_TOUCHPOINTS = (
    tp("S1", "discovery", "search", emotion=1),
    tp("W1", "consideration", "web", emotion=0),
    tp("P1", "consideration", "phone", emotion=-2),
    tp("W2", "discovery", "web", emotion=-2),
    tp("ST", "purchase", "store", emotion=2),
)
PATH_JOURNEY = journey(
    *PATH_TOUCHPOINTS,
    stages=PATH_STAGES,
    channels=PATH_CHANNELS,
    personas=(Persona("Marie"), Persona("Paul"), Persona("Zoe")),
    paths=(
        Path("Marie", ("S1", "W1", "P1", "W2", "ST")),
        Path("Paul", ("W2", "W1")),
        Path("Zoe", ()),
    ),
)


def test_path_metrics_omnichannel_path() -> None:
    marie = path_metrics(PATH_JOURNEY)[0]
    assert marie.persona == "Marie"
    assert ids(marie.steps) == ["S1", "W1", "P1", "W2", "ST"]
    # search, web, phone, web, store: 4 distinct channels in the order first used
    assert marie.channels == ("search", "web", "phone", "store")
    # search->web, web->phone, phone->web, web->store: 4 switches
    assert marie.channel_switches == 4
    assert marie.omnichannel
    # stage indexes 0, 1, 1, 0, 2: only W2 (0 after 1) goes back
    assert marie.backtracks == 1
    assert marie.stages_reached == ("discovery", "consideration", "purchase")
    assert marie.skipped_stages == ("loyalty",)
    assert marie.mean_emotion == pytest.approx(-0.2)  # (1 + 0 - 2 - 2 + 2) / 5
    assert marie.lowest_point is not None
    assert marie.lowest_point.id == "P1"  # P1 and W2 both -2: the first one met


def test_path_metrics_single_channel_and_empty_paths() -> None:
    _, paul, zoe = path_metrics(PATH_JOURNEY)
    assert paul.channels == ("web",)
    assert paul.channel_switches == 0
    assert not paul.omnichannel
    assert paul.backtracks == 0  # discovery then consideration: forward
    assert paul.mean_emotion == -1.0  # (-2 + 0) / 2
    assert paul.lowest_point is not None and paul.lowest_point.id == "W2"
    assert paul.skipped_stages == ("purchase", "loyalty")
    assert zoe.steps == () and zoe.channels == ()
    assert zoe.mean_emotion is None and zoe.lowest_point is None
    assert zoe.skipped_stages == PATH_STAGES


def test_emotion_curves() -> None:
    curves = emotion_curves(PATH_JOURNEY)
    assert list(curves) == ["Marie", "Paul", "Zoe"]
    # Marie: discovery (S1 1, W2 -2) -> -0.5; consideration (W1 0, P1 -2) -> -1; purchase 2
    assert curves["Marie"] == (-0.5, -1.0, 2.0, None)
    assert curves["Paul"] == (-2.0, 0.0, None, None)
    assert curves["Zoe"] == (None, None, None, None)


# --- coverage gaps -------------------------------------------------------------------------


def test_coverage_gaps() -> None:
    j = journey(
        tp("A1", "s1", "web"),  # segment "all": serves every segment on web at s1
        tp("A2", "s2", "store", segment="senior"),
        tp("A3", "s3", "web", segment="pro"),
        tp("A4", "s2", "web", segment="senior"),  # seniors do not use web: no cover for them
        stages=("s1", "s2", "s3"),
        channels=("web", "store", "phone"),
        segments=(
            Segment("young", channels=("web",)),
            Segment("senior", channels=("phone", "store"), stages=("s1", "s2")),
            Segment("pro"),
        ),
    )
    assert coverage_gaps(j) == (
        # young (web only, every stage): s1 has A1 (all); s2 only senior's; s3 only pro's
        CoverageGap("young", "s2", ("web",)),
        CoverageGap("young", "s3", ("web",)),
        # senior (store, phone; s1, s2): s1 has only A1, on web; s2 has A2 in store
        CoverageGap("senior", "s1", ("store", "phone")),  # journey order of the channels
        # pro (everything): s1 A1, s3 A3; s2 only senior touchpoints
        CoverageGap("pro", "s2", ("web", "store", "phone")),
    )


def test_no_segment_no_coverage_gap() -> None:
    assert coverage_gaps(journey(tp("T1", "a"))) == ()


def test_touchpoint_for_all_covers_every_segment() -> None:
    j = journey(
        tp("T1", "a", "web", segment=ALL_SEGMENTS),
        tp("T2", "b", "store", segment=ALL_SEGMENTS),
        segments=(Segment("x"), Segment("y", channels=("store",), stages=("b",))),
    )
    assert coverage_gaps(j) == ()


# --- collection points and perception mix --------------------------------------------------


def test_missing_collection_points() -> None:
    j = journey(
        tp("C1", "b", "web"),  # no collection point, collects nothing
        tp("C2", "a", "web", collection_point="web form", data_collected="e-mail"),
        tp("C3", "a", "store", collection_point="  ", data_collected="e-mail"),  # blank
        tp("C4", "a", "web", data_collected="postcode"),  # collects, but says not where
    )
    # journey order: a/web (C2, C4), a/store (C3), b/web (C1)
    assert ids(missing_collection_points(j)) == ["C4", "C3", "C1"]
    assert ids(missing_collection_points(j, collecting_only=True)) == ["C4", "C3"]


def test_perception_by_stage() -> None:
    j = journey(
        tp("T1", "a", perception=FRI),
        tp("T2", "a", perception=FRI),
        tp("T3", "a", perception=SAT),
        stages=("a", "b"),
    )
    assert perception_by_stage(j) == {
        "a": {SAT: 1, FRI: 2, DIS: 0},
        "b": {SAT: 0, FRI: 0, DIS: 0},
    }


# --- bad objects ---------------------------------------------------------------------------


def test_touchpoint_on_unknown_stage_or_channel() -> None:
    with raises_en(r"a known stage for touchpoint 'T1'.*found 'z'"):
        journey(tp("T1", "z"))
    with raises_en(r"a known channel for touchpoint 'T1'.*found 'fax'"):
        journey(tp("T1", "a", "fax"))


def test_path_through_unknown_touchpoint() -> None:
    with raises_en(r"a known touchpoint ID for the path of 'Marie'.*'T9'"):
        journey(tp("T1"), personas=(Persona("Marie"),), paths=(Path("Marie", ("T1", "T9")),))


@pytest.mark.parametrize("importance", [0, 6])
def test_importance_out_of_scale(importance: int) -> None:
    with raises_en(f"importance from 1 to 5 for touchpoint 'T1'.*{importance}"):
        tp("T1", importance=importance)


def test_persona_with_two_paths() -> None:
    with raises_en("one path per persona; found 'Marie' twice") as info:
        journey(
            tp("T1"),
            personas=(Persona("Marie"),),
            paths=(Path("Marie", ("T1",)), Path("Marie", ("T1",))),
        )
    assert str(info.value) == (  # no language of its own: French
        "un seul parcours par persona\u202f; trouvé\u00a0: «\u202fMarie\u202f» deux fois"
    )
