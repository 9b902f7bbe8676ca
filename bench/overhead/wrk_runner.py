"""Closed-loop throughput with ``wrk`` (one thread, C keep-alive connections, POST bodies from Lua).

Each request gets a unique tag spliced into its body by the Lua ``request()`` hook (see
``workload.py`` for why bodies must not repeat). The ``done()`` hook prints one JSON line with the
counts and latency percentiles (microseconds), which :func:`run_wrk` parses.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

_TAG = "@@TAG@@"

_LUA = r"""
local prefix = [====[%(prefix)s]====]
local suffix = [====[%(suffix)s]====]
local path = [====[%(path)s]====]
local headers = %(headers)s
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("POST", path, headers, prefix .. "%(run)s-" .. counter .. suffix)
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests":%%d,"duration_us":%%d,"connect":%%d,"read":%%d,"write":%%d,"status":%%d,' ..
    '"timeout":%%d,"p50":%%d,"p90":%%d,"p99":%%d,"p999":%%d,"mean":%%.1f,"max":%%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9),
    latency.mean, latency.max))
end
"""


@dataclass(frozen=True)
class WrkResult:
    requests: int
    rps: float
    errors: int
    p50_ms: float
    p90_ms: float
    p99_ms: float
    p999_ms: float
    mean_ms: float


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def _lua_table(headers: dict[str, str]) -> str:
    items = ", ".join(f'["{k}"] = "{v}"' for k, v in headers.items())
    return "{" + items + "}"


def write_script(directory: Path, name: str, body_with_tag: bytes, path: str, headers: dict[str, str],
                 run: str) -> Path:
    """A Lua script sending ``body_with_tag`` with ``@@TAG@@`` replaced by a per-request counter."""
    prefix, suffix = body_with_tag.decode().split(_TAG)
    script = directory / f"wrk_{name}.lua"
    script.write_text(_LUA % {"prefix": prefix, "suffix": suffix, "path": path, "run": run,
                              "headers": _lua_table({"Content-Type": "application/json", **headers})})
    return script


def run_wrk(port: int, script: Path, connections: int, seconds: float, core: int | None,
            timeout_s: int = 10) -> WrkResult:
    argv = ["wrk", "-t1", f"-c{connections}", f"-d{max(1, round(seconds))}s", f"--timeout={timeout_s}s",
            "-s", str(script), f"http://127.0.0.1:{port}"]
    if core is not None:
        argv = ["taskset", "-c", str(core), *argv]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 120)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no result (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")
    data = json.loads(line[len("WRKJSON "):])
    errors = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return WrkResult(
        requests=data["requests"], rps=data["requests"] / (data["duration_us"] / 1e6), errors=errors,
        p50_ms=data["p50"] / 1000, p90_ms=data["p90"] / 1000, p99_ms=data["p99"] / 1000,
        p999_ms=data["p999"] / 1000, mean_ms=data["mean"] / 1000,
    )


TAG = _TAG

__all__ = ["TAG", "WrkResult", "run_wrk", "wrk_available", "write_script"]
