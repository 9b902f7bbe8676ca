"""What a personalised request costs on each door, measured against chat completions in one run.

    .venv/bin/python bench/doors/run.py [--quick] [--rounds N]

Starts the overhead benchmark's loopback mock upstream (bench/overhead/mock_upstream.py, which also
speaks the Responses API) and two ``beliefloop serve`` processes on it, one forwarding the
Responses API natively and one translating it to chat completions. One user has the overhead
benchmark's five beliefs (four directives injected). Paired rounds at concurrency 1, in a fresh
random order each round, each request a new question (no regeneration, no retry):

* chat completions, the Responses API (native), the Responses API (translated to chat), and
  Anthropic Messages (translated to chat), all personalised;
* the mock's chat completions and Responses endpoints directly (the floors).

A door's *added latency* in a round is its latency minus its floor's in the same round (the
native Responses door against the mock's /responses, every other door against /chat/completions).
Reported: p50/p99 of the added latency per door, non-stream and streamed (to the last event), and
each door's figures divided by chat completions'. Servers are pinned to one core, the load
generator and the mock to another (bench/overhead/servers.py); the servers must be idle before
each timed request (bench/overhead/measure.py's Quiet). Writes results/latest.json and
results/latest.txt (``--quick``: results/quick.*).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import httpx
import orjson
import uvloop
import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "overhead"))

from client import Connection, Reply, build_request  # noqa: E402
from measure import Quiet, percentile  # noqa: E402
from servers import REPO, Placement, Proc, export_source, free_port, start_beliefloop, start_mock  # noqa: E402

ADMIN_KEY = "bench-doors-admin"
USER = "bench-doors"
BELIEFS = {"length": "concise", "format": "lists", "tone": "formal", "preamble": "skip", "expertise": "expert"}
SYSTEM = ("You are the support assistant of a company that sells network equipment. Answer questions "
          "about routers, switches and firewalls accurately, cite the product manual where you can, and "
          "say so when you do not know. ") * 3


@dataclass(frozen=True)
class Door:
    key: str
    label: str
    port: int
    path: str
    kind: str  # the body's shape: chat, responses, messages
    floor: str | None = None  # the key of the direct target it is paired with
    personalised: bool = True
    headers: dict[str, str] = field(default_factory=dict)

    def body(self, question: str, stream: bool) -> bytes:
        user = USER if self.personalised else None
        if self.kind == "responses":
            body = {"model": "gpt-bench", "instructions": SYSTEM, "input": question, "user": user}
        elif self.kind == "messages":
            body = {"model": "gpt-bench", "max_tokens": 1024, "system": SYSTEM,
                    "metadata": {"user_id": user}, "messages": [{"role": "user", "content": question}]}
        else:
            body = {"model": "gpt-bench", "user": user, "messages": [
                {"role": "system", "content": SYSTEM}, {"role": "user", "content": question}]}
        if stream:
            body["stream"] = True
        return orjson.dumps({k: v for k, v in body.items() if v is not None})


def check(reply: Reply, door: Door) -> Reply:
    if reply.status != 200:
        raise RuntimeError(f"{door.label}: HTTP {reply.status}: {reply.body[:300]!r}")
    if door.personalised and not reply.headers.get("x-beliefloop-applied"):
        raise RuntimeError(f"{door.label}: nothing was applied; the figures would not be a personalised request's")
    return reply


async def measure(doors: list[Door], quiet: Quiet, rounds: int, stream: bool, seed: int, run_id: str,
                  progress) -> dict[str, dict[str, list[float]]]:
    """Paired rounds; per door the latencies (to the last byte) and, streamed, the first event."""
    rng = random.Random(seed)
    conns = {d.key: Connection(d.port) for d in doors}
    total: dict[str, list[float]] = {d.key: [] for d in doors}
    first: dict[str, list[float]] = {d.key: [] for d in doors}
    try:
        for r in range(rounds):
            order = list(doors)
            rng.shuffle(order)
            for door in order:
                tag = f"{run_id} {'s' if stream else 'j'}{r} {door.key}"
                question = f"[{tag}] How do I reset a router to factory settings?"
                request = build_request(door.port, door.path, door.body(question, stream), door.headers)
                await quiet.wait()
                reply = check(await conns[door.key].send(request), door)
                total[door.key].append(reply.latency)
                if stream:
                    first[door.key].append(reply.first_event or float("nan"))
            if r and r % max(1, rounds // 5) == 0:
                progress(f"{'stream' if stream else 'non-stream'}: {r}/{rounds} rounds")
    finally:
        for conn in conns.values():
            conn.close()
    return {"total": total, "first": first}


def added(samples: dict[str, list[float]], doors: list[Door]) -> dict[str, list[float]]:
    return {d.key: [v - b for v, b in zip(samples[d.key], samples[d.floor])] for d in doors if d.floor}


def summary(values: list[float]) -> dict[str, float]:
    return {"p50_ms": percentile(values, 50) * 1e3, "p99_ms": percentile(values, 99) * 1e3, "n": len(values)}


def put_beliefs(port: int) -> None:
    with httpx.Client(trust_env=False, timeout=10) as client:
        for dimension, value in BELIEFS.items():
            client.put(f"http://127.0.0.1:{port}/admin/users/{USER}/beliefs/{dimension}",
                       headers={"authorization": f"Bearer {ADMIN_KEY}"},
                       json={"value": value, "confidence": 0.97}).raise_for_status()


def write_config(path: Path, responses: str | None, source: Path = REPO) -> Path:
    data = yaml.safe_load((source / "config.yaml").read_text())
    if responses is not None:
        data["upstream"] = {**data.get("upstream", {}), "responses": responses}
    path.write_text(yaml.safe_dump(data))
    return path


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              timeout=10).stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def table(result: dict) -> str:
    lines = [f"beliefloop doors benchmark — {result['mode']} run, {result['started']}, commit {result['commit']}",
             f"{result['rounds']} paired rounds non-stream, {result['stream_rounds']} streamed; "
             f"{result['placement']}; {result['quiet_timeouts']} idle waits timed out",
             "added latency (ms) over the floor in the same round; ÷chat: the door's figure ÷ chat completions'", "",
             f"{'door':40} {'non-stream p50 / p99':>22} {'÷chat':>12} {'stream p50 / p99':>20} {'÷chat':>12}"
             f" {'1st event p50':>14}"]
    rows = result["doors"]
    chat = rows.get("chat") or next(iter(rows.values()))
    for key, row in rows.items():
        j, s = row["json"], row["stream"]
        ratio = f"{j['p50_ms'] / chat['json']['p50_ms']:.2f}/{j['p99_ms'] / chat['json']['p99_ms']:.2f}"
        sratio = f"{s['p50_ms'] / chat['stream']['p50_ms']:.2f}/{s['p99_ms'] / chat['stream']['p99_ms']:.2f}"
        lines.append(f"{row['label']:40} {j['p50_ms']:>10.2f} / {j['p99_ms']:<9.2f} {ratio:>12} "
                     f"{s['p50_ms']:>9.2f} / {s['p99_ms']:<8.2f} {sratio:>12} {row['first_event']['p50_ms']:>14.2f}")
    floors = result["floors"]
    lines += ["", "floors (total ms, p50): " + ", ".join(f"{k} {v['p50_ms']:.2f}" for k, v in floors.items())]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 rounds (a check that it runs)")
    parser.add_argument("--rounds", type=int, help="paired non-stream rounds (default 2000, quick 200)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--out", type=Path, help="JSON results path (the table goes beside it)")
    parser.add_argument("--only", metavar="KEYS", help="measure only these doors (comma-separated keys: chat, "
                        "responses, responses-translated, messages, chat-baseline); floors always run")
    parser.add_argument("--baseline", metavar="REF", help="also measure chat completions on this commit "
                        "(exported with git archive), paired in the same rounds")
    args = parser.parse_args()
    rounds = args.rounds or (200 if args.quick else 2000)
    stream_rounds = max(20, rounds // 2)
    out = args.out or HERE / "results" / ("quick.json" if args.quick else "latest.json")
    placement = Placement.detect()
    placement.pin_self()
    procs: list[Proc] = []

    def progress(message: str) -> None:
        print(f"  {message}", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-doors-") as tmp:
        logs = Path(tmp)
        try:
            mock_port, native_port, translated_port = free_port(), free_port(), free_port()
            procs.append(start_mock(mock_port, placement.client, logs, latency_ms=1.0, chunks=10, chunk_gap_ms=3.0))
            upstream = f"http://127.0.0.1:{mock_port}/v1"
            for port, mode in ((native_port, "native"), (translated_port, "translate")):
                (logs / mode).mkdir()
                proc = start_beliefloop(port, placement.servers, logs / mode, upstream=upstream,
                                        database=logs / mode / "beliefs.db", admin_key=ADMIN_KEY,
                                        config=write_config(logs / mode / "config.yaml", mode))
                procs.append(proc)
                put_beliefs(port)
            baseline_port, baseline_commit = None, None
            if args.baseline:
                source = logs / "baseline-src"
                baseline_commit = export_source(args.baseline, source)
                baseline_port = free_port()
                (logs / "baseline").mkdir()
                procs.append(start_beliefloop(baseline_port, placement.servers, logs / "baseline", upstream=upstream,
                                              database=logs / "baseline" / "beliefs.db", admin_key=ADMIN_KEY,
                                              config=write_config(logs / "baseline" / "config.yaml", None, source),
                                              source=source))
                put_beliefs(baseline_port)
            doors = [
                Door("direct-chat", "mock /chat/completions (floor)", mock_port, "/v1/chat/completions", "chat",
                     personalised=False),
                Door("direct-responses", "mock /responses (floor)", mock_port, "/v1/responses", "responses",
                     personalised=False),
                Door("chat", "chat completions", native_port, "/v1/chat/completions", "chat", "direct-chat"),
                Door("responses", "Responses API, native", native_port, "/v1/responses", "responses",
                     "direct-responses"),
                Door("responses-translated", "Responses API, translated to chat", translated_port, "/v1/responses",
                     "responses", "direct-chat"),
                Door("messages", "Anthropic Messages, translated to chat", native_port, "/v1/messages",
                     "messages", "direct-chat"),
            ]
            if baseline_port is not None:
                doors.append(Door("chat-baseline", f"chat completions at {baseline_commit}", baseline_port,
                                  "/v1/chat/completions", "chat", "direct-chat"))
            if args.only:
                wanted = set(args.only.split(","))
                doors = [d for d in doors if d.floor is None or d.key in wanted]
            quiet = Quiet([p.runtime_ns for p in procs[1:]], {})
            run_id = f"{os.getpid()}-{int(time.time())}"
            started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
            print(f"bench/doors: {rounds} rounds non-stream, {stream_rounds} streamed ({placement.describe()})",
                  file=sys.stderr)
            uvloop.run(measure(doors, quiet, 30, False, args.seed, f"{run_id}-warm", progress))
            plain = uvloop.run(measure(doors, quiet, rounds, False, args.seed, run_id, progress))
            streamed = uvloop.run(measure(doors, quiet, stream_rounds, True, args.seed + 1, run_id, progress))
        finally:
            for proc in reversed(procs):
                proc.stop()
    plain_added, stream_added = added(plain["total"], doors), added(streamed["total"], doors)
    first_added = added(streamed["first"], doors)
    result = {
        "mode": "quick" if args.quick else "full", "started": started, "commit": commit(),
        "machine": f"{platform.node()} ({os.cpu_count()} cores)", "placement": placement.describe(),
        "rounds": rounds, "stream_rounds": stream_rounds, "quiet_timeouts": quiet.timeouts,
        "floors": {d.key: summary(plain["total"][d.key]) for d in doors if d.floor is None},
        "doors": {d.key: {"label": d.label, "json": summary(plain_added[d.key]),
                          "stream": summary(stream_added[d.key]), "first_event": summary(first_added[d.key])}
                  for d in doors if d.floor},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    text = table(result)
    out.with_suffix(".txt").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
