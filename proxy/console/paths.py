"""User ids in URL paths: any id chat accepts (``team/alice``, ``100%``, spaces, unicode) is one
path segment, percent-encoded by the caller (``urllib.parse.quote(user_id, safe="")``,
``encodeURIComponent``).

Servers decode the path before routing, which would turn an encoded ``/`` into a separator; for
the routes that name a user, routing therefore runs on the path as sent (``raw_path``) and the
``{user_id:user}`` convertor decodes the one segment.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable
from urllib.parse import quote, unquote

from starlette.convertors import Convertor, register_url_convertor

#: Paths whose routes name a user in a segment.
USER_PATH_PREFIXES = ("/admin/users/", "/dashboard/users/")


class UserIdConvertor(Convertor[str]):
    regex = "[^/]+"

    def convert(self, value: str) -> str:
        return unquote(value)

    def to_string(self, value: str) -> str:
        return quote(value, safe="")


register_url_convertor("user", UserIdConvertor())


class EncodedUserPaths:
    """ASGI middleware: route user paths on the path as sent, so ``%2F`` stays inside a segment."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith(USER_PATH_PREFIXES) and scope.get("raw_path"):
            # In place, not a copy: the layers outside read what routing wrote into this scope
            # (the matched route names the request in metrics, logs and spans).
            scope["path"] = scope["raw_path"].split(b"?", 1)[0].decode("utf-8", "replace")
        await self.app(scope, receive, send)


def user_segment(user_id: str) -> str:
    """``user_id`` as one path segment (for links the pages render)."""
    return quote(user_id, safe="")


__all__ = ["EncodedUserPaths", "USER_PATH_PREFIXES", "user_segment"]
