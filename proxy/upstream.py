"""The upstream edge: one pooled HTTP client for OpenAI-compatible servers.

Bodies go out as the bytes we were given; replies come back as bytes (non-stream) or as the raw
byte chunks of the SSE stream, which the route passes to the client as they arrive. Every
transport failure is mapped here, in one function, onto :mod:`proxy.errors`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import AsyncIterator, Awaitable, Callable, Iterator, Mapping

import httpx

from .errors import ProxyError, UpstreamRejected, UpstreamTimeout, UpstreamUnavailable
from .settings import UpstreamSettings

#: Client headers worth passing to an OpenAI-compatible upstream (the rest are ours or hop-by-hop).
_FORWARDED_REQUEST_HEADERS = ("openai-organization", "openai-project", "openai-beta")
#: Upstream headers worth passing back to the client.
_FORWARDED_REPLY_PREFIXES = ("x-request-id", "openai-", "x-ratelimit-", "retry-after")


@dataclass
class UpstreamReply:
    """A successful upstream reply: ``body`` for non-stream, ``chunks`` for SSE (then ``close``)."""

    status: int
    headers: dict[str, str]
    media_type: str
    body: bytes | None = None
    chunks: AsyncIterator[bytes] | None = None
    close: Callable[[], Awaitable[None]] | None = field(default=None, repr=False)


def reply_headers(headers: httpx.Headers) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower().startswith(_FORWARDED_REPLY_PREFIXES)}


@contextlib.contextmanager
def mapped_transport_errors() -> Iterator[None]:
    """Turn httpx transport failures into OpenAI-shaped proxy errors (504 timeout, 502 otherwise)."""
    try:
        yield
    except httpx.TimeoutException as error:
        raise UpstreamTimeout(f"upstream timed out ({type(error).__name__})") from None
    except httpx.TransportError as error:
        raise UpstreamUnavailable(f"upstream unreachable ({type(error).__name__}: {error})") from None


def raise_for_upstream_status(status: int, body: bytes, headers: httpx.Headers) -> None:
    """4xx (429 included) pass through as they are; 5xx become a 502 naming the upstream status."""
    if status < 400:
        return
    if status < 500:
        raise UpstreamRejected(status, body, reply_headers(headers))
    snippet = body[:300].decode("utf-8", "replace")
    raise UpstreamUnavailable(f"upstream error {status}: {snippet}", code="upstream_error")


class OpenAIUpstream:
    """Forwards raw chat bodies to ``{base_url}/chat/completions`` over one pooled client."""

    def __init__(self, settings: UpstreamSettings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self.base_url = settings.base_url.rstrip("/")
        limits = httpx.Limits(max_connections=settings.max_connections,
                              max_keepalive_connections=settings.max_connections,
                              keepalive_expiry=30.0)
        timeout = httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s)
        self.client = httpx.AsyncClient(limits=limits, timeout=timeout, transport=transport)

    def _headers(self, client_headers: Mapping[str, str]) -> dict[str, str]:
        # identity: so the raw bytes we tee are the text itself, never a compressed stream.
        headers = {"content-type": "application/json", "accept-encoding": "identity"}
        if self.settings.auth == "client":
            if client_headers.get("authorization"):
                headers["authorization"] = client_headers["authorization"]
        elif self.settings.api_key:
            headers["authorization"] = f"Bearer {self.settings.api_key}"
        for name in _FORWARDED_REQUEST_HEADERS:
            if name in client_headers:
                headers[name] = client_headers[name]
        return headers

    async def chat(self, body: bytes, client_headers: Mapping[str, str], stream: bool) -> UpstreamReply:
        request = self.client.build_request("POST", f"{self.base_url}/chat/completions",
                                            content=body, headers=self._headers(client_headers))
        with mapped_transport_errors():
            response = await self.client.send(request, stream=stream)
        if response.status_code >= 400 or not stream:
            try:
                with mapped_transport_errors():
                    content = await response.aread()
            finally:
                await response.aclose()
            raise_for_upstream_status(response.status_code, content, response.headers)
            return UpstreamReply(response.status_code, reply_headers(response.headers),
                                 response.headers.get("content-type", "application/json"), body=content)
        return UpstreamReply(response.status_code, reply_headers(response.headers),
                             response.headers.get("content-type", "text/event-stream"),
                             chunks=self._raw_chunks(response), close=response.aclose)

    @staticmethod
    async def _raw_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
        with mapped_transport_errors():
            async for chunk in response.aiter_raw():
                yield chunk

    async def models(self, client_headers: Mapping[str, str]) -> list[dict]:
        with mapped_transport_errors():
            response = await self.client.get(f"{self.base_url}/models", headers=self._headers(client_headers))
        raise_for_upstream_status(response.status_code, response.content, response.headers)
        data = response.json().get("data", [])
        return [m for m in data if isinstance(m, dict)]

    async def aclose(self) -> None:
        await self.client.aclose()


__all__ = ["OpenAIUpstream", "ProxyError", "UpstreamReply", "mapped_transport_errors",
           "raise_for_upstream_status", "reply_headers"]
