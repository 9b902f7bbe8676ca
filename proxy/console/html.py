"""HTML responses for beliefloop's own pages: one Jinja2 environment, one set of security headers.

Pages are server-rendered and work without JavaScript. The Content-Security-Policy allows no
script at all and only our own stylesheet; plots are inline SVG coloured with presentation
attributes, which the policy does not govern.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .explain import percent
from .paths import user_segment

WEB = Path(__file__).resolve().parent / "web"
STYLESHEET_PATH = "/assets/beliefloop.css"

SECURITY_HEADERS = {
    "content-security-policy": ("default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    # Preference links carry their token in the URL: never hand it to another site.
    "referrer-policy": "no-referrer",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


def _when(ts: float | None) -> str:
    """``1764355200`` -> ``"28 Nov 2025, 18:40 UTC"``."""
    if not ts:
        return "—"
    return time.strftime("%d %b %Y, %H:%M UTC", time.gmtime(ts)).lstrip("0")


def _day(ts: float | None) -> str:
    if not ts:
        return "—"
    return time.strftime("%d %B %Y", time.gmtime(ts)).lstrip("0")


def _ago(ts: float | None, now: float) -> str:
    """Relative time for lists: ``"3 hours ago"``."""
    if not ts:
        return "never"
    seconds = max(0.0, now - ts)
    for size, unit in ((86_400 * 30, "month"), (86_400 * 7, "week"), (86_400, "day"), (3600, "hour"),
                       (60, "minute")):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


_env = Environment(
    loader=FileSystemLoader(WEB / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,  # a typo in a template fails the test, not the user's page
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(when=_when, day=_day, ago=_ago, percent=percent, segment=user_segment)
_STYLESHEET = (WEB / "static" / "beliefloop.css").read_bytes()


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the page's common context (stylesheet URL, path prefix)."""
    root = request.scope.get("root_path", "")
    html = _env.get_template(template).render(root=root, stylesheet=root + STYLESHEET_PATH, **context)
    return HTMLResponse(html, status, headers=SECURITY_HEADERS)


def cross_site_page(request: Request) -> HTMLResponse:
    """The answer to a form posted from another site (see ``deps.cross_site``)."""
    return error_page(request, status=403, title="This form came from another site",
                      message="For your safety, changes are only accepted from this page itself.",
                      hint="Open the page again and use its own buttons.")


def error_page(request: Request, *, status: int, title: str, message: str, hint: str | None = None) -> HTMLResponse:
    """A plain, friendly error page (the JSON API keeps the OpenAI error shape instead)."""
    return render(request, "error.html", status=status, title=title, message=message, hint=hint)


async def stylesheet(_: Request) -> Response:
    return Response(_STYLESHEET, media_type="text/css",
                    headers={"cache-control": "public, max-age=3600", "x-content-type-options": "nosniff"})


async def read_form(request: Request, max_bytes: int) -> dict[str, str]:
    """An urlencoded form of at most ``max_bytes`` (a larger one reads as empty); no multipart:
    the pages never upload files."""
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > max_bytes:
            return {}
    return {k: v[0] for k, v in parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True).items()}


__all__ = ["SECURITY_HEADERS", "STYLESHEET_PATH", "WEB", "error_page", "read_form", "render", "stylesheet"]
