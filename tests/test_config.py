"""config.yaml: validated at load, clear messages for bad files, live reload keeps the last good rules."""

from __future__ import annotations

import asyncio
import os

import pytest
import respx
import yaml

from proxy import ConfigError, create_app, load_settings, settings_from_dict
from proxy.reload import reload_now
from tests.conftest import ROOT, base_config, running

DEV = {"auth": {"development_mode": True}}


def test_repository_config_loads():
    settings = load_settings(ROOT / "config.yaml", environ={})
    assert len(settings.compiled_rules()) >= 15


def test_environment_overrides_apply():
    settings = load_settings(ROOT / "config.yaml", environ={
        "BELIEFLOOP_UPSTREAM_BASE_URL": "http://x/v1", "BELIEFLOOP_UPSTREAM_API_KEY": "sk-env",
        "BELIEFLOOP_DATABASE_URL": "sqlite:///env.db", "BELIEFLOOP_ADMIN_KEY": "adm"})
    assert settings.upstream.base_url == "http://x/v1" and settings.upstream.api_key == "sk-env"
    assert settings.database_url == "sqlite:///env.db" and settings.admin_key == "adm"


def test_upstream_key_is_not_in_settings_repr():
    settings = settings_from_dict({"upstream": {"api_key": "sk-secret"}, **DEV}, environ={})
    assert "sk-secret" not in repr(settings)


@pytest.mark.parametrize("rule,fragment", [
    ({"when": {"length": "tiny"}, "system": "x"}, "allowed: concise, detailed"),
    ({"when": {"mood": "happy"}, "system": "x"}, "unknown dimension 'mood'"),
    ({"when": {"length": "concise"}, "system": "Say {secret}"}, "{secret} is not allowed"),
    ({"when": {}, "system": "x"}, "at least one"),
])
def test_bad_rules_fail_with_a_clear_message(rule, fragment):
    with pytest.raises(ConfigError) as raised:
        settings_from_dict({"rules": [rule], **DEV}, environ={})
    assert fragment in str(raised.value)
    assert "rules[0]" in str(raised.value)


def test_unknown_keys_are_rejected():
    with pytest.raises(ConfigError) as raised:
        settings_from_dict({"upstrem": {}, **DEV}, environ={})
    assert "upstrem" in str(raised.value)


def test_extra_dimensions_from_config_can_be_used_in_rules():
    settings = settings_from_dict({"dimensions": {"units": ["metric", "imperial"]},
                                   "rules": [{"when": {"units": "metric"}, "system": "Use {units} units."}],
                                   **DEV},
                                  environ={})
    assert settings.compiled_rules()[0].when == (("units", "metric"),)


@respx.mock
async def test_reload_adopts_new_rules_and_rejects_a_bad_file(tmp_path, respx_mock):
    path = tmp_path / "config.yaml"
    data = base_config(tmp_path)
    path.write_text(yaml.safe_dump(data))
    settings = load_settings(path, environ={})
    app = create_app(settings, watch=False)
    async with running(app):
        runtime = app.state.runtime
        data["rules"] = [{"name": "only", "when": {"emoji": "avoid"}, "system": "No emoji at all."}]
        path.write_text(yaml.safe_dump(data))
        assert reload_now(runtime) is True
        assert [r.name for r in runtime.rules] == ["only"]
        path.write_text("rules: [{when: {length: tiny}, system: x}]")
        assert reload_now(runtime) is False
        assert [r.name for r in runtime.rules] == ["only"]


async def test_watcher_picks_up_file_changes(tmp_path):
    path = tmp_path / "config.yaml"
    data = base_config(tmp_path)
    path.write_text(yaml.safe_dump(data))
    app = create_app(load_settings(path, environ={}), watch=True)
    async with running(app):
        runtime = app.state.runtime
        data["rules"] = [{"name": "watched", "when": {"emoji": "avoid"}, "system": "No emoji."}]
        path.write_text(yaml.safe_dump(data))
        os.utime(path, (1, 1))  # a distinct mtime even on coarse filesystems
        for _ in range(50):
            if [r.name for r in runtime.rules] == ["watched"]:
                break
            await asyncio.sleep(0.1)
        assert [r.name for r in runtime.rules] == ["watched"]


def test_no_keys_without_development_mode_is_refused():
    with pytest.raises(ConfigError) as raised:
        settings_from_dict({}, environ={})
    assert "development_mode" in str(raised.value)


def test_client_auth_passthrough_with_proxy_keys_is_refused():
    with pytest.raises(ConfigError) as raised:
        settings_from_dict({"upstream": {"auth": "client"},
                            "auth": {"keys": [{"key": "bl-0123456789abcdef", "tenant": "t"}]}}, environ={})
    assert "would forward beliefloop client keys" in str(raised.value)


def test_readme_open_models_example_is_a_valid_config():
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Open models", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    settings = settings_from_dict({**yaml.safe_load(example), **DEV}, environ={})
    assert (settings.upstream.responses, settings.upstream.system_role, settings.upstream.cap_field) == \
        ("translate", "none", "max_tokens")


def test_rule_caps_take_a_plain_limit_or_cap_and_add():
    rules = [{"name": "a", "when": {"length": "concise"}, "system": "Short.", "max_tokens": 600},
             {"name": "b", "when": {"length": "detailed"}, "system": "Long.", "max_tokens": {"cap": 900, "add": True}}]
    compiled = settings_from_dict({**DEV, "rules": rules}, environ={}).compiled_rules()
    assert [(r.cap.limit, r.cap.add) for r in compiled] == [(600, False), (900, True)]
    with pytest.raises(ConfigError):
        settings_from_dict({**DEV, "rules": [{**rules[0], "max_tokens": {"cap": 0}}]}, environ={})
