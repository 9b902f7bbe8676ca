"""Models from ``model_list`` go through litellm, so any provider works (streaming included).

litellm is imported on first use only: its import takes seconds and most deployments never need
it. Its exceptions carry a ``status_code``; they are mapped onto our errors by the same function
as the HTTP clients' (:func:`proxy.errors.upstream_failure`).
"""

from __future__ import annotations

import os
from typing import Any, AsyncIterator

import orjson

from proxy.errors import UpstreamRejected, UpstreamTimeout, UpstreamUnavailable, upstream_failure
from proxy.settings import ModelRoute

from .upstream import UpstreamReply

_litellm: Any = None


def _module() -> Any:
    global _litellm
    if _litellm is None:
        # Never fetch the price map from the network at import (offline deployments).
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
        import litellm

        from proxy.logs import adopt_foreign_loggers

        litellm.telemetry = False
        adopt_foreign_loggers()  # its own handlers would bypass the process's (JSON) format
        _litellm = litellm
    return _litellm


def litellm_module() -> Any:
    """litellm, imported (and set up for offline use) on first call."""
    return _module()


class LiteLLMRoutes:
    """Routes named in ``model_list``; ``call`` returns the same reply shape as the HTTP upstream."""

    def __init__(self, routes: list[ModelRoute]) -> None:
        self.routes = {r.model_name: r for r in routes}

    def __contains__(self, model: object) -> bool:
        return model in self.routes

    def model_cards(self) -> list[dict]:
        return [{"id": name, "object": "model", "created": 0, "owned_by": "beliefloop"} for name in self.routes]

    async def call(self, body: dict[str, Any], stream: bool) -> UpstreamReply:
        """Call the route named by ``body["model"]``, then its ``fallbacks`` in order while the
        failure is one another provider could avoid (unreachable, 5xx, timeout, 429)."""
        litellm = _module()
        first = self.routes[body["model"]]
        chain = [first, *(self.routes[name] for name in first.fallbacks if name in self.routes)]
        for index, route in enumerate(chain):
            params = {**{k: v for k, v in body.items() if k != "model"}, **route.litellm_params}
            try:
                result = await litellm.acompletion(**params)
                break
            except Exception as error:  # litellm raises its own hierarchy; map every one of them
                mapped = upstream_failure(error)
                fallback_worthy = isinstance(mapped, (UpstreamUnavailable, UpstreamTimeout)) or (
                    isinstance(mapped, UpstreamRejected) and mapped.status == 429)
                if index == len(chain) - 1 or not fallback_worthy:
                    raise mapped from None
        if not stream:
            content = result.model_dump_json(exclude_none=True).encode()
            return UpstreamReply(200, {}, "application/json", body=content)
        return UpstreamReply(200, {}, "text/event-stream", chunks=self._sse(result),
                             close=_closer(result))

    @staticmethod
    async def _sse(result: Any) -> AsyncIterator[bytes]:
        try:
            async for chunk in result:
                yield b"data: " + chunk.model_dump_json(exclude_none=True).encode() + b"\n\n"
        except Exception as error:
            mapped = upstream_failure(error)
            yield b"data: " + orjson.dumps({"error": {"message": mapped.message, "type": mapped.type,
                                                      "code": mapped.code}}) + b"\n\n"
            return
        yield b"data: [DONE]\n\n"


def _closer(result: Any):
    async def close() -> None:
        aclose = getattr(result, "aclose", None)
        if aclose is not None:
            try:
                await aclose()
            except Exception:
                pass
    return close


__all__ = ["LiteLLMRoutes", "litellm_module"]
