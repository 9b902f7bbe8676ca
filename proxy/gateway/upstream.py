"""The upstream edge: one pooled HTTP client for OpenAI-compatible servers.

Bodies go out as the bytes we were given; replies come back as bytes (non-stream) or as the raw
byte chunks of the SSE stream, which the route passes to the client as they arrive. ``post``
serves the personalised doors (chat completions, and the Responses and Messages APIs where the
upstream speaks them); ``relay`` passes any other request through, streamed both ways. Every
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
#: ... and to one that speaks Anthropic's Messages API.
_ANTHROPIC_REQUEST_HEADERS = ("anthropic-version", "anthropic-beta")
#: Upstream headers worth passing back to the client.
_FORWARDED_REPLY_PREFIXES = ("x-request-id", "openai-", "x-ratelimit-", "retry-after", "request-id",
                             "anthropic-ratelimit-")
#: Reply headers a relay does not pass back: hop-by-hop, or about the bytes as the upstream sent
#: them (the server writes its own framing).
_RELAY_DROPPED = frozenset({"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
                            "trailer", "trailers", "transfer-encoding", "upgrade", "content-length",
                            "content-encoding", "server", "date", "set-cookie", "alt-svc",
                            "strict-transport-security"})
#: Client request headers a relay passes on, besides the ones above.
_RELAY_REQUEST_HEADERS = ("content-type", "accept", "content-length")


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


def relay_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in headers.items() if k.lower() not in _RELAY_DROPPED}


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

    def _headers(self, client_headers: Mapping[str, str], *, anthropic: bool = False,
                 relay: bool = False) -> dict[str, str]:
        # identity: so the raw bytes we tee are the text itself, never a compressed stream.
        headers = {"content-type": "application/json", "accept-encoding": "identity"}
        key = None
        if self.settings.auth == "client":
            # The openai SDK sends Authorization, Azure clients api-key, the anthropic SDK x-api-key.
            if client_headers.get("authorization"):
                headers["authorization"] = client_headers["authorization"]
                key = headers["authorization"].partition(" ")[2]
            else:
                key = client_headers.get("x-api-key") or client_headers.get("api-key")
                if key:
                    headers["authorization"] = f"Bearer {key}"
        elif self.settings.api_key:
            key = self.settings.api_key
            headers["authorization"] = f"Bearer {key}"
        names = [*_FORWARDED_REQUEST_HEADERS, *(_ANTHROPIC_REQUEST_HEADERS if anthropic else ()),
                 *(_RELAY_REQUEST_HEADERS if relay else ())]
        for name in names:
            if name in client_headers:
                headers[name] = client_headers[name]
        if anthropic and key:
            headers["x-api-key"] = key
        return headers

    async def chat(self, body: bytes, client_headers: Mapping[str, str], stream: bool) -> UpstreamReply:
        """``POST /chat/completions`` with ``body`` as it is."""
        return await self.post("/chat/completions", body, client_headers, stream)



class HttpxUpstream(_Upstream):
    """Forwards raw chat bodies over one pooled httpx client (swappable transport: tests, respx)."""

    def __init__(self, settings: UpstreamSettings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(settings)
        limits = httpx.Limits(max_connections=settings.max_connections,
                              max_keepalive_connections=settings.max_connections,
                              keepalive_expiry=30.0)
        timeout = httpx.Timeout(settings.timeout_s, connect=settings.connect_timeout_s)
        self.client = httpx.AsyncClient(limits=limits, timeout=timeout, transport=transport)

    async def post(self, path: str, body: bytes, client_headers: Mapping[str, str], stream: bool) -> UpstreamReply:
        """``POST {base_url}{path}`` with ``body`` as it is; 4xx/5xx raised as proxy errors."""
        request = self.client.build_request("POST", f"{self.base_url}{path}", content=body,
                                            headers=self._headers(client_headers, anthropic=path == "/messages"))
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

    async def relay(self, method: str, path: str, client_headers: Mapping[str, str],
                    body: AsyncIterator[bytes] | None) -> UpstreamReply:
        """Any request passed through: ``body`` streamed up, the reply streamed back whatever its
        status (only an unreachable upstream raises)."""
        request = self.client.build_request(method, f"{self.base_url}{path}", content=body,
                                            headers=self._headers(client_headers, relay=True))
        with mapped_transport_errors():
            response = await self.client.send(request, stream=True)
        return UpstreamReply(response.status_code, relay_headers(response.headers),
                             response.headers.get("content-type", "application/octet-stream"),
                             chunks=self._raw_chunks(response), close=response.aclose)

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

    async def post(self, path: str, body: bytes, client_headers: Mapping[str, str], stream: bool) -> UpstreamReply:
        """``POST {base_url}{path}`` with ``body`` as it is; 4xx/5xx raised as proxy errors."""
        with mapped_transport_errors():
            response = await self._client().post(f"{self.base_url}{path}", data=body,
                                                 headers=self._headers(client_headers, anthropic=path == "/messages"))
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

    async def relay(self, method: str, path: str, client_headers: Mapping[str, str],
                    body: AsyncIterator[bytes] | None) -> UpstreamReply:
        """Any request passed through: ``body`` streamed up, the reply streamed back whatever its
        status (only an unreachable upstream raises)."""
        with mapped_transport_errors():
            response = await self._client().request(method, f"{self.base_url}{path}", data=body,
                                                    headers=self._headers(client_headers, relay=True))

        async def close() -> None:
            response.close()

        return UpstreamReply(response.status, relay_headers(response.headers),
                             response.headers.get("content-type", "application/octet-stream"),
                             chunks=self._raw_chunks(response), close=close)

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
           "make_upstream", "mapped_transport_errors", "raise_for_upstream_status", "relay_headers",
           "reply_headers"]
