"""Comparison anchoring: for a share of personalised requests, also ask for the generic answer.

People judge personalisation by comparing; a canned illustration only goes so far. For
``comparison.sample_rate`` of the requests that had directives applied, the flow keeps a copy
of the body *before* the directives were spliced in (:func:`sample`) and, once the personalised
reply is on its way, sends that copy upstream as a second, non-streaming call in the background
(:func:`fetch_later`). The generic text is stored beside the personalised record's own text
(``SqlStore.attach_comparison``), so retention clears both together, and the user's page shows
the latest pair. The call's outcome and tokens are counted in ``/metrics``
(``beliefloop_comparisons_total``, ``beliefloop_comparison_tokens_total``).

Nothing here runs on the hot path beyond a random draw and, when sampled, one copy of the body.
A failed comparison is counted and dropped: it never touches the user's answer.
"""

from __future__ import annotations

import asyncio
import copy
import random
from collections.abc import Callable, Mapping
from typing import Any

import orjson

from proxy.metrics import ProxyMetrics
from proxy.runtime import Runtime

from .assemble import Assembled
from .routing import Route
from .usage import usage_of

#: How long to wait for the personalised record to be stored before the pair is dropped (a
#: stream is recorded when it ends).
ATTACH_WAIT_S = 60.0
_ATTACH_POLL_S = 0.25


def sample(rate: float, body: Mapping[str, Any], draw: Callable[[], float] = random.random) -> dict[str, Any] | None:
    """A copy of ``body`` as it is now (before directives), for a share ``rate`` of calls; else None."""
    if rate <= 0.0 or draw() >= rate:
        return None
    return copy.deepcopy(dict(body))


def fetch_later(runtime: Runtime, metrics: ProxyMetrics, route: Route, path: str, generic: dict[str, Any],
                headers: Mapping[str, str], translate: Callable[[Any], Any] | None,
                assemble: Callable[[bytes], Assembled], response_id: str) -> None:
    """Start the comparison call in the background (held in ``runtime.gateway.comparisons``
    until it ends)."""
    tasks = runtime.gateway.comparisons
    task = asyncio.get_running_loop().create_task(
        _fetch(runtime, metrics, route, path, generic, dict(headers), translate, assemble, response_id))
    tasks.add(task)
    task.add_done_callback(tasks.discard)


async def _fetch(runtime: Runtime, metrics: ProxyMetrics, route: Route, path: str, generic: dict[str, Any],
                 headers: Mapping[str, str], translate: Callable[[Any], Any] | None,
                 assemble: Callable[[bytes], Assembled], response_id: str) -> None:
    generic["stream"] = False
    generic.pop("stream_options", None)
    usage = None
    try:
        if route.litellm:
            reply = await runtime.litellm.call(generic, False)
        else:
            reply = await runtime.upstream.post(path, orjson.dumps(generic), headers, False)
        if translate is not None:
            reply = translate(reply)
        body = reply.body or b""
        usage = usage_of(body)
        if reply.status >= 400:
            metrics.compared("failed", usage)
            return
        text = assemble(body).text
    except Exception:  # noqa: BLE001 - a comparison never fails anything but itself; it is counted
        metrics.compared("failed", usage)
        return
    comparison = {"text": text, "at": runtime.service.clock(), "model": generic.get("model")}
    service = runtime.service
    store = service.store
    waited = 0.0
    while True:
        await service.flush()
        if await service.writer.read(store.attach_comparison, response_id, comparison):
            metrics.compared("stored", usage)
            return
        if waited >= ATTACH_WAIT_S:
            metrics.compared("dropped", usage)
            return
        await asyncio.sleep(_ATTACH_POLL_S)
        waited += _ATTACH_POLL_S


__all__ = ["ATTACH_WAIT_S", "fetch_later", "sample"]
