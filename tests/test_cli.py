"""The command line: a version, a config check an operator can run before deploying, and help on
every option, with the environment variables listed."""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from proxy.cli import build_parser, main
from proxy.settings import ENVIRONMENT, ConfigError, load_settings
from proxy.version import VERSION
from tests.conftest import ROOT


def test_version_is_printed():
    result = subprocess.run([sys.executable, "-m", "proxy.cli", "--version"], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == f"beliefloop {VERSION}"
    assert VERSION[0].isdigit()


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_config_check_prints_the_effective_config_with_secrets_masked(tmp_path, capsys, monkeypatch):
    data = yaml.safe_load((ROOT / "config.yaml").read_text())
    data["auth"] = {"keys": [{"key": "client-key-0123456789", "tenant": "acme"},
                             {"key_sha256": "a" * 64, "tenant": "beta"}]}
    data["model_list"] = [{"model_name": "claude", "litellm_params": {
        "model": "anthropic/claude-3-5-haiku-latest", "api_key": "sk-ant-literal-secret"}},
        {"model_name": "gem", "litellm_params": {"model": "gemini/x", "api_key": "os.environ/GEMINI_KEY"}}]
    monkeypatch.setenv("BELIEFLOOP_UPSTREAM_API_KEY", "sk-upstream-secret")
    monkeypatch.setenv("BELIEFLOOP_ADMIN_KEY", "admin-secret-key")
    monkeypatch.setenv("BELIEFLOOP_DATABASE_URL", "postgresql://bl:db-password@db:5432/beliefloop")
    monkeypatch.setenv("BELIEFLOOP_LOG_FORMAT", "json")
    assert main(["config", "check", "--config", str(write(tmp_path, data))]) == 0
    out, err = capsys.readouterr()
    for secret in ("sk-upstream-secret", "admin-secret-key", "db-password", "client-key-0123456789",
                   "sk-ant-literal-secret"):
        assert secret not in out and secret not in err
    shown = yaml.safe_load(out)
    assert shown["upstream"]["api_key"] == "***" and shown["admin_key"] == "***"
    assert shown["database_url"] == "postgresql://bl:***@db:5432/beliefloop"
    assert shown["auth"]["keys"][0]["key"] == "***" and shown["auth"]["keys"][1]["key_sha256"] == "a" * 64
    assert shown["model_list"][0]["litellm_params"]["api_key"] == "***"
    assert shown["model_list"][1]["litellm_params"]["api_key"] == "os.environ/GEMINI_KEY"  # a reference
    assert shown["logging"]["format"] == "json"  # the environment's override is part of the effect
    assert len(shown["rules"]) == len(data["rules"])
    assert "config OK" in err


def test_config_check_fails_with_the_servers_message(tmp_path, capsys):
    data = yaml.safe_load((ROOT / "config.yaml").read_text())
    data["rules"].append({"name": "broken", "when": {"length": "medium"}, "system": "x"})
    path = write(tmp_path, data)
    with pytest.raises(ConfigError) as raised:
        load_settings(path, environ={})
    assert main(["config", "check", "--config", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.strip() == f"beliefloop: {raised.value}"
    assert "broken" in err


def test_config_check_of_a_missing_file_fails(tmp_path, capsys):
    assert main(["config", "check", "--config", str(tmp_path / "nope.yaml")]) == 2
    assert "cannot read config" in capsys.readouterr().err


def _actions(parser: argparse.ArgumentParser, where: str = "beliefloop"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _actions(sub, f"{where} {name}")
        elif not isinstance(action, argparse._HelpAction):
            yield where, action


def test_every_option_and_argument_has_help():
    missing = [(where, action.dest) for where, action in _actions(build_parser())
               if not action.help or action.help == argparse.SUPPRESS]
    assert missing == []


def test_help_lists_every_environment_variable_and_readme_does_too():
    text = build_parser().format_help()
    serve = subprocess.run([sys.executable, "-m", "proxy.cli", "serve", "--help"], capture_output=True, text=True,
                           timeout=60).stdout
    readme = (ROOT / "README.md").read_text()
    for name, _ in ENVIRONMENT:
        assert name in text and name in serve, name
        assert f"`{name}`" in readme, name
