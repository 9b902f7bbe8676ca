"""The flywheel benchmark's quick setup as a regression test: learning must not get worse.

4 personas x 1 seed x 12 interactions (``python -m bench.flywheel --quick``), deterministic. The
thresholds sit a few points below the figures measured when they were set (in brackets), so a
change that slows learning, plants wrong beliefs or stops reading a signal fails here. If a change
makes learning better, raise them.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml

from bench.flywheel import BenchConfig, run_benchmark
from bench.flywheel.fake_llm import instructions
from bench.flywheel.runner import REPO


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    # Users speak held-out words (the interpretation corpus's test split).
    return asyncio.run(run_benchmark(BenchConfig.quick()))


def test_applied_means_any_wording_tentative_or_firm(results):
    # The metrics count a belief as applied from the least confidence any rule acts at: the
    # tentative wording's 0.84 (0.85 before run T2), not the firm 0.92 (issue 15).
    assert results["meta"]["apply_threshold"] == 0.84 and results["meta"]["firm_threshold"] == 0.92


def test_beliefs_are_recovered_by_the_last_interaction(results):
    f1 = results["curves"]["f1"]
    assert f1[4] >= 0.3  # interaction 5 [0.38]
    # [0.94] quiet; 0.69 once with the machine fully loaded (an edit's language is detected on a
    # thread, and when it lands after the next request the run takes another path)
    assert f1[9] >= 0.6  # interaction 10 [0.94]
    assert f1[11] >= 0.6  # interaction 12 [0.94]
    assert results["curves"]["precision"][11] >= 0.9  # [0.95]


def test_first_correct_belief_is_applied_within_six_interactions(results):
    assert results["cold_start"]["first_correct_belief"]["median"] <= 6  # [5.5]


def test_personalised_replies_beat_the_unpersonalised_baseline(results):
    alignment = results["alignment"]
    assert alignment["mean_second_half"] >= 0.5  # [0.71; 0.58 under full load]
    assert alignment["mean_second_half"] >= 1.8 * alignment["baseline_mean_second_half"]  # [0.71 vs 0.25]


def test_noisy_users_plant_few_wrong_beliefs(results):
    # Acting on two clear signals costs robustness: one of the four quick runs gets a wrong belief
    # at each noise level (full run: 4/42 at 10%, 8/42 at 20%; README "How learning works").
    for level in ("noise=0.10", "noise=0.20"):
        assert results["robustness"][level]["runs_with_wrong_belief"] <= 1, level  # [1, 1]


def test_no_directive_lands_on_a_dimension_without_a_preference(results):
    assert results["nopref"]["share"] <= 0.02  # [0.00]


def test_confidence_calibration_does_not_get_worse(results):
    assert results["calibration"]["ece"] <= 0.15  # [0.140; 0.133 before runs T1-T2, 0.152 with T3's blame 0.05]


def test_every_edit_and_nearly_every_correction_the_user_makes_is_read(results):
    detection = results["signal_audit"]["detection"]
    missed = {want: d for want, d in detection["edit"].items() if d["read"] < d["intended"]}
    assert not missed, f"edit: {missed}"
    # Corrections are held-out phrasings (the interpreter reads ~79% of that corpus): this run
    # draws 7 and one ("expertise=beginner") is not read.
    follow_ups = detection["follow_up"].values()
    assert sum(d["read"] for d in follow_ups) >= sum(d["intended"] for d in follow_ups) - 1  # [6 of 7]


def test_fake_llm_understands_every_directive_in_config():
    """If a rule's wording changes, the fake LLM must still follow it, or the benchmark measures
    nothing: this names the rule whose directive it no longer recognises."""
    rules = yaml.safe_load((REPO / "config.yaml").read_text())["rules"]
    for rule in rules:
        for wording in ("system", "tentative"):
            if wording not in rule:
                continue
            text = rule[wording].format(language_name="German", **rule["when"])
            wants = {d: ("de" if v == "*" else v) for d, v in rule["when"].items()}
            understood = instructions(text)
            assert {d: understood.get(d) for d in wants} == wants, (rule.get("name"), wording)
