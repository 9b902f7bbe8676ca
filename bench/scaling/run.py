"""The write path under sustained load: SQLite and PostgreSQL, one and two workers, durable acks.

For each target (``beliefloop serve --workers N`` against the overhead benchmark's loopback mock
upstream, 1 ms model time), personalised load from ``wrk`` (200 users with 5 beliefs each, a new
question per request, so every request writes a response record) at concurrency 1 and 16:

* added latency p50 / p99: the target's minus the mock's own, measured at the same concurrency;
* throughput (req/s) and its ratio to SQLite x1;
* admin reads during the load (a loaded user's observations and beliefs, every 0.25 s): p50 / max;
* the write queue's drain time after the load stops (until the stored responses stop changing);
* RSS of the server processes before and after.

Targets: SQLite x1 (durable acks, the default), SQLite x1 with ``storage.durable_ack: false``
(what waiting for the journal's fsync costs), PostgreSQL x1 and x2. Then **kill -9**: a burst of
chats with edits and feedback, the server killed at a random moment, restarted; every write that
was answered 2xx must be stored (SQLite x1 and PostgreSQL x2). ``--profile`` samples one worker of
PostgreSQL x2 with py-spy during the c=16 run and prints where the time goes.

Run: ``python bench/scaling/run.py --postgres postgresql://USER@127.0.0.1:5432/postgres [--quick]``
(a role that may create databases; a fresh database is created and dropped). Needs ``wrk``.
Every figure is measured in this one run; on a shared machine compare ratios, not absolutes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ADMIN_KEY = "bench-admin-key"
USERS = 200
BELIEFS = {"length": "concise", "format": "lists", "tone": "formal", "preamble": "skip", "expertise": "expert"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Server:
    """``beliefloop serve --workers N`` with its own config, journal and log."""

    def __init__(self, tmp: Path, name: str, workers: int, database_url: str, upstream: str,
                 durable_ack: bool = True, source: Path | None = None) -> None:
        self.name, self.workers, self.tmp = name, workers, tmp
        config = yaml.safe_load(((source or ROOT) / "config.yaml").read_text())
        config["upstream"] = {**config.get("upstream", {}), "base_url": upstream}
        config["storage"] = {**config.get("storage", {}), "spool_dir": str(tmp / f"journal-{name}")}
        if source is None:  # an older commit may not know the key
            config["storage"]["durable_ack"] = durable_ack
        self.config_path = tmp / f"{name}.yaml"
        self.config_path.write_text(yaml.safe_dump(config))
        self.env = {**os.environ, "BELIEFLOOP_DATABASE_URL": database_url, "BELIEFLOOP_ADMIN_KEY": ADMIN_KEY,
                    "NO_PROXY": "*"}
        if source is not None:  # run that tree's code, ahead of the editable install
            self.env["PYTHONPATH"] = str(source)
        self.env.pop("BELIEFLOOP_CONFIG", None)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.start()

    def serve_args(self) -> list[str]:
        return ["serve", "--config", str(self.config_path), "--port", str(self.port),
                "--workers", str(self.workers), "--log-level", "warning"]

    def command(self) -> list[str]:
        return [sys.executable, "-m", "proxy.cli", *self.serve_args()]

    def start(self) -> None:
        self.log = open(self.tmp / f"{self.name}.log", "ab")
        self.process = subprocess.Popen(self.command(), env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
                                        cwd=self.tmp)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError((self.tmp / f"{self.name}.log").read_text()[-3000:])
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"{self.name} did not start")

    def pids(self) -> list[int]:
        out = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(self.process.pid)],
                             capture_output=True, text=True).stdout
        children = [int(line.split()[0]) for line in out.splitlines()
                    if "spawn_main" in line and "resource_tracker" not in line]
        return [self.process.pid, *children]

    def rss_mib(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except FileNotFoundError:
                pass
        return total / 1024

    def kill_9(self) -> None:
        for pid in reversed(self.pids()):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.process.wait(timeout=30)
        self.log.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()


def wrk(url: str, connections: int, seconds: float, script: Path | None = None) -> dict[str, float]:
    argv = ["wrk", "-t1" if connections == 1 else "-t2", f"-c{connections}", f"-d{max(1, round(seconds))}s",
            "--latency"]
    if script is not None:
        argv += ["-s", str(script)]
    out = subprocess.run(argv + [url], capture_output=True, text=True, check=True).stdout

    def ms(label: str) -> float:
        found = re.search(rf"{label}\s+([\d.]+)(us|ms|s)\b", out)
        return float(found.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[found.group(2)]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50_ms": ms("50%"),
            "p99_ms": ms("99%"), "non_2xx": int(errors.group(1)) if errors else 0}


def set_beliefs(url: str) -> None:
    headers = {"authorization": f"Bearer {ADMIN_KEY}"}
    with httpx.Client(base_url=url, timeout=30) as client:
        for i in range(1, USERS + 1):
            for dimension, value in BELIEFS.items():
                client.put(f"/admin/users/u{i}/beliefs/{dimension}", headers=headers,
                           json={"value": value, "confidence": 0.97}).raise_for_status()


def stored_responses(database_url: str) -> int:
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            return connection.execute("SELECT count(*) FROM response_record").fetchone()[0]
    with psycopg.connect(database_url) as connection:
        return connection.execute("SELECT count(*) FROM response_record").fetchone()[0]


def drain_seconds(database_url: str, timeout: float = 60.0, still_s: float = 0.15) -> float:
    """Time after the load stopped until the stored responses stop changing (for still_s): the
    write queue is empty. Works for any version (resolution about still_s)."""
    started = time.perf_counter()
    last, since = stored_responses(database_url), time.perf_counter()
    while time.perf_counter() - started < timeout:
        time.sleep(0.02)
        count = stored_responses(database_url)
        if count != last:
            last, since = count, time.perf_counter()
        elif time.perf_counter() - since >= still_s:
            return max(0.0, since - started)
    return float("inf")


class AdminProbe(threading.Thread):
    """Reads a loaded user's observations and beliefs every 0.25 s while the load runs."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.stop_event, self.latencies = url, threading.Event(), []

    def run(self) -> None:
        headers = {"authorization": f"Bearer {ADMIN_KEY}"}
        with httpx.Client(base_url=self.url, timeout=60) as client:
            while not self.stop_event.wait(0.25):
                for path in ("/admin/users/u7/observations", "/admin/users/u7/beliefs"):
                    started = time.perf_counter()
                    client.get(path, headers=headers)
                    self.latencies.append((time.perf_counter() - started) * 1e3)


def measure(server: Server, database_url: str, floor: dict[int, dict], seconds: float,
            levels: tuple[int, ...]) -> dict:
    figures: dict = {"rss_before_mib": round(server.rss_mib(), 1)}
    for connections in levels:
        probe = AdminProbe(server.url)
        probe.start()
        load = wrk(f"{server.url}/v1/chat/completions", connections, seconds, HERE / "users.lua")
        probe.stop_event.set()
        probe.join()
        drained = drain_seconds(database_url)
        admin = sorted(probe.latencies) or [float("nan")]
        figures[f"c{connections}"] = {
            **load, "added_p50_ms": round(load["p50_ms"] - floor[connections]["p50_ms"], 3),
            "added_p99_ms": round(load["p99_ms"] - floor[connections]["p99_ms"], 3),
            "admin_p50_ms": round(statistics.median(admin), 2), "admin_max_ms": round(admin[-1], 2),
            "drain_s": round(drained, 3)}
        log(f"  {server.name} c={connections}: {figures[f'c{connections}']}")
    figures["rss_after_mib"] = round(server.rss_mib(), 1)
    return figures


# -- kill -9 ---------------------------------------------------------------------------------------

async def _burst(url: str, acked: dict[str, list[str]], stop: asyncio.Event) -> None:
    async def user(name: str) -> None:
        turn = 0
        async with httpx.AsyncClient(timeout=10) as client:
            while not stop.is_set():
                turn += 1
                question = [{"role": "user", "content": f"{name} question {turn}"}]
                try:
                    first = await client.post(f"{url}/v1/chat/completions", json={
                        "model": "gpt-bench", "user": name, "messages": question})
                    if first.status_code != 200:
                        continue
                    original = first.headers["x-beliefloop-response-id"]
                    acked["responses"].append(original)
                    second = await client.post(f"{url}/v1/chat/completions", json={
                        "model": "gpt-bench", "user": name, "messages": question + [
                            {"role": "assistant", "content": "Short."}, {"role": "user", "content": "and?"}]})
                    if second.status_code != 200:
                        continue
                    acked["responses"].append(second.headers["x-beliefloop-response-id"])
                    acked["edits"].append(original)
                    rated = await client.post(f"{url}/v1/feedback", json={
                        "response_id": second.headers["x-beliefloop-response-id"], "rating": "up"})
                    if rated.status_code == 200:
                        acked["observations"].append(rated.json()["observation_id"])
                except httpx.HTTPError:
                    return

    stop.clear()
    await asyncio.gather(*[user(f"k{i}") for i in range(24)])


def stored(database_url: str) -> tuple[set[str], set[str], set[str]]:
    queries = ("SELECT id FROM response_record", "SELECT id FROM observation",
               "SELECT response_id FROM observation WHERE kind = 'edit'")
    if database_url.startswith("sqlite"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///")) as connection:
            sets = [{row[0] for row in connection.execute(q)} for q in queries]
    else:
        with psycopg.connect(database_url) as connection:
            sets = [{row[0] for row in connection.execute(q)} for q in queries]
    return sets[0], sets[1], sets[2]


def kill_9_round(server: Server, database_url: str) -> dict:
    """A burst, kill -9 after a random number of acknowledged replies, restart, count."""
    acked: dict[str, list[str]] = {"responses": [], "edits": [], "observations": []}
    stop = asyncio.Event()

    async def run() -> None:
        burst = asyncio.ensure_future(_burst(server.url, acked, stop))
        target, deadline = random.randint(200, 600), time.time() + 120
        while len(acked["responses"]) < target and time.time() < deadline:
            await asyncio.sleep(0.01)
        await asyncio.to_thread(server.kill_9)
        stop.set()
        await burst

    asyncio.run(run())
    started = time.perf_counter()
    server.start()  # adopts the dead processes' journals
    lost: list[str] = []
    while time.perf_counter() - started < 60:
        responses, observations, edited = stored(database_url)
        # With several workers an edit is read only if the serving worker knew the first reply
        # (storage.recent_sync_s): a missing one is a signal not read, not a write lost.
        lost = ([r for r in acked["responses"] if r not in responses]
                + [o for o in acked["observations"] if o not in observations]
                + ([e for e in acked["edits"] if e not in edited] if server.workers == 1 else []))
        if not lost:
            break
        time.sleep(0.2)
    figures = {"acknowledged": sum(len(v) for v in acked.values()), "lost": len(lost),
               "replayed_within_s": round(time.perf_counter() - started, 2)}
    log(f"  {server.name} kill -9: {figures}")
    return figures


# -- profile -----------------------------------------------------------------------------------------

def profile(server: Server, seconds: float, out: Path) -> str:
    """py-spy on one worker during c=16 load; the functions with the most samples."""
    worker = server.pids()[-1]
    raw = out.with_suffix(".raw")
    spy = subprocess.Popen([str(Path(sys.executable).with_name("py-spy")) if Path(sys.executable).with_name("py-spy").exists() else "py-spy", "record", "--pid", str(worker), "--duration", str(max(2, round(seconds))),
                            "--format", "raw", "--output", str(raw), "--rate", "200", "--threads"],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    wrk(f"{server.url}/v1/chat/completions", 16, seconds, HERE / "users.lua")
    spy.wait(timeout=120)
    if not raw.exists():
        return "py-spy produced nothing (is it installed, may it ptrace?)"
    own: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    threads: dict[str, int] = {}
    total = 0
    for line in raw.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        n = int(count)
        total += n
        threads[frames[0]] = threads.get(frames[0], 0) + n
        top = re.sub(r" \(.*site-packages/", " (", frames[-1])
        own[top] = own.get(top, 0) + n
        for frame in set(frames[1:]):
            frame = re.sub(r" \(.*site-packages/", " (", frame)
            inclusive[frame] = inclusive.get(frame, 0) + n
    lines = [f"py-spy, {server.name}, one worker, c=16 for {seconds:.0f} s: {total} samples"]
    lines.append("by thread: " + ", ".join(f"{t} {100 * n / total:.0f}%" for t, n in
                                           sorted(threads.items(), key=lambda kv: -kv[1])[:6]))
    lines.append("self (top of stack):")
    lines += [f"  {100 * n / total:5.1f}%  {f}" for f, n in sorted(own.items(), key=lambda kv: -kv[1])[:20]]
    lines.append("inclusive (beliefloop frames):")
    ours = [(f, n) for f, n in inclusive.items() if any(p in f for p in ("beliefs/", "proxy/", "adapters/"))]
    lines += [f"  {100 * n / total:5.1f}%  {f}" for f, n in sorted(ours, key=lambda kv: -kv[1])[:25]]
    text = "\n".join(lines)
    out.write_text(text + "\n")
    return text


# -- main ---------------------------------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", required=True, help="admin URL of a PostgreSQL server")
    parser.add_argument("--seconds", type=float, default=30.0, help="wrk duration per level")
    parser.add_argument("--quick", action="store_true", help="5 s per level, one kill -9 round per store")
    parser.add_argument("--profile", action="store_true", help="py-spy one PostgreSQL x2 worker under load")
    parser.add_argument("--skip-kill", action="store_true")
    parser.add_argument("--only", help="run only the targets whose name contains this (e.g. SQLite)")
    parser.add_argument("--baseline", metavar="REF", help="also run SQLite x1 and PostgreSQL x2 of this commit "
                        "(exported with git archive), for ratios measured in the same run")
    args = parser.parse_args()
    seconds = 5.0 if args.quick else args.seconds
    levels = (1, 16)

    tmp = Path(tempfile.mkdtemp(prefix="beliefloop-scaling-"))
    mock_port = free_port()
    mock = subprocess.Popen([sys.executable, str(ROOT / "bench/overhead/mock_upstream.py"), "--port", str(mock_port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    upstream = f"http://127.0.0.1:{mock_port}/v1"
    time.sleep(1.0)
    floor = {c: wrk(f"http://127.0.0.1:{mock_port}/v1/chat/completions", c, min(seconds, 10), HERE / "users.lua")
             for c in levels}
    log(f"mock upstream (the floor): {floor}")
    db = f"bl_scaling_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.postgres, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{db}"')
    pg_url = args.postgres.rsplit("/", 1)[0] + f"/{db}"
    results: dict = {"cores": os.cpu_count(), "seconds": seconds, "floor": floor, "targets": [], "kill_9": []}
    try:
        env = {**os.environ, "BELIEFLOOP_DATABASE_URL": pg_url}
        subprocess.run([sys.executable, "-m", "proxy.cli", "db", "upgrade"], env=env, check=True,
                       capture_output=True, cwd=ROOT)
        targets: list[tuple[str, int, str, bool, Path | None]] = [
            ("SQLite x1", 1, f"sqlite:///{tmp}/sqlite.db", True, None),
            ("SQLite x1, fast ack", 1, f"sqlite:///{tmp}/sqlite-fast.db", False, None),
            ("PostgreSQL x1", 1, pg_url, True, None), ("PostgreSQL x2", 2, pg_url, True, None)]
        if args.baseline:
            source = tmp / "baseline"
            source.mkdir()
            archive = subprocess.run(["git", "archive", args.baseline], cwd=ROOT, capture_output=True, check=True)
            subprocess.run(["tar", "-x", "-C", str(source)], input=archive.stdout, check=True)
            old_db = f"bl_scaling_old_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f'CREATE DATABASE "{old_db}"')
            results["baseline_db"] = old_db
            old_pg = args.postgres.rsplit("/", 1)[0] + f"/{old_db}"
            subprocess.run([sys.executable, "-m", "proxy.cli", "db", "upgrade"], check=True, capture_output=True,
                           cwd=source, env={**os.environ, "BELIEFLOOP_DATABASE_URL": old_pg, "PYTHONPATH": str(source)})
            targets += [(f"SQLite x1 @{args.baseline}", 1, f"sqlite:///{tmp}/sqlite-old.db", True, source),
                        (f"PostgreSQL x2 @{args.baseline}", 2, old_pg, True, source)]
        for name, workers, url, durable, source in targets:
            if args.only and args.only not in name:
                continue
            server = Server(tmp, re.sub(r"[^A-Za-z0-9]+", "-", name), workers, url, upstream, durable, source)
            try:
                set_beliefs(server.url)
                wrk(f"{server.url}/v1/chat/completions", 16, 3, HERE / "users.lua")  # warm-up
                drain_seconds(url)
                figures = measure(server, url, floor, seconds, levels)
                results["targets"].append({"store": name, "workers": workers, **figures})
                if args.profile and name == "PostgreSQL x2":
                    print(profile(server, min(seconds, 20), HERE / "results-profile.txt"))
            finally:
                server.stop()
        if not args.skip_kill:
            for name, workers, url in (("SQLite x1", 1, f"sqlite:///{tmp}/kill.db"), ("PostgreSQL x2", 2, pg_url)):
                server = Server(tmp, f"kill-{workers}", workers, url, upstream)
                try:
                    results["kill_9"].append({"store": name, **kill_9_round(server, url.replace(
                        "postgresql+psycopg://", "postgresql://"))})
                finally:
                    server.stop()
    finally:
        mock.terminate()
        with psycopg.connect(args.postgres, autocommit=True) as connection:
            for name in (db, results.get("baseline_db")):
                if name:
                    connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    report(results)
    (HERE / ("results-quick.json" if args.quick else "results.json")).write_text(json.dumps(results, indent=2))


def report(results: dict) -> None:
    base = results["targets"][0]
    print(f"\nPersonalised load, wrk for {results['seconds']:.0f} s per level, {results['cores']} cores "
          "(one run; a shared machine: compare ratios)")
    print(f"{'target':<26} {'c':>3} {'req/s':>8} {'÷SQLite':>8} {'added p50/p99 ms':>18} {'admin p50/max ms':>18} "
          f"{'drain s':>8} {'RSS MiB':>14}")
    for t in results["targets"]:
        for c in (1, 16):
            f = t[f"c{c}"]
            ratio = f["rps"] / base[f"c{c}"]["rps"]
            print(f"{t['store']:<26} {c:>3} {f['rps']:>8.0f} {ratio:>7.2f}x "
                  f"{f['added_p50_ms']:>8.2f} / {f['added_p99_ms']:<7.2f} {f['admin_p50_ms']:>8.1f} / "
                  f"{f['admin_max_ms']:<7.1f} {f['drain_s']:>8.3f} {t['rss_before_mib']:>6.0f}→{t['rss_after_mib']:<6.0f}")
    for k in results["kill_9"]:
        print(f"kill -9, {k['store']}: {k['acknowledged']} writes acknowledged, {k['lost']} lost "
              f"(all stored {k['replayed_within_s']} s after the restart)")


if __name__ == "__main__":
    main()
