"""Where a personalised request's time goes at concurrency 1 (issue 16's latency targets).

    .venv/bin/python bench/scaling/breakdown.py [--seconds 10]

Runs the scaling benchmark's workload (200 users with 5 beliefs, a new question per request, so
every request writes a response record) against one SQLite worker, with durable acks and without
(`storage.durable_ack: false`), and prints the mean time a request spends in each phase of
``proxy.gateway.flow`` (wrapped by timers in the server process, see ``_timed_server.py``) beside
wrk's p50 through beliefloop and straight to the mock upstream, plus a plain aiohttp client's time
to the same mock: the floor a Python forwarder starts from. Results: results-breakdown.txt.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as scaling  # noqa: E402


class TimedServer(scaling.Server):
    """``beliefloop serve`` with timers around the request's phases (one worker: the timers are
    per process)."""

    def command(self) -> list[str]:
        return [sys.executable, str(HERE / "_timed_server.py"), *self.serve_args()]

    def start(self) -> None:
        self.env["BREAKDOWN_OUT"] = str(self.tmp / f"{self.name}.timings.json")
        super().start()

    def timings(self) -> dict[str, float]:
        return json.loads(Path(self.env["BREAKDOWN_OUT"]).read_text())


async def aiohttp_floor(url: str, n: int = 1500) -> float:
    """p50 ms of a bare pooled aiohttp client posting a chat body to the mock, one at a time."""
    import aiohttp

    body = json.dumps({"model": "gpt-bench", "messages": [{"role": "user", "content": "hi"}]}).encode()
    times = []
    async with aiohttp.ClientSession(auto_decompress=False) as session:
        for _ in range(n):
            started = time.perf_counter()
            response = await session.post(url, data=body, headers={"content-type": "application/json"})
            await response.read()
            response.release()
            times.append(time.perf_counter() - started)
    times.sort()
    return 1000 * times[len(times) // 2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="beliefloop-breakdown-"))
    port = scaling.free_port()
    mock = subprocess.Popen([sys.executable, str(scaling.ROOT / "bench/overhead/mock_upstream.py"), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    chat = f"http://127.0.0.1:{port}/v1/chat/completions"
    lines = []
    try:
        floor = scaling.wrk(chat, 1, args.seconds, HERE / "users.lua")
        bare = asyncio.run(aiohttp_floor(chat))
        lines.append(f"mock upstream: wrk p50 {floor['p50_ms']:.2f} ms; a bare aiohttp client p50 {bare:.2f} ms")
        for durable in (True, False):
            name = "durable" if durable else "fast-ack"
            server = TimedServer(tmp, name, 1, f"sqlite:///{tmp}/{name}.db", f"http://127.0.0.1:{port}/v1", durable)
            try:
                scaling.set_beliefs(server.url)
                scaling.wrk(f"{server.url}/v1/chat/completions", 16, 3, HERE / "users.lua")  # warm-up
                scaling.wrk(f"{server.url}/v1/chat/completions", 1, 2, HERE / "users.lua")
                Path(server.env["BREAKDOWN_OUT"] + ".reset").touch()
                load = scaling.wrk(f"{server.url}/v1/chat/completions", 1, args.seconds, HERE / "users.lua")
            finally:
                server.stop()
            phases = server.timings()
            count = phases.pop("requests")
            listed = sum(v for k, v in phases.items() if k not in ("serve", "forward"))
            rest = phases["serve"] - listed - (phases["forward"] - phases["post"])
            lines.append(
                f"{name}: wrk p50 {load['p50_ms']:.2f} ms (added {load['p50_ms'] - floor['p50_ms']:.2f}), "
                f"{load['rps']:.0f} req/s; mean ms per request over {count:.0f}: "
                + ", ".join(f"{k} {v:.3f}" for k, v in phases.items())
                + f", the rest of the handler {rest:.3f}")
    finally:
        mock.terminate()
    text = "\n".join(lines)
    print(text)
    (HERE / "results-breakdown.txt").write_text(text + "\n")


if __name__ == "__main__":
    main()
