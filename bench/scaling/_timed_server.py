"""``python -m proxy.cli`` with timers around a request's phases (bench/scaling/breakdown.py).

Wraps, in this process only: the whole handler (``flow._serve``), reading the body, preparing the
self-model (signals, beliefs), the upstream call (``AiohttpUpstream.post``, and the client-hang-up
watcher around it) and waiting for the response record to be durable; writes the mean of each,
in ms, to ``$BREAKDOWN_OUT`` every 100 requests, counted from the first request after
``$BREAKDOWN_OUT.reset`` appears (the benchmark creates it when its warm-up is over).
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import proxy.gateway.flow as flow  # noqa: E402
import proxy.gateway.record as record  # noqa: E402
import proxy.gateway.upstream as upstream  # noqa: E402
from beliefs.memory.service import SelfModelService  # noqa: E402

SECONDS: dict[str, float] = {}
#: A file the benchmark creates once its warm-up is over.
RESET = os.environ.get("BREAKDOWN_OUT", "") + ".reset"
COUNT = {"requests": 0}


def timed(name, function):
    @functools.wraps(function)
    async def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return await function(*args, **kwargs)
        finally:
            SECONDS[name] = SECONDS.get(name, 0.0) + time.perf_counter() - started
            if name == "serve":
                if os.path.exists(RESET):  # the benchmark's warm-up is over: start counting afresh
                    os.remove(RESET)
                    SECONDS.clear()
                    COUNT["requests"] = 0
                else:
                    COUNT["requests"] += 1
                    if COUNT["requests"] % 100 == 0:
                        report()  # every 100 requests: the server is stopped by a signal, not an exit
    return wrapper


def report() -> None:
    n = max(COUNT["requests"], 1)
    Path(os.environ["BREAKDOWN_OUT"]).write_text(json.dumps(
        {"requests": COUNT["requests"], **{k: 1000 * v / n for k, v in SECONDS.items()}}))


flow._serve = timed("serve", flow._serve)
flow.read_body = timed("read_body", flow.read_body)
flow._unless_client_leaves = timed("forward", flow._unless_client_leaves)
upstream.AiohttpUpstream.post = timed("post", upstream.AiohttpUpstream.post)
record.Recorder.durably = timed("durable_wait", record.Recorder.durably)
SelfModelService.prepare = timed("prepare", SelfModelService.prepare)

if __name__ == "__main__":
    from proxy.cli import main

    sys.exit(main(sys.argv[1:]))
