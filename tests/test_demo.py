"""``beliefloop demo``: a first run without an API key shows the loop working, end to end."""

from __future__ import annotations

import io
import re
import subprocess
import sys

import yaml

from proxy.demo import run_demo
from proxy.demo.standin import Style, reply_text
from tests.conftest import ROOT


def test_the_walkthrough_shows_signals_confidence_and_what_the_next_request_got():
    out = io.StringIO()
    assert run_demo(port=0, keep_serving=False, pause_s=0, out=out) == 0
    text = out.getvalue()
    steps = re.findall(r"^\[(\d)/5\]", text, re.MULTILINE)
    assert steps == ["1", "2", "3", "4", "5"]
    step = {number: block for number, block in re.findall(r"^\[(\d)/5\](.*?)(?=^\[\d/5\]|\Z)", text,
                                                          re.MULTILINE | re.DOTALL)}
    assert "observed  edit:" in step["2"] and "length=concise +1.00" in step["2"]
    assert "observed  follow-up:" in step["3"] and "Kürzer bitte" in step["3"]
    moved = re.search(r"length=concise\s+(0\.\d\d) → (0\.\d\d)", step["3"])
    assert moved and float(moved.group(1)) < float(moved.group(2))  # the follow-up raised it
    # Two clear signals (the edit and the German follow-up) are enough: from step 3 on the belief
    # shapes replies, in tentative wording until it is firm (issue 15).
    assert moved and float(moved.group(2)) >= 0.85 and "applied from now on" in step["3"]
    assert "length=concise~tentative" in step["3"] and "reply     17 words" in step["3"]
    assert "observed  thumbs:" in step["4"]
    # What the next request got agrees with the confidence the walkthrough showed.
    assert "applied   emoji=avoid~tentative;length=concise~tentative (x-beliefloop-applied)" in step["5"]
    assert "| - Lean towards shorter answers" in step["5"] and "| - Keep answers short" not in step["5"]
    assert "nothing (a belief needs 0.84 confidence" in step["1"] and "nothing (a belief" in step["2"]
    assert re.search(r"http://127\.0\.0\.1:\d+/me\?token=\S+", text)


def test_the_demo_command_runs_without_a_key_and_exits_when_asked():
    result = subprocess.run([sys.executable, "-m", "proxy.cli", "demo", "--exit", "--port", "0", "--pause", "0"],
                            capture_output=True, text=True, timeout=180,
                            env={"PATH": "/usr/bin:/bin", "HOME": "/tmp"})
    assert result.returncode == 0, result.stderr
    assert "[5/5]" in result.stdout and "/me?token=" in result.stdout
    assert result.stderr == ""  # the server stays quiet


def test_the_stand_in_follows_the_directives_it_is_given():
    long = reply_text("How can I make my Python code faster?", Style())
    assert long.count("\n- ") >= 4 and "😊" in long
    short = reply_text("How can I make my Python code faster?", Style.asked_by(
        "- Keep answers short: lead with the answer\n- Do not use emoji.\n"
        "- Always answer in German, whatever language the question is in."))
    assert short == "Erst messen: das Programm profilieren und nur die heißen Stellen optimieren."


def test_the_demo_uses_the_shipped_rules_and_learning_settings():
    shipped = yaml.safe_load((ROOT / "config.yaml").read_text())
    packaged = yaml.safe_load((ROOT / "proxy" / "demo" / "config.yaml").read_text())
    for section in ("rules", "learning", "injection", "interpreter", "dimensions"):
        assert packaged[section] == shipped[section], f"copy config.yaml to proxy/demo/config.yaml ({section})"
