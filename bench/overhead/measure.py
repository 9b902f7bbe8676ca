"""The timed phases that use the benchmark's own client: paired latency, body sizes, streaming, soak.

Paired and interleaved: every round sends one request to each target, in a fresh random order, and
a target's *added latency* for that round is its latency minus the direct request's in the same
round. Drift (CPU frequency, a noisy neighbour, the page cache) then hits every target alike.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from dataclasses import dataclass, field
from typing import Callable

import orjson
from client import Connection, Reply, build_request
from workload import Bodies, learning_messages

APPLIED_HEADER = "x-beliefloop-applied"


@dataclass(frozen=True)
class Target:
    """One thing to measure. ``learning``: each timed request carries an edit of an earlier reply."""

    key: str
    label: str
    port: int
    path: str = "/v1/chat/completions"
    headers: dict[str, str] = field(default_factory=dict)
    user: str | None = None
    learning: bool = False


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile, ``q`` in [0, 100]."""
    ordered = sorted(values)
    if not ordered:
        return math.nan
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


def summary_ms(values_s: list[float]) -> dict[str, float]:
    return {"p50_ms": percentile(values_s, 50) * 1e3, "p99_ms": percentile(values_s, 99) * 1e3,
            "mean_ms": sum(values_s) / len(values_s) * 1e3, "n": len(values_s)}


class BenchError(RuntimeError):
    """A target answered wrongly; the figures would be meaningless."""


def _check(reply: Reply, target: Target) -> Reply:
    if reply.status != 200:
        raise BenchError(f"{target.label}: HTTP {reply.status}: {reply.body[:300]!r}")
    return reply


class Quiet:
    """Waits until the servers under test are idle, and measures each target's CPU per request.

    Both proxies share one core, and each does work after its response is out (beliefloop's
    write-behind and bookkeeping, LiteLLM's logging callbacks). Without a wait, that work would be
    charged to whichever request comes next, often another target's. So before each timed request
    the servers must have used < ``busy_ns`` of CPU over a ``window_s`` window (bounded by
    ``timeout_s``; ``timeouts`` counts the waits that hit it).
    """

    def __init__(self, servers: list[Callable[[], int]], cpu_of: dict[str, Callable[[], int]],
                 window_s: float = 0.001, busy_ns: int = 50_000, timeout_s: float = 0.25) -> None:
        self.servers, self.cpu_of = servers, cpu_of
        self.window_s, self.busy_ns, self.timeout_s = window_s, busy_ns, timeout_s
        self.timeouts = 0
        self.cpu_ns: dict[str, list[int]] = {}

    def _total(self) -> int:
        return sum(read() for read in self.servers)

    async def wait(self) -> None:
        deadline = time.monotonic() + self.timeout_s
        before = self._total()
        while True:
            await asyncio.sleep(self.window_s)
            now = self._total()
            if now - before < self.busy_ns:
                return
            if time.monotonic() > deadline:
                self.timeouts += 1
                return
            before = now


class Sender:
    """One keep-alive connection per target, and the request each kind of round sends."""

    def __init__(self, targets: list[Target], bodies: Bodies, run_id: str, pause_s: float,
                 quiet: Quiet | None = None) -> None:
        self.targets, self.bodies, self.run_id, self.pause_s = targets, bodies, run_id, pause_s
        self.quiet = quiet
        self.conns = {t.key: Connection(t.port) for t in targets}
        self.applied: dict[str, str] = {}

    def _request(self, target: Target, body: bytes) -> bytes:
        return build_request(target.port, target.path, body, target.headers)

    async def once(self, target: Target, size: int, tag: str, stream: bool = False) -> Reply:
        """One timed request (for a learning target, after an untimed request that seeds it)."""
        tag = f"{self.run_id}-{tag}"
        conn = self.conns[target.key]
        messages = None
        if target.learning:
            first = self.bodies.messages(size, f"{tag}-seed")
            seed_body = self.bodies.body(size, tag, user=target.user, messages=first)
            seed = _check(await conn.send(self._request(target, seed_body)), target)
            reply_text = orjson.loads(seed.body)["choices"][0]["message"]["content"]
            # The reply is remembered after it is sent (a background task); a person takes seconds
            # to edit it, so wait a moment rather than race the proxy's bookkeeping.
            await asyncio.sleep(self.pause_s)
            messages = learning_messages(first, reply_text, tag)
        body = self.bodies.body(size, tag, user=target.user, stream=stream, messages=messages)
        quiet = self.quiet
        if quiet is None:
            reply = _check(await conn.send(self._request(target, body)), target)
        else:
            await quiet.wait()
            cpu = quiet.cpu_of[target.key]
            before = cpu()
            reply = _check(await conn.send(self._request(target, body)), target)
            await quiet.wait()
            quiet.cpu_ns.setdefault(target.key, []).append(cpu() - before)
        if target.key not in self.applied:
            self.applied[target.key] = reply.headers.get(APPLIED_HEADER, "")
        return reply

    def close(self) -> None:
        for conn in self.conns.values():
            conn.close()


def _paired(samples: dict[str, list[float]], floor: str) -> dict[str, list[float]]:
    base = samples[floor]
    return {key: [v - b for v, b in zip(values, base)] for key, values in samples.items() if key != floor}


async def latency_phase(sender: Sender, rounds: int, size: int, seed: int,
                        progress: Callable[[str], None]) -> dict:
    """Concurrency 1: ``rounds`` paired rounds over every target; latencies in seconds."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {t.key: [] for t in sender.targets}
    for r in range(rounds):
        order = list(sender.targets)
        rng.shuffle(order)
        for target in order:
            reply = await sender.once(target, size, f"lat-{r}")
            samples[target.key].append(reply.latency)
        if r and r % max(1, rounds // 5) == 0:
            progress(f"latency: {r}/{rounds} rounds")
    return {"samples": samples, "added": _paired(samples, "direct")}


async def body_phase(sender: Sender, rounds: int, sizes: list[int], seed: int,
                     progress: Callable[[str], None]) -> dict:
    """Added latency per body size: every round sends each (size, target) pair in random order."""
    rng = random.Random(seed)
    samples: dict[int, dict[str, list[float]]] = {s: {t.key: [] for t in sender.targets} for s in sizes}
    for r in range(rounds):
        pairs = [(s, t) for s in sizes for t in sender.targets]
        rng.shuffle(pairs)
        for size, target in pairs:
            reply = await sender.once(target, size, f"body{size}-{r}")
            samples[size][target.key].append(reply.latency)
        if r and r % max(1, rounds // 5) == 0:
            progress(f"body sizes: {r}/{rounds} rounds")
    return {size: {"samples": s, "added": _paired(s, "direct")} for size, s in samples.items()}


async def stream_phase(sender: Sender, rounds: int, chunks: int, seed: int,
                       progress: Callable[[str], None]) -> dict:
    """SSE: time to the first event, and the mean gap between the first ``chunks`` events."""
    rng = random.Random(seed)
    first: dict[str, list[float]] = {t.key: [] for t in sender.targets}
    gap: dict[str, list[float]] = {t.key: [] for t in sender.targets}
    total: dict[str, list[float]] = {t.key: [] for t in sender.targets}
    for r in range(rounds):
        order = list(sender.targets)
        rng.shuffle(order)
        for target in order:
            reply = await sender.once(target, 1024, f"stream-{r}", stream=True)
            events = reply.events[:chunks]
            if len(events) < 2:
                raise BenchError(f"{target.label}: stream had {len(reply.events)} events")
            first[target.key].append(events[0] - reply.sent)
            gap[target.key].append((events[-1] - events[0]) / (len(events) - 1))
            total[target.key].append(reply.latency)
        if r and r % max(1, rounds // 5) == 0:
            progress(f"streaming: {r}/{rounds} rounds")
    return {"first": {"samples": first, "added": _paired(first, "direct")},
            "gap": {"samples": gap, "added": _paired(gap, "direct")},
            "total": {"samples": total, "added": _paired(total, "direct")}}


async def soak_phase(targets: dict[str, Target], users: list[str], seconds: float, rate: float,
                     rss: Callable[[], int], bodies: Bodies, run_id: str, pause_s: float,
                     progress: Callable[[str], None], workers: int = 8) -> dict:
    """Moderate open-ish load on beliefloop for ``seconds`` at ``rate`` req/s, sampling RSS.

    The mix: 40% personalised, 20% personalised + edit signal, 20% pass-through, 20% streaming
    personalised, spread over ``users`` (each with the benchmark's beliefs).
    """
    start = time.monotonic()
    deadline = start + seconds
    samples: list[tuple[float, int]] = [(0.0, rss())]
    counts = {"requests": 0, "errors": 0}
    interval = workers / rate

    async def worker(index: int) -> None:
        rng = random.Random(index)
        sender = Sender(list(targets.values()), bodies, f"{run_id}-soak{index}", pause_s)
        try:
            k = 0
            while True:
                due = start + (k + index / workers) * interval
                if due >= deadline or time.monotonic() >= deadline:  # a lagging worker stops too
                    return
                delay = due - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
                roll, user = rng.random(), rng.choice(users)
                if roll < 0.4:
                    target, stream = targets["personalised"], False
                elif roll < 0.6:
                    target, stream = targets["learning"], False
                elif roll < 0.8:
                    target, stream = targets["passthrough"], False
                else:
                    target, stream = targets["personalised"], True
                if target.user is not None:
                    target = Target(target.key, target.label, target.port, target.path, target.headers,
                                    user, target.learning)
                try:
                    await sender.once(target, 1024, f"{k}", stream=stream)
                    counts["requests"] += 2 if target.learning else 1
                except (BenchError, ConnectionError, asyncio.TimeoutError):
                    counts["errors"] += 1
                k += 1
        finally:
            sender.close()

    async def sampler() -> None:
        step = max(1.0, seconds / 40)
        next_report = start + seconds / 10
        while time.monotonic() < deadline:
            await asyncio.sleep(min(step, max(0.0, deadline - time.monotonic())))
            samples.append((time.monotonic() - start, rss()))
            if time.monotonic() >= next_report:
                progress(f"soak: {time.monotonic() - start:.0f}/{seconds:.0f}s, "
                         f"RSS {samples[-1][1] / 2**20:.1f} MiB")
                next_report += seconds / 10

    await asyncio.gather(sampler(), *(worker(i) for i in range(workers)))
    elapsed = time.monotonic() - start
    samples.append((elapsed, rss()))
    return {"samples": samples, "elapsed_s": elapsed, "achieved_rps": counts["requests"] / elapsed, **counts}


__all__ = ["BenchError", "Quiet", "Sender", "Target", "body_phase", "latency_phase", "percentile", "soak_phase",
           "stream_phase", "summary_ms"]
