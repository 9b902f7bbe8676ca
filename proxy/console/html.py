"""HTML responses for beliefloop's own pages: one Jinja2 environment, one set of security headers.

Pages are server-rendered and work without JavaScript. The Content-Security-Policy allows no
script at all and only our own stylesheet; plots are inline SVG coloured with presentation
attributes, which the policy does not govern.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from .explain import ENGLISH, N_, Translator, percent
from .paths import user_segment

WEB = Path(__file__).resolve().parent / "web"
STYLESHEET_PATH = "/assets/beliefloop.css"
#: The brand's colours (``pages.brand``) as CSS variables, loaded after the stylesheet.
BRAND_STYLESHEET_PATH = "/assets/brand.css"

_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:{images}; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
SECURITY_HEADERS = {
    "content-security-policy": _CSP.format(images=""),
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


def _seconds(value: float | None) -> str:
    """A latency for people: ``0.0042`` -> ``"4.2 ms"``, ``1.5`` -> ``"1.50 s"``."""
    if value is None:
        return "—"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


_env = Environment(
    loader=FileSystemLoader(WEB / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,  # a typo in a template fails the test, not the user's page
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(when=_when, day=_day, ago=_ago, percent=percent, segment=user_segment)
_env.globals.update(seconds=_seconds)
_STYLESHEET = (WEB / "static" / "beliefloop.css").read_bytes()


def _gettext(t: Translator) -> Callable[..., str]:
    """The templates' ``_("message %(name)s", name=...)``: translated, then filled in (and, being
    a plain string, escaped by autoescaping like any other value)."""
    def gettext(message: str, **values: Any) -> str:
        text = t.gettext(message)
        return text % values if values else text
    return gettext


def _ngettext(t: Translator) -> Callable[..., str]:
    def ngettext(singular: str, plural: str, n: int, **values: Any) -> str:
        return t.ngettext(singular, plural, n) % {"n": n, **values}
    return ngettext


def _brand(request: Request) -> Any:
    return request.app.state.runtime.settings.pages.brand


def render(request: Request, template: str, *, status: int = 200, t: Translator = ENGLISH,
           **context: Any) -> HTMLResponse:
    """Render ``template`` with the page's common context (stylesheets, path prefix, brand) in
    the language of ``t``."""
    root = request.scope.get("root_path", "")
    brand = _brand(request)
    html = _env.get_template(template).render(
        root=root, stylesheet=root + STYLESHEET_PATH, brand_stylesheet=root + BRAND_STYLESHEET_PATH,
        brand=brand, lang=getattr(t, "language", "en"), _=_gettext(t), ngettext=_ngettext(t),
        day=getattr(t, "day", _day), **context)
    headers = dict(SECURITY_HEADERS)
    if brand.logo_url and brand.logo_url.startswith("https://"):
        parts = urlsplit(brand.logo_url)
        headers["content-security-policy"] = _CSP.format(images=f" https://{parts.netloc}")
    return HTMLResponse(html, status, headers=headers)


async def brand_stylesheet(request: Request) -> Response:
    """``pages.brand``'s colours as CSS variables (validated ``#rrggbb`` values, so nothing else
    can be written into the stylesheet)."""
    brand = _brand(request)
    css = (f":root {{ --accent: {brand.accent}; --accent-ink: {brand.accent_ink}; "
           f"--accent-soft: {brand.accent_soft}; }}\n")
    return Response(css, media_type="text/css",
                    headers={"cache-control": "no-cache", "x-content-type-options": "nosniff"})


def cross_site_page(request: Request, t: Translator = ENGLISH) -> HTMLResponse:
    """The answer to a form posted from another site (see ``deps.cross_site``)."""
    return error_page(request, status=403, title=N_("This form came from another site"),
                      message=N_("For your safety, changes are only accepted from this page itself."),
                      hint=N_("Open the page again and use its own buttons."), t=t)


def error_page(request: Request, *, status: int, title: str, message: str, hint: str | None = None,
               t: Translator = ENGLISH) -> HTMLResponse:
    """A plain, friendly error page (the JSON API keeps the OpenAI error shape instead); the
    texts are message ids, translated through ``t``."""
    return render(request, "error.html", status=status, t=t, title=t.gettext(title), message=t.gettext(message),
                  hint=t.gettext(hint) if hint else None)


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


__all__ = ["BRAND_STYLESHEET_PATH", "SECURITY_HEADERS", "STYLESHEET_PATH", "WEB", "brand_stylesheet", "error_page",
           "read_form", "render", "stylesheet"]
