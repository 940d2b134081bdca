"""denominator, place and modality of extracted metrics (transforms.context), in whole sentences."""
from __future__ import annotations

import pytest

from core.records import MODALITIES, Metric
from transforms import context
from transforms.metrics import extract_metrics


def one(sentence: str, text: str) -> Metric:
    [metric] = [m for m in extract_metrics(sentence, "2020-06-01") if m.text == text]
    return metric


@pytest.mark.parametrize(("sentence", "text", "denominator"), [
    ("In 2019, R&D expenditures accounted for nearly 2.8% of GDP.", "2.8%", "gdp"),
    ("Its R&D spending accounted for 7.6% of the total revenue.", "7.6%", "total revenue"),
    ("High-tech industries made up 55.1% of the city's industrial added value in 2019.", "55.1%",
     "city's industrial added value"),
    ("Exports rose by 17.6% year-on-year.", "17.6%", None),           # a change has no denominator
])
def test_denominator_is_what_a_share_is_of(sentence: str, text: str, denominator: str | None) -> None:
    assert one(sentence, text).denominator == denominator


@pytest.mark.parametrize(("sentence", "text", "place"), [
    ("R&D intensity in Hangzhou was 3.4% last year.", "3.4%", "Hangzhou"),
    ("Zhejiang's GDP reached 6.2 trillion yuan in 2019.", "6.2 trillion yuan", "Zhejiang"),
    ("Ningbo ranked first in Zhejiang province with 12,524 innovative start-ups.", "12,524 innovative start-ups",
     None),                                                         # Ningbo's figure, Zhejiang is the scope
    ("Exports to Germany rose by 17.6% year-on-year.", "17.6%", None),  # Ningbo's exports
    ("The city's R&D intensity was 2.8%, higher than in Shanghai.", "2.8%", None),  # comparison only
    ("Ningbo's output value was 1.2 trillion yuan.", "1.2 trillion yuan", None),
])
def test_place_is_another_place_the_fact_is_about(sentence: str, text: str, place: str | None) -> None:
    assert one(sentence, text).place == place


@pytest.mark.parametrize(("sentence", "text", "modality"), [
    ("The city will have 8,000 high-tech enterprises in 2025.", "8,000 high-tech enterprises", "target"),
    ("The zone strives to launch 100 strategic innovation products in five years.",
     "100 strategic innovation products", "target"),
    ("Analysts expect GDP to grow by about 3.5% this year.", "3.5%", "forecast"),
    ("Output is expected to reach 50 billion yuan in 2021.", "50 billion yuan", "forecast"),
    ("By the end of 2018, the city had 23,611 valid invention patents.", "23,611 valid invention patents",
     "actual"),
    ("Exports rose by 17.6%, while the city plans to add 300 firms next year.", "17.6%", "actual"),
    ("Exports rose by 17.6%, while the city plans to add 300 firms next year.", "300 firms", "target"),
])
def test_modality_tells_facts_from_targets_and_forecasts(sentence: str, text: str, modality: str) -> None:
    assert one(sentence, text).modality == modality


def test_every_metric_has_a_known_modality() -> None:
    body = ("Ningbo will build 10 labs. Analysts forecast 5% growth. Exports were 1.1 trillion yuan, "
            "up 7.4%. R&D accounted for 2.9% of GDP.")
    assert {m.modality for m in extract_metrics(body)} <= set(MODALITIES)
    assert context.modality("plain fact of 5%", 14, 16) == "actual"
    with pytest.raises(ValueError, match="modality"):
        Metric(1.0, "count", "level", None, None, None, "1", 0, 1, modality="rumour")
