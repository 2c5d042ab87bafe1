"""The TCO's key results as data, on the guide's worked example (DOMAIN.md §4,
tests/worked_cases.py): licence 3 000 + 6 000 + 7 x 600 = 13 200; SaaS 2 000 + 7 x 2 880 =
22 160 over 7 years, for 4 users; SaaS becomes the dearer option in month 37."""

from __future__ import annotations

import pytest
from worked_cases import SEED

from crmwb.deliver.views import Context
from crmwb.tco.key_results import key_results
from crmwb.tco.model import TcoSettings, compare_options


@pytest.fixture
def study():
    return compare_options(SEED, TcoSettings(horizon_years=7, discount_rate=0.08, users=4))


def ctx(lang: str) -> Context:
    return Context("Maison Dupont", lang, "EUR")


def values(results):
    return {f.key: f.value for f in results.figures}


def test_each_option_s_total_present_value_and_cost_per_user(study):
    results = key_results(study, ctx("en"))
    assert results.analysis == "tco" and results.lang == "en"
    got = values(results)
    assert got["tco.total.licence"] == pytest.approx(13_200)
    assert got["tco.total.saas"] == pytest.approx(22_160)
    # PV at 8 %: annuity factor (1 - 1.08^-7) / 0.08 = 5.206370; licence 9 000 + 600 x 5.206370
    # = 12 123.82; SaaS 2 000 + 2 880 x 5.206370 = 16 994.35 (tests/tco/test_views.py)
    assert got["tco.present_value.licence"] == pytest.approx(12_123.82, abs=0.01)
    assert got["tco.present_value.saas"] == pytest.approx(16_994.35, abs=0.01)
    # 13 200 / (4 users x 84 months) = 39.29; 22 160 / 336 = 65.95
    assert got["tco.per_user_month.licence"] == pytest.approx(39.29, abs=0.005)
    assert got["tco.per_user_month.saas"] == pytest.approx(65.95, abs=0.005)
    total = results.figure("tco.total.licence")
    assert total is not None and (total.unit, total.better) == ("EUR", "lower")
    assert total.label == "Total cost (undiscounted): Licence"


def test_the_cheapest_option_its_saving_and_the_break_even(study):
    results = key_results(study, ctx("en"))
    (cheapest,) = results.recommendations
    assert (cheapest.key, cheapest.value, cheapest.id) == ("tco.cheapest", "Licence", "licence")
    # 22 160 - 13 200 = 8 960
    saving = results.figure("tco.saving")
    assert saving is not None and saving.value == pytest.approx(8_960) and saving.better == "higher"
    assert values(results)["tco.break_even.month"] == 37


def test_french_labels_and_the_same_keys_and_ids_in_both_languages(study):
    fr, en = key_results(study, ctx("fr")), key_results(study, ctx("en"))
    assert [f.key for f in fr.figures] == [f.key for f in en.figures]
    assert [f.value for f in fr.figures] == [f.value for f in en.figures]
    assert [(r.key, r.id) for r in fr.recommendations] == [
        (r.key, r.id) for r in en.recommendations
    ]
    labels = {f.key: f.label for f in fr.figures}
    assert labels["tco.total.licence"] == "Coût total (non actualisé)\u00a0: Licence"
    assert labels["tco.present_value.saas"] == "Valeur actuelle à 8,0\u00a0%\u00a0: SaaS"
    assert fr.recommendations[0].label == "Option la moins chère sur 7\u00a0ans"


def test_without_discounting_no_present_value_and_one_option_no_recommendation():
    undiscounted = compare_options(SEED, TcoSettings(horizon_years=7, users=4))
    keys = [f.key for f in key_results(undiscounted, ctx("en")).figures]
    assert not any(k.startswith("tco.present_value.") for k in keys)
    single = compare_options(SEED[:3], TcoSettings(horizon_years=7))
    results = key_results(single, ctx("en"))
    assert [f.key for f in results.figures] == ["tco.total.licence"]
    assert results.recommendations == ()
