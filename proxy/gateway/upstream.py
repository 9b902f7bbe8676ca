"""The upstream edge: one pooled HTTP client for OpenAI-compatible servers.

Bodies go out as the bytes we were given; replies come back as bytes (non-stream) or as the raw
byte chunks of the SSE stream, which the route passes to the client as they arrive. Every
transport failure is mapped here, in one function, onto :mod:`proxy.errors`.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from typing import Any, AsyncIterator, Awaitable, Callable, Iterator, Mapping

import httpx
import orjson

from proxy.errors import ProxyError, UpstreamRejected, UpstreamUnavailable, upstream_failure
from proxy.settings import UpstreamSettings

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


def reply_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower().startswith(_FORWARDED_REPLY_PREFIXES)}


def _transport_errors() -> tuple[type[BaseException], ...]:
    """What either HTTP client raises when the upstream cannot be reached or is too slow."""
    import aiohttp

    return (httpx.TransportError, aiohttp.ClientError, asyncio.TimeoutError)


@contextlib.contextmanager
def mapped_transport_errors() -> Iterator[None]:
    """Turn transport failures of either client into OpenAI-shaped proxy errors
    (:func:`proxy.errors.upstream_failure`: 504 for a timeout, 502 otherwise)."""
    try:
        yield
    except _transport_errors() as error:
        raise upstream_failure(error) from None


def raise_for_upstream_status(status: int, body: bytes, headers: Mapping[str, str]) -> None:
    """4xx (429 included) pass through as they are; 5xx become a 502 naming the upstream status."""
    if status < 400:
        return
    if status < 500:
        raise UpstreamRejected(status, body, reply_headers(headers))
    snippet = body[:300].decode("utf-8", "replace")
    raise UpstreamUnavailable(f"upstream error {status}: {snippet}", code="upstream_error")


class _Upstream:
    """What both clients share: the URL and the headers sent upstream."""

    def __init__(self, settings: UpstreamSettings) -> None:
        self.settings = settings
        self.base_url = settings.base_url.rstrip("/")

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



class HttpxUpstream(_Upstream):
    """Forwards raw chat bodies over one pooled httpx client (swappable transport: tests, respx)."""

    def __init__(self, settings: UpstreamSettings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(settings)
        limits = httpx.Limits(max_connections=settings.max_connections,
                              max_keepalive_connections=settings.max_connections,
                              keepalive_expiry=30.0)
        timeout = httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s)
        self.client = httpx.AsyncClient(limits=limits, timeout=timeout, transport=transport)

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


class AiohttpUpstream(_Upstream):
    """Forwards raw chat bodies over one pooled aiohttp session: the default.

    Chosen by measurement (bench/overhead): httpx's connection pool scans every pooled connection
    (a socket poll each) on every request, which made it the largest cost of the proxy under
    concurrency; aiohttp's connector hands out idle connections in constant time.
    """

    def __init__(self, settings: UpstreamSettings) -> None:
        super().__init__(settings)
        self._session: Any = None

    def _client(self) -> Any:
        # Created on first use, inside the running loop (aiohttp binds a session to its loop).
        if self._session is None:
            import aiohttp

            connector = aiohttp.TCPConnector(limit=self.settings.max_connections, keepalive_timeout=30,
                                             ttl_dns_cache=300)
            timeout = aiohttp.ClientTimeout(total=None, connect=self.settings.connect_timeout_s,
                                            sock_read=self.settings.timeout_s)
            self._session = aiohttp.ClientSession(connector=connector, timeout=timeout,
                                                  auto_decompress=False, skip_auto_headers=("User-Agent",))
        return self._session

    async def chat(self, body: bytes, client_headers: Mapping[str, str], stream: bool) -> UpstreamReply:
        with mapped_transport_errors():
            response = await self._client().post(f"{self.base_url}/chat/completions", data=body,
                                                 headers=self._headers(client_headers))
        if response.status >= 400 or not stream:
            try:
                with mapped_transport_errors():
                    content = await response.read()
            finally:
                response.release()
            raise_for_upstream_status(response.status, content, response.headers)
            return UpstreamReply(response.status, reply_headers(response.headers),
                                 response.headers.get("content-type", "application/json"), body=content)

        async def close() -> None:
            response.close()  # drops the connection: the upstream sees the client go away

        return UpstreamReply(response.status, reply_headers(response.headers),
                             response.headers.get("content-type", "text/event-stream"),
                             chunks=self._raw_chunks(response), close=close)

    @staticmethod
    async def _raw_chunks(response: Any) -> AsyncIterator[bytes]:
        with mapped_transport_errors():
            async for chunk in response.content.iter_any():
                yield chunk

    async def models(self, client_headers: Mapping[str, str]) -> list[dict]:
        with mapped_transport_errors():
            async with self._client().get(f"{self.base_url}/models",
                                          headers=self._headers(client_headers)) as response:
                content = await response.read()
        raise_for_upstream_status(response.status, content, response.headers)
        data = orjson.loads(content).get("data", [])
        return [m for m in data if isinstance(m, dict)]

    async def aclose(self) -> None:
        if self._session is not None:
            await self._session.close()


OpenAIUpstream = HttpxUpstream | AiohttpUpstream


def make_upstream(settings: UpstreamSettings, *, transport: httpx.AsyncBaseTransport | None = None) -> OpenAIUpstream:
    """The configured client; an explicit httpx transport (tests, benchmarks) implies httpx."""
    if transport is not None or settings.client == "httpx":
        return HttpxUpstream(settings, transport=transport)
    return AiohttpUpstream(settings)


__all__ = ["AiohttpUpstream", "HttpxUpstream", "OpenAIUpstream", "ProxyError", "UpstreamReply",
           "make_upstream", "mapped_transport_errors", "raise_for_upstream_status", "reply_headers"]
