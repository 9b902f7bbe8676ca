"""Start, pin, watch and stop the benchmark's server processes (mock upstream, beliefloop, LiteLLM).

Pinning: on a machine with two or more cores the servers under test run on one core and the load
generator (this process, and the mock upstream with it) on another, with ``taskset``. The mock
shares the load generator's core because it is part of the floor: its cost is the same for every
target, and keeping it off the servers' core means a proxy never competes with its own upstream.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import httpx

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_LITELLM_VENV = Path(os.environ.get("LITELLM_VENV", "/work/litellm-venv"))


@dataclass(frozen=True)
class Placement:
    """Which core runs what; ``None`` = not pinned (one core, or no ``taskset``)."""

    servers: int | None
    client: int | None

    @classmethod
    def detect(cls) -> "Placement":
        cores = sorted(os.sched_getaffinity(0))
        if len(cores) < 2 or shutil.which("taskset") is None:
            return cls(None, None)
        return cls(servers=cores[1], client=cores[0])

    def describe(self) -> str:
        if self.servers is None:
            return "not pinned (fewer than 2 cores or no taskset)"
        return (f"servers under test on core {self.servers}; load generator and mock upstream on "
                f"core {self.client}")

    def pin_self(self) -> None:
        if self.client is not None:
            os.sched_setaffinity(0, {self.client})


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def loopback_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for a server: no HTTP proxy may sit between loopback peers."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.update(extra or {})
    return env


def process_runtime_ns(pid: int) -> int:
    """CPU time of every thread of ``pid`` so far, in ns (``/proc/<pid>/task/*/schedstat``)."""
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat", "rb") as f:
                total += int(f.read().split(None, 1)[0])
        except (OSError, ValueError, IndexError):
            pass
    return total


class Proc:
    """One server process this benchmark started (and only ever stops by its own pid)."""

    def __init__(self, name: str, argv: list[str], core: int | None, env: dict[str, str],
                 log_path: Path, cwd: Path = REPO) -> None:
        self.name, self.log_path = name, log_path
        if core is not None:
            argv = ["taskset", "-c", str(core), *argv]  # taskset execs: the pid is the server's
        self._log = open(log_path, "wb")
        self.popen = subprocess.Popen(argv, env=env, stdout=self._log, stderr=subprocess.STDOUT,
                                      stdin=subprocess.DEVNULL, cwd=str(cwd))

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def _pids(self) -> list[int]:
        """This process and its descendants (a server may fork workers)."""
        found, frontier = [self.pid], [self.pid]
        while frontier:
            parent = frontier.pop()
            try:
                children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                found.append(child)
                frontier.append(child)
        return found

    def rss_bytes(self) -> int:
        """Resident set size summed over the process tree (VmRSS)."""
        total = 0
        for pid in self._pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            except OSError:
                pass
        return total

    def runtime_ns(self) -> int:
        """CPU time of every thread in the process tree, in ns: fine-grained enough to tell
        whether the server is still busy a millisecond later."""
        return sum(process_runtime_ns(pid) for pid in self._pids())

    def cpu_seconds(self) -> float:
        """User + system CPU time of the process tree so far."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0.0
        for pid in self._pids():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks
        return total

    def settle(self, idle_fraction: float = 0.05, window_s: float = 0.5, timeout_s: float = 120.0) -> float:
        """Wait until the process is idle (queued background writes done); return seconds waited."""
        start = time.monotonic()
        while time.monotonic() - start < timeout_s:
            before = self.cpu_seconds()
            time.sleep(window_s)
            if self.cpu_seconds() - before < idle_fraction * window_s:
                break
        return time.monotonic() - start

    def stop(self) -> None:
        if self.alive():
            self.popen.send_signal(signal.SIGINT)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=10)
        self._log.close()

    def log_tail(self, lines: int = 20) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class CoreLoad:
    """How much of one core *other* processes used over a window: the core's busy time
    (``/proc/stat``) minus the CPU time of our own processes pinned to it. The machine may be
    shared (other sessions' tests and benchmarks); a window where it was is worth repeating."""

    def __init__(self, core: int | None, ours: list[Callable[[], int]]) -> None:
        self.core, self.ours = core, ours
        self._start: tuple[float, int, float] | None = None

    def _busy_s(self) -> float:
        ticks = os.sysconf("SC_CLK_TCK")
        for line in Path("/proc/stat").read_text().splitlines():
            if line.startswith(f"cpu{self.core} "):
                user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, line.split()[1:9])
                return (user + nice + system + irq + softirq + steal) / ticks
        return 0.0

    def start(self) -> None:
        if self.core is not None:
            self._start = (self._busy_s(), sum(read() for read in self.ours), time.monotonic())

    def foreign(self) -> float | None:
        """Fraction of the window (0..1) the core spent on processes that are not ours."""
        if self._start is None:
            return None
        busy0, ours0, t0 = self._start
        wall = time.monotonic() - t0
        ours = (sum(read() for read in self.ours) - ours0) / 1e9
        return max(0.0, (self._busy_s() - busy0 - ours) / wall) if wall > 0 else None


def wait_ready(proc: Proc, url: str, timeout_s: float = 90.0, headers: dict[str, str] | None = None) -> None:
    deadline = time.monotonic() + timeout_s
    with httpx.Client(trust_env=False, timeout=2.0) as client:
        while time.monotonic() < deadline:
            if not proc.alive():
                raise RuntimeError(f"{proc.name} exited during startup:\n{proc.log_tail()}")
            try:
                if client.get(url, headers=headers).status_code < 500:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
    raise RuntimeError(f"{proc.name} did not become ready at {url} within {timeout_s:.0f}s:\n{proc.log_tail()}")


def start_mock(port: int, core: int | None, logs: Path, *, latency_ms: float, chunks: int,
               chunk_gap_ms: float) -> Proc:
    argv = [sys.executable, str(HERE / "mock_upstream.py"), "--port", str(port),
            "--latency-ms", str(latency_ms), "--chunks", str(chunks), "--chunk-gap-ms", str(chunk_gap_ms)]
    proc = Proc("mock upstream", argv, core, loopback_env(), logs / "mock.log")
    wait_ready(proc, f"http://127.0.0.1:{port}/v1/models")
    return proc


def export_source(ref: str, dest: Path) -> str:
    """Extract the committed tree at ``ref`` into ``dest`` (``git archive``: the work tree is not
    touched); returns the short commit hash."""
    dest.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(["git", "rev-parse", "--short", ref], cwd=REPO, capture_output=True, text=True,
                            check=True, timeout=30).stdout.strip()
    archive = subprocess.run(["git", "archive", ref], cwd=REPO, capture_output=True, check=True, timeout=120)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True, timeout=120)
    return commit


def source_env(source: Path | None) -> dict[str, str]:
    """Environment that makes ``import proxy`` resolve to ``source`` (ahead of the editable install)."""
    return {"PYTHONPATH": str(source), "BELIEFLOOP_SOURCE": str(source)} if source else {}


def start_beliefloop(port: int, core: int | None, logs: Path, *, upstream: str, database: Path,
                     admin_key: str, config: Path, source: Path | None = None) -> Proc:
    """``beliefloop serve`` as documented: one uvicorn worker, default settings. ``source``: run
    the code in that directory (an exported commit) instead of the work tree."""
    argv = [sys.executable, "-m", "proxy.cli", "serve", "--config", str(config), "--host", "127.0.0.1",
            "--port", str(port), "--log-level", "warning"]
    env = loopback_env({"BELIEFLOOP_UPSTREAM_BASE_URL": upstream,
                        "BELIEFLOOP_DATABASE_URL": f"sqlite:///{database}",
                        "BELIEFLOOP_ADMIN_KEY": admin_key, **source_env(source)})
    env.pop("BELIEFLOOP_CONFIG", None)
    proc = Proc("beliefloop", argv, core, env, logs / "beliefloop.log", cwd=source or REPO)
    wait_ready(proc, f"http://127.0.0.1:{port}/healthz")
    return proc


def litellm_available(venv: Path) -> bool:
    return (venv / "bin" / "litellm").exists()


def install_litellm(venv: Path) -> tuple[bool, str]:
    """Run ``setup_litellm.sh`` (creates the separate venv); returns (ok, last lines of output)."""
    result = subprocess.run(["bash", str(HERE / "setup_litellm.sh"), str(venv)], capture_output=True,
                            text=True, timeout=900)
    output = (result.stdout + result.stderr).strip().splitlines()
    return result.returncode == 0 and litellm_available(venv), "\n".join(output[-5:])


def start_litellm(port: int, core: int | None, logs: Path, *, upstream: str, master_key: str,
                  venv: Path) -> Proc:
    """The LiteLLM proxy CLI with default settings (1 worker) and one model pointing at the mock."""
    config = logs / "litellm.yaml"
    config.write_text(
        "model_list:\n"
        "  - model_name: gpt-bench\n"
        "    litellm_params:\n"
        "      model: openai/gpt-bench\n"
        f"      api_base: {upstream}\n"
        "      api_key: sk-bench\n"
    )
    argv = [str(venv / "bin" / "litellm"), "--config", str(config), "--host", "127.0.0.1",
            "--port", str(port)]
    # The master key is required to start; the local cost map avoids a fetch (no network here).
    env = loopback_env({"LITELLM_MASTER_KEY": master_key, "LITELLM_LOCAL_MODEL_COST_MAP": "True"})
    proc = Proc("litellm", argv, core, env, logs / "litellm.log")
    wait_ready(proc, f"http://127.0.0.1:{port}/health/liveliness", timeout_s=180)
    return proc


def litellm_version(venv: Path) -> str:
    try:
        out = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "import importlib.metadata as m; print(m.version('litellm'))"],
                             capture_output=True, text=True, timeout=60)
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"


__all__ = ["CoreLoad", "process_runtime_ns", "DEFAULT_LITELLM_VENV", "Placement", "Proc", "export_source", "free_port", "source_env", "install_litellm",
           "litellm_available", "litellm_version", "start_beliefloop", "start_litellm", "start_mock"]
