"""beliefloop's overhead benchmark: one command, one table, one JSON file.

    /work/venv/bin/python bench/overhead/run.py [--quick] [--soak-seconds N] [--no-litellm]

Starts a loopback mock upstream, beliefloop and the LiteLLM proxy (all against that mock), then
measures in one run: paired latency at concurrency 1, throughput with wrk at several
concurrencies, streaming first-event and inter-event delays, body sizes, an in-process
microbenchmark, and beliefloop's RSS over a soak. See README.md beside this file for the method.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

import httpx
import uvloop

sys.path.insert(0, str(Path(__file__).resolve().parent))

import report  # noqa: E402
from measure import Quiet, Sender, Target, body_phase, latency_phase, soak_phase, stream_phase  # noqa: E402
from servers import (  # noqa: E402
    DEFAULT_LITELLM_VENV,
    HERE,
    REPO,
    CoreLoad,
    Placement,
    Proc,
    export_source,
    free_port,
    install_litellm,
    litellm_available,
    litellm_version,
    process_runtime_ns,
    source_env,
    start_beliefloop,
    start_litellm,
    start_mock,
)
from workload import BELIEF_CONFIDENCE, BELIEFS, Bodies  # noqa: E402
from wrk_runner import TAG, run_wrk, write_script, wrk_available  # noqa: E402

ADMIN_KEY = "bench-admin-key"
LITELLM_KEY = "sk-bench-master"
PERSONAL_USER, LEARNING_USER = "bench-personal", "bench-learning"


@dataclass(frozen=True)
class Mode:
    name: str
    warmup: int              # requests per target before measuring
    latency_rounds: int      # paired rounds at concurrency 1
    body_rounds: int
    stream_rounds: int
    wrk_seconds: float       # per (target, concurrency) at the main levels
    wrk_short_seconds: float  # per (target, concurrency) at the low levels
    micro_iterations: int
    soak_seconds: float
    soak_rate: float         # req/s during the soak
    soak_users: int


FULL = Mode("full", warmup=300, latency_rounds=2000, body_rounds=300, stream_rounds=400, wrk_seconds=15,
            wrk_short_seconds=8, micro_iterations=20_000, soak_seconds=600, soak_rate=200, soak_users=20)
QUICK = Mode("quick", warmup=100, latency_rounds=300, body_rounds=40, stream_rounds=60, wrk_seconds=4,
             wrk_short_seconds=3, micro_iterations=5_000, soak_seconds=20, soak_rate=200, soak_users=20)

MAIN_LEVELS = (8, 32, 64)
LOW_LEVELS = (1, 2, 4)  # only for "best req/s within the p99 budget"
BODY_SIZES = [1_000, 50_000, 500_000]
MOCK_LATENCY_MS, MOCK_CHUNKS, MOCK_GAP_MS = 1.0, 10, 3.0
LEARNING_PAUSE_S = 0.005
WRK_RETRIES = 2          # repeat a wrk run while other processes used more than ...
WRK_MAX_FOREIGN = 0.05   # ... this fraction of the servers' core (a shared machine)
QUIET_WINDOW_S = 2.0     # before each phase: other processes must use at most ...
QUIET_MAX_FOREIGN = 0.10  # ... this fraction of each core over one window


class Run:
    def __init__(self, args: argparse.Namespace) -> None:
        base = QUICK if args.quick else FULL
        soak = base.soak_seconds if args.soak_seconds is None else args.soak_seconds
        self.mode = Mode(**{**asdict(base), "soak_seconds": soak})
        self.args = args
        self.t0 = time.monotonic()
        self.placement = Placement.detect()
        self.notes: list[str] = []
        self.procs: list[Proc] = []
        self.run_id = f"r{int(time.time())}"
        self.bodies = Bodies()

    def log(self, message: str) -> None:
        print(f"[{time.monotonic() - self.t0:6.1f}s] {message}", file=sys.stderr, flush=True)

    # -- setup ---------------------------------------------------------------------------------

    def start(self, workdir: Path) -> None:
        p = self.placement
        self.mock_port, self.bl_port = free_port(), free_port()
        upstream = f"http://127.0.0.1:{self.mock_port}/v1"
        self.log(f"placement: {p.describe()}")
        self.mock = start_mock(self.mock_port, p.client, workdir, latency_ms=MOCK_LATENCY_MS,
                               chunks=MOCK_CHUNKS, chunk_gap_ms=MOCK_GAP_MS)
        self.procs.append(self.mock)
        self.source: Path | None = None
        if self.args.source:
            self.source = workdir / "src"
            self.commit = export_source(self.args.source, self.source)
            self.log(f"measuring commit {self.commit} ({self.args.source}), exported to {self.source}")
        self.config = Path(self.args.config) if self.args.config else (self.source or REPO) / "config.yaml"
        self.bl = start_beliefloop(self.bl_port, p.servers, workdir, upstream=upstream,
                                   database=workdir / "beliefloop.db", admin_key=ADMIN_KEY,
                                   config=self.config, source=self.source)
        self.procs.append(self.bl)
        self.log(f"mock on :{self.mock_port}, beliefloop on :{self.bl_port}")
        self.litellm: Proc | None = None
        self.litellm_ver = "not run"
        if self.args.no_litellm:
            self.notes.append("LiteLLM proxy skipped (--no-litellm); ratios to LiteLLM are not computed")
            return
        venv = Path(self.args.litellm_venv)
        if not litellm_available(venv):
            self.log(f"installing the LiteLLM proxy into {venv} (setup_litellm.sh) ...")
            ok, output = install_litellm(venv)
            if not ok:
                self.notes.append(f"LiteLLM proxy skipped: setup_litellm.sh failed: {output}")
                return
        self.lite_port = free_port()
        try:
            self.litellm = start_litellm(self.lite_port, p.servers, workdir, upstream=upstream,
                                         master_key=LITELLM_KEY, venv=venv)
            self.procs.append(self.litellm)
            self.litellm_ver = litellm_version(venv)
            self.log(f"LiteLLM {self.litellm_ver} on :{self.lite_port}")
        except RuntimeError as error:
            self.notes.append(f"LiteLLM proxy skipped: it did not start: {str(error).splitlines()[0]}")

    def set_beliefs(self, users: list[str]) -> None:
        headers = {"Authorization": f"Bearer {ADMIN_KEY}"}
        with httpx.Client(base_url=f"http://127.0.0.1:{self.bl_port}", trust_env=False, timeout=30) as client:
            for user in users:
                for dimension, value in BELIEFS.items():
                    r = client.put(f"/admin/users/{user}/beliefs/{dimension}", headers=headers,
                                   json={"value": value, "confidence": BELIEF_CONFIDENCE})
                    if r.status_code != 200:
                        raise RuntimeError(f"setting a belief failed: {r.status_code} {r.text}")

    def targets(self) -> dict[str, Target]:
        out = {
            "direct": Target("direct", "direct", self.mock_port),
            "passthrough": Target("passthrough", "beliefloop, no user", self.bl_port),
            "personalised": Target("personalised", "beliefloop, personalised", self.bl_port, user=PERSONAL_USER),
            "learning": Target("learning", "beliefloop, learning", self.bl_port, user=LEARNING_USER, learning=True),
        }
        if self.litellm is not None:
            out["litellm"] = Target("litellm", "LiteLLM proxy", self.lite_port,
                                    headers={"authorization": f"Bearer {LITELLM_KEY}"})
        return out

    # -- phases --------------------------------------------------------------------------------

    def run_async(self, coroutine):
        return uvloop.run(coroutine)

    async def _warmup(self, targets: list[Target]) -> dict[str, str]:
        sender = Sender(targets, self.bodies, f"{self.run_id}-warm", LEARNING_PAUSE_S)
        try:
            for i in range(self.mode.warmup):
                for t in targets:
                    await sender.once(t, 1_000, f"w{i}", stream=(i % 10 == 9 and not t.learning))
            return sender.applied
        finally:
            sender.close()

    def quiet(self) -> Quiet:
        servers = [self.bl.runtime_ns] + ([self.litellm.runtime_ns] if self.litellm else [])
        cpu_of = {"direct": self.mock.runtime_ns, "passthrough": self.bl.runtime_ns,
                  "personalised": self.bl.runtime_ns, "learning": self.bl.runtime_ns}
        if self.litellm:
            cpu_of["litellm"] = self.litellm.runtime_ns
        return Quiet(servers, cpu_of)

    async def _phase(self, targets: list[Target], fn, *args):
        quiet = self.quiet()
        sender = Sender(targets, self.bodies, self.run_id, LEARNING_PAUSE_S, quiet)
        load = self.core_load()
        load.start()
        try:
            result = await fn(sender, *args, self.log)
        finally:
            sender.close()
        self.foreign[fn.__name__] = round(load.foreign() or 0.0, 3)
        result["cpu_ns"] = quiet.cpu_ns
        if quiet.timeouts:
            self.extra[f"idle waits that timed out ({fn.__name__})"] = str(quiet.timeouts)
        return result

    def micro(self) -> dict | None:
        argv = [sys.executable, str(HERE / "micro.py"), "--iterations", str(self.mode.micro_iterations),
                "--config", str(self.config)]
        if self.placement.servers is not None:
            argv = ["taskset", "-c", str(self.placement.servers), *argv]
        out = subprocess.run(argv, capture_output=True, text=True, timeout=600,
                             env={**os.environ, **source_env(self.source)})
        if out.returncode != 0:
            self.notes.append(f"microbenchmark failed: {out.stderr.strip().splitlines()[-1:]}")
            return None
        return json.loads(out.stdout.strip().splitlines()[-1])

    def throughput(self, targets: dict[str, Target], workdir: Path) -> dict:
        if not wrk_available():
            self.notes.append("throughput skipped: wrk not found (apt-get install -y wrk)")
            return {}
        keys = [k for k in ("direct", "passthrough", "personalised", "litellm") if k in targets]
        scripts = {}
        for k in keys:
            t = targets[k]
            body = self.bodies.body(1_000, TAG, user=t.user)
            scripts[k] = write_script(workdir, k, body, t.path, t.headers, f"{self.run_id}-wrk{k}")
        runs: dict[str, dict[int, object]] = {k: {} for k in keys}
        self.foreign["throughput"] = {}
        levels = [(c, self.mode.wrk_short_seconds) for c in LOW_LEVELS] + \
                 [(c, self.mode.wrk_seconds) for c in MAIN_LEVELS]
        load, client_load = self.core_load(), self.client_load()
        for c, seconds in levels:
            if self.mode.name != "quick":  # a quick run waits before phases only
                self.await_quiet(f"wrk c={c}")
            for k in keys:  # interleaved: every target at this concurrency before the next one
                best = None
                retries = 0 if self.mode.name == "quick" else WRK_RETRIES
                for attempt in range(1 + retries):
                    if attempt:
                        self.await_quiet(f"wrk {k} c={c}, attempt {attempt + 1}")
                    load.start()
                    client_load.start()
                    r = run_wrk(targets[k].port, scripts[k], c, seconds, self.placement.client)
                    foreign = max(load.foreign() or 0.0, client_load.foreign() or 0.0)
                    self.log(f"wrk {k} c={c}: {r.rps:.0f} req/s, p99 {r.p99_ms:.1f} ms, {r.errors} errors; "
                             f"other processes used {100 * foreign:.0f}% of a core")
                    self.settle(k, c)
                    if best is None or foreign < best[1]:
                        best = (r, foreign)
                    if foreign <= WRK_MAX_FOREIGN or self.waited_s >= self.args.wait_budget:
                        break
                runs[k][c] = best[0]
                self.foreign["throughput"][f"{k} c={c}"] = round(best[1], 3)
        return runs

    def await_quiet(self, label: str) -> None:
        """Wait (bounded by --quiet-wait) until other processes leave both cores alone.

        This machine may be shared: other work on the servers' core is charged to whichever
        server is being measured, and on the load generator's core it slows the client."""
        if self.placement.servers is None or self.args.quiet_wait <= 0:
            return
        if self.waited_s >= self.args.wait_budget:
            return  # the run's whole waiting budget is spent: measure as things are
        cores = [self.core_load(), self.client_load()]
        window = QUIET_WINDOW_S / 2 if self.mode.name == "quick" else QUIET_WINDOW_S
        start = time.monotonic()
        while True:
            for core in cores:
                core.start()
            time.sleep(window)
            busy = [core.foreign() or 0.0 for core in cores]
            waited = time.monotonic() - start
            if max(busy) <= QUIET_MAX_FOREIGN:
                break
            if waited >= self.args.quiet_wait:
                self.notes.append(f"{label}: the machine was still busy with other processes after "
                                  f"{waited:.0f} s of waiting; measured anyway")
                break
            if waited < window * 1.5 or int(waited) % 30 < window:
                self.log(f"waiting for other processes to leave the cores ({100 * busy[0]:.0f}% / "
                         f"{100 * busy[1]:.0f}% busy) before {label}")
        self.waited_s += time.monotonic() - start - window

    def core_load(self) -> CoreLoad:
        """Other processes' use of the servers' core."""
        ours = [self.bl.runtime_ns] + ([self.litellm.runtime_ns] if self.litellm else [])
        return CoreLoad(self.placement.servers, ours)

    def client_load(self) -> CoreLoad:
        """Other processes' use of the load generator's core (ours: this process, wrk, the mock)."""
        def children_ns() -> int:
            t = os.times()
            return int((t.children_user + t.children_system) * 1e9)
        return CoreLoad(self.placement.client,
                        [self.mock.runtime_ns, lambda: process_runtime_ns(os.getpid()), children_ns])

    def settle(self, key: str, c: int) -> None:
        """Let the server that was just loaded finish its after-response work (write-behind)."""
        proc = self.litellm if key == "litellm" else self.bl if key != "direct" else None
        if proc is None:
            return
        drained = proc.settle()
        if drained > 1.5:
            self.extra[f"{proc.name} still busy after wrk {key} c={c} (queued work)"] = f"{drained:.1f} s"

    def learning_check(self) -> str:
        with httpx.Client(base_url=f"http://127.0.0.1:{self.bl_port}", trust_env=False, timeout=60) as client:
            r = client.get(f"/admin/users/{LEARNING_USER}/observations", params={"limit": 1000},
                           headers={"Authorization": f"Bearer {ADMIN_KEY}"})
        if r.status_code != 200:
            return f"could not read observations: HTTP {r.status_code}"
        kinds: dict[str, int] = {}
        for o in r.json().get("observations", []):
            kinds[o.get("kind")] = kinds.get(o.get("kind"), 0) + 1
        return ", ".join(f"{k}={v}" for k, v in sorted(kinds.items())) + " (latest 1000 observations)"

    # -- the whole run -------------------------------------------------------------------------

    def execute(self) -> dict:
        self.placement.pin_self()
        self.extra: dict[str, str] = {}
        self.foreign: dict[str, object] = {}
        self.waited_s = 0.0
        m = self.mode
        with tempfile.TemporaryDirectory(prefix="beliefloop-bench-") as tmp:
            workdir = Path(tmp)
            try:
                self.start(workdir)
                soak_users = [f"soak-{i}" for i in range(m.soak_users)]
                self.set_beliefs([PERSONAL_USER, LEARNING_USER, *soak_users])
                targets = self.targets()
                order = list(targets.values())
                self.log(f"warm-up: {m.warmup} requests per target")
                applied = self.run_async(self._warmup(order))
                self.extra["x-beliefloop-applied (personalised)"] = applied.get("personalised") or "(none!)"
                if not applied.get("personalised"):
                    raise RuntimeError("personalised requests were not personalised (no applied beliefs)")
                idle = {"beliefloop": self.bl.rss_bytes() / 2**20}
                if self.litellm is not None:
                    idle["litellm"] = self.litellm.rss_bytes() / 2**20

                self.await_quiet("microbenchmark")
                self.log("microbenchmark")
                micro = self.micro()

                self.await_quiet("latency")
                self.log(f"latency: {m.latency_rounds} paired rounds at concurrency 1")
                lat = self.run_async(self._phase(order, latency_phase, m.latency_rounds, 1_000, 1))
                self.extra["learning signals seen by beliefloop"] = self.learning_check()

                self.await_quiet("body sizes")
                self.log(f"body sizes: {m.body_rounds} paired rounds")
                sized = [t for t in order if not t.learning]
                bodies = self.run_async(self._phase(sized, body_phase, m.body_rounds, BODY_SIZES, 2))

                self.await_quiet("streaming")
                self.log(f"streaming: {m.stream_rounds} paired rounds")
                stream = self.run_async(self._phase(sized, stream_phase, m.stream_rounds, MOCK_CHUNKS, 3))
                self.bl.settle()

                self.log("throughput (wrk)")
                thr = self.throughput(targets, workdir)

                self.bl.settle()
                self.await_quiet("soak")
                self.log(f"soak: {m.soak_seconds:.0f} s at {m.soak_rate:.0f} req/s")
                load = self.core_load()
                load.start()
                soak = self.run_async(soak_phase(targets, soak_users, m.soak_seconds, m.soak_rate,
                                                 self.bl.rss_bytes, self.bodies, self.run_id, LEARNING_PAUSE_S,
                                                 self.log))
                self.foreign["soak_phase"] = round(load.foreign() or 0.0, 3)
                drained = self.bl.settle()
                self.extra["beliefloop busy after the soak"] = f"{drained:.1f} s"
                soak["samples"].append((soak["elapsed_s"] + drained, self.bl.rss_bytes()))
            finally:
                for proc in reversed(self.procs):
                    proc.stop()

        summary: dict = {"meta": self.meta(), "idle_rss_mib": idle}
        summary["latency"] = report.latency_summary(lat)
        summary["bodies"] = report.body_summary(bodies)
        summary["streaming"] = report.stream_summary(stream)
        if thr:
            summary["throughput"] = report.throughput_summary(thr)
        if micro:
            summary["micro"] = micro
        summary["rss"] = report.rss_summary(soak)
        summary["extra"] = self.extra
        summary["foreign_load"] = self.foreign
        if self.waited_s > 1:
            self.extra["time spent waiting for a quiet machine"] = f"{self.waited_s:.0f} s"
        summary["checks"] = report.checks(summary)
        summary["meta"]["elapsed_s"] = round(time.monotonic() - self.t0, 1)
        return summary

    def meta(self) -> dict:
        if self.source is not None:
            commit = self.commit
        else:
            try:
                commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                        text=True, timeout=10).stdout.strip() or "unknown"
                dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO,
                                       capture_output=True, text=True, timeout=10).stdout.strip()
                commit += " + uncommitted changes (work tree)" if dirty else ""
            except (OSError, subprocess.TimeoutExpired):
                commit = "unknown"
        m = self.mode
        return {
            "mode": m.name, "started": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit, "python": platform.python_version(), "cpus": os.cpu_count(),
            "placement": self.placement.describe(),
            "mock": f"{MOCK_LATENCY_MS:g} ms fixed latency, {MOCK_CHUNKS} SSE events {MOCK_GAP_MS:g} ms apart",
            "mock_chunks": MOCK_CHUNKS, "mock_gap_ms": MOCK_GAP_MS,
            "beliefloop": "1 uvicorn worker (beliefloop serve), SQLite store, repo config.yaml",
            "litellm": f"{self.litellm_ver}, 1 worker, default settings" if self.litellm else self.litellm_ver,
            "client": "raw asyncio sockets + httptools (keep-alive) at c=1; wrk -t1 for throughput",
            "latency_rounds": m.latency_rounds, "body_rounds": m.body_rounds, "stream_rounds": m.stream_rounds,
            "wrk_seconds": f"{m.wrk_seconds:g} s at c={'/'.join(map(str, MAIN_LEVELS))}, "
                           f"{m.wrk_short_seconds:g} s at c={'/'.join(map(str, LOW_LEVELS))}",
            "soak_seconds": m.soak_seconds, "notes": self.notes,
        }


def main() -> int:
    parser = argparse.ArgumentParser(description="beliefloop overhead benchmark (see README.md)")
    parser.add_argument("--quick", action="store_true", help="fewer requests and a 20 s soak (~3 minutes)")
    parser.add_argument("--soak-seconds", type=float, default=None,
                        help="soak duration (default: 600, or 20 with --quick)")
    parser.add_argument("--quiet-wait", type=float, default=None,
                        help="before each phase, wait up to this many seconds for other processes to leave "
                             "the cores (default 180, or 20 with --quick; 0 = never wait)")
    parser.add_argument("--wait-budget", type=float, default=None,
                        help="total seconds a run may spend waiting for a quiet machine and repeating "
                             "disturbed wrk runs (default 600, or 30 with --quick)")
    parser.add_argument("--no-litellm", action="store_true", help="skip the LiteLLM proxy target")
    parser.add_argument("--litellm-venv", default=str(DEFAULT_LITELLM_VENV),
                        help="virtualenv holding litellm[proxy] (created by setup_litellm.sh if missing)")
    parser.add_argument("--config", default=None, help="beliefloop config.yaml (default: the repo's)")
    parser.add_argument("--source", default=None, metavar="REF",
                        help="measure this commit (git archive into a temp dir) instead of the work tree")
    parser.add_argument("--out", default=None,
                        help="JSON results file (default results/latest.json, or results/quick.json with --quick)")
    args = parser.parse_args()

    if args.quiet_wait is None:
        args.quiet_wait = 5.0 if args.quick else 180.0
    if args.wait_budget is None:
        args.wait_budget = 30.0 if args.quick else 600.0
    if args.out is None:
        args.out = str(HERE / "results" / ("quick.json" if args.quick else "latest.json"))
    # SIGTERM (a timeout, a supervisor) unwinds like Ctrl-C, so the servers this run started are stopped.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    run = Run(args)
    summary = run.execute()
    text = report.render(summary)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=1, default=str) + "\n")
    out.with_suffix(".txt").write_text(text + "\n")
    print(text)
    print(f"\nresults: {out} (table: {out.with_suffix('.txt')}); took {summary['meta']['elapsed_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
