"""The "your preferences" page: a user sees what beliefloop believes about them, and why, and
changes it. Served by beliefloop itself; plain HTML forms, so every action works without
JavaScript, and a layout that reads well on a phone.

The page is opened through a preference link (``/me?token=...``) that the app got from
``POST /admin/users/{user_id}/preferences-link``. Each form posts the token back in a hidden
field and is answered with a redirect to the page (post/redirect/get), so reloading never
repeats an action. 
"""

from __future__ import annotations

from typing import Awaitable, Callable
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from proxy.errors import ProxyError
from proxy.runtime import Runtime

from . import me, preferences
from .deps import cross_site, runtime_of, signers_of
from .explain import N_
from .html import cross_site_page, error_page, read_form, render
from .i18n import PageTranslations, choose, translations
from .samples import QUESTION
from .tokens import Grant, TokenError

MAX_FORM_BYTES = 8192

#: Messages shown after an action, keyed by the ``done`` query parameter (a closed set).
DONE: dict[str, str] = {
    "confirmed": N_("Thanks for confirming. We'll keep it that way until you change it."),
    "corrected": N_("Saved. Your next answer will follow it."),
    "stated": N_("Saved. Your next answer will follow it."),
    "removed": N_("Forgotten. We'll start learning about that again from scratch."),
    "reset": N_("Done: everything we had learned about you is gone."),
    "opted-out": N_("Personalisation is off, and what we had learned about you is deleted."),
    "opted-in": N_("Personalisation is back on. We'll start learning from your next conversation."),
}

router = APIRouter(tags=["pages"])


def _browser_language(request: Request) -> PageTranslations:
    """Before the user is known (a bad link), only the browser says which language to use."""
    return translations(choose(None, request.headers.get("accept-language")))


async def language_of(request: Request, grant: Grant) -> PageTranslations:
    """The user's page language: the answer language beliefloop believes they want (when the
    pages speak it), else the browser's ``Accept-Language``, else English."""
    believed = next((b.value for b in await runtime_of(request).rights.effective_beliefs(grant.who())
                     if b.dimension == "language"), None)
    return translations(choose(believed, request.headers.get("accept-language")))


def _grant(request: Request, token: str) -> Grant | Response:
    """The grant in a preference-link token, or the error page that explains why not."""
    t = _browser_language(request)
    if not token:
        return error_page(request, status=401, title=N_("This page needs a link"),
                          message=N_("Your preferences are opened through a private link from the app you use."),
                          hint=N_("Open your preferences from the app again to get a fresh link."), t=t)
    try:
        return signers_of(request).links.verify(token, "me", runtime_of(request).service.clock())
    except TokenError as error:
        if error.code == "token_expired":
            return error_page(request, status=401, title=N_("This link has expired"),
                              message=N_("Preference links only work for a limited time, to keep your settings "
                                         "private."),
                              hint=N_("Open your preferences from the app again to get a fresh link."), t=t)
        return error_page(request, status=401, title=N_("This link doesn't work"),
                          message=N_("The link is not valid. It may have been copied incompletely or changed."),
                          hint=N_("Open your preferences from the app again to get a fresh link."), t=t)


async def _page(request: Request, grant: Grant, token: str, *, flash: str | None = None,
                error: str | None = None, status: int = 200) -> Response:
    t = await language_of(request, grant)
    prefs = await preferences.load(runtime_of(request), grant.who(), t, t.day)
    return render(request, "preferences.html", status=status, t=t, prefs=prefs, token=token,
                  expires_at=grant.expires_at, flash=t.gettext(flash) if flash else None,
                  error=t.gettext(error) if error else None, question=t.gettext(QUESTION))


@router.get("/me")
async def preferences_page(request: Request, token: str = "", done: str = "") -> Response:
    grant = _grant(request, token)
    if isinstance(grant, Response):
        return grant
    return await _page(request, grant, token, flash=DONE.get(done))


Action = Callable[[Runtime, Grant, dict[str, str]], Awaitable[object]]


def _state(runtime: Runtime, grant: Grant, form: dict[str, str]) -> Awaitable[object]:
    dimension, _, value = form.get("choice", "").partition("=")
    return preferences.correct(runtime, grant.who(), dimension, value)


ACTIONS: dict[str, tuple[Action, str]] = {
    "confirm": (lambda r, g, f: preferences.confirm(r, g.who(f.get("context")), f.get("dimension", "")),
                "confirmed"),
    "correct": (lambda r, g, f: preferences.correct(r, g.who(f.get("context")), f.get("dimension", ""),
                                                    f.get("value", "")), "corrected"),
    "state": (_state, "stated"),
    "remove": (lambda r, g, f: preferences.remove(r, g.who(f.get("context")), f.get("dimension", "")),
               "removed"),
    "reset": (lambda r, g, f: preferences.reset(r, g.who()), "reset"),
    "opt-out": (lambda r, g, f: preferences.set_opt_out(r, g.who(), True), "opted-out"),
    "opt-in": (lambda r, g, f: preferences.set_opt_out(r, g.who(), False), "opted-in"),
}


@router.post("/me/{action}")
async def preferences_action(action: str, request: Request) -> Response:
    if cross_site(request):
        return cross_site_page(request, _browser_language(request))
    form = await read_form(request, MAX_FORM_BYTES)
    token = form.get("token", "")
    grant = _grant(request, token)
    if isinstance(grant, Response):
        return grant
    if action not in ACTIONS:
        return error_page(request, status=404, title=N_("Unknown action"),
                          message=N_("That is not something this page does."), t=_browser_language(request))
    perform, done = ACTIONS[action]
    try:
        await perform(runtime_of(request), grant, form)
    except ProxyError as error:
        return await _page(request, grant, token, error=_plain(error), status=error.status)
    query = urlencode({"token": token, "done": done})
    return RedirectResponse(f"{request.scope.get('root_path', '')}{me.ME_PAGE_PATH}?{query}", status_code=303)


def _plain(error: ProxyError) -> str:
    """The message id telling what went wrong (translated where the page is rendered)."""
    if error.code == "opted_out":
        return N_("Personalisation is off for you. Turn it back on first.")
    if error.status == 404:
        return N_("There was nothing to change there any more. The page below is up to date.")
    return N_("That change couldn't be made: the choice wasn't one of the options.")


__all__ = ["ACTIONS", "DONE", "router"]
