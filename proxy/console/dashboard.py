"""The operator dashboard: who is understood how well, and whether the flywheel turns.

Authentication is the admin key. A browser cannot send a Bearer header, so ``/dashboard/login``
takes the key once in a POST form, checks it with the admin API's own dependency
(:func:`proxy.console.deps.admin_tenant`, so both always agree on keys and tenants), and sets an
HttpOnly, SameSite=Strict cookie holding a signed, expiring session token with the tenant in it.
The key itself is never put in a URL, a cookie or a log. API clients may send
``Authorization: Bearer <admin key>`` instead.

Read-only: every figure comes from the store through read methods; nothing here writes.
"""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any, Mapping, Sequence

import orjson
from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from beliefs.insights import activity
from beliefs.insights.history import confidence_history, flips
from beliefs.insights.lift import MIN_PAIRS
from beliefs.dimensions import NOT_OBSERVED
from beliefs.records import GLOBAL_CONTEXT, Belief, Identity, Observation
from proxy.errors import ProxyError
from proxy.ratelimit import Throttled

from .deps import admin_scope, admin_tenant, client_address, cross_site, runtime_of, signers_of
from .explain import preference
from . import preferences
from .html import _when, cross_site_page, error_page, read_form, render
from . import traffic
from .svgplot import Marker, Series, Stack, color, line_chart, percent_label, stacked_bars
from .tokens import Grant, TokenError

SESSION_COOKIE = "beliefloop_dashboard"
WINDOW_DAYS = 30
#: Users per page of the users table.
PAGE_SIZE = 25
MAX_SEARCH_CHARS = 64
#: Observations replayed for churn and corrections (newest first); older history is cut off.
OBSERVATION_CAP = 50_000
PIN_CAP = 10_000
MAX_FORM_BYTES = 4096
#: Where the flywheel benchmark writes its summary (``bench/flywheel``), from the repository root.
DEFAULT_BENCHMARK = Path(__file__).resolve().parents[2] / "bench" / "flywheel" / "results" / "latest.json"

router = APIRouter(prefix="/dashboard", tags=["dashboard"])


# -- authentication ------------------------------------------------------------------------------

def _as_admin_call(request: Request, key: str | None, tenant: str | None = None) -> str:
    """Ask the admin API's own dependency which tenant ``key`` unlocks (raises its 401/403).

    ``tenant`` is sent as ``X-BeliefLoop-Tenant``: a global admin key may choose one.
    """
    headers = []
    if key is not None:
        headers.append((b"authorization", f"Bearer {key}".encode("latin-1")))
    if tenant:
        headers.append((b"x-beliefloop-tenant", tenant.encode("latin-1")))
    scope = dict(request.scope)
    scope["headers"] = headers
    return admin_scope(Request(scope))


def _admin_enabled(request: Request) -> bool:
    try:
        _as_admin_call(request, None)
    except ProxyError as error:
        return error.code != "admin_disabled"
    return True


async def _tenant(request: Request) -> str | None:
    """The tenant of a valid session cookie or admin Bearer header; None means: log in."""
    if not _admin_enabled(request):
        return admin_scope(request)  # raises the admin API's own 403 admin_disabled
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        try:
            return signers_of(request).sessions.verify(cookie, "dashboard", runtime_of(request).service.clock()).tenant
        except TokenError:
            pass
    if request.headers.get("authorization"):
        return await admin_tenant(request)  # raises the admin API's own 401/403/429
    return None


def _tenant_for_key(request: Request, key: str, tenant: str | None) -> str | None:
    """The tenant ``key`` may act on (None: a wrong key, or a tenant it may not act on)."""
    try:
        return _as_admin_call(request, key, tenant)
    except (ProxyError, UnicodeEncodeError):
        return None


def _login_redirect(request: Request) -> Response:
    return RedirectResponse(f"{request.scope.get('root_path', '')}/dashboard/login", status_code=303)


@router.get("/login")
async def login_page(request: Request) -> Response:
    if not _admin_enabled(request):
        return _disabled(request)
    return render(request, "login.html", error=None)


@router.post("/login")
async def login(request: Request) -> Response:
    runtime = runtime_of(request)
    if cross_site(request):
        return cross_site_page(request)  # login CSRF: a session in the victim's browser
    if not _admin_enabled(request):
        return _disabled(request)
    form = await read_form(request, MAX_FORM_BYTES)
    named = form.get("tenant", "").strip() or None
    address, counted = client_address(request), runtime.keys.attempt_tenant(named)
    try:  # failed sign-ins are throttled per address and per tenant, across every worker
        await runtime.keys.throttle.check(address, counted)
    except Throttled as error:
        page = render(request, "login.html", status=429, error=f"Too many failed sign-ins: {error.message}.")
        page.headers.update(error.headers)
        return page
    tenant = _tenant_for_key(request, form.get("key", ""), named)
    if tenant is None:
        await runtime.keys.throttle.failed(address, counted)
        await asyncio.sleep(0.5)  # slows guessing down; the comparison itself is constant-time
        return render(request, "login.html", status=401, error="That key is not right.")
    ttl = runtime.settings.pages.session_ttl_s
    token = signers_of(request).sessions.sign(Grant("dashboard", tenant, None, runtime.service.clock() + ttl))
    response = RedirectResponse(f"{request.scope.get('root_path', '')}/dashboard", status_code=303)
    response.set_cookie(SESSION_COOKIE, token, max_age=ttl, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https", path="/dashboard")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    if cross_site(request):
        return cross_site_page(request)
    response = _login_redirect(request)
    response.delete_cookie(SESSION_COOKIE, path="/dashboard", httponly=True, samesite="strict")
    return response


def _disabled(request: Request) -> Response:
    return error_page(request, status=403, title="The dashboard is off",
                      message="No admin key is configured, so the dashboard and the admin API are disabled.",
                      hint="Set BELIEFLOOP_ADMIN_KEY (or admin_key in config.yaml) and restart beliefloop.")


# -- overview ------------------------------------------------------------------------------------

@router.get("")
async def overview(request: Request, q: str = "", page: int = 1) -> Response:
    tenant = await _tenant(request)
    if tenant is None:
        return _login_redirect(request)
    runtime = runtime_of(request)
    cm = runtime.service.learning.confidence
    now = runtime.service.clock()
    days = activity.day_range(now - (WINDOW_DAYS - 1) * activity.DAY_S, now)
    since = days[0]
    search = q.strip()[:MAX_SEARCH_CHARS]
    page = max(1, page)
    snapshot = await runtime.insights.tenant(tenant, since, search=search, limit=PAGE_SIZE,
                                             offset=(page - 1) * PAGE_SIZE, observations=OBSERVATION_CAP,
                                             pins=PIN_CAP)
    observations, pins, models = snapshot.observations, snapshot.pins, snapshot.models

    users = [{"profile": p, "depth": activity.depth(models.get(p.user_id), now, cm)}
             for p in snapshot.users.profiles]
    by_kind = {kind: [snapshot.signals.get(kind, {}).get(day, 0) for day in days]
               for kind in (*activity.SIGNAL_KINDS, *sorted(set(snapshot.signals) - set(activity.SIGNAL_KINDS)))}
    daily = [activity.Share(*snapshot.personalised.get(day, (0, 0))) for day in days]
    overall = activity.Share(sum(s.part for s in daily), sum(s.total for s in daily))
    signals_in_window = sum(sum(counts) for counts in by_kind.values())
    # Churn and corrections replay the observation log through the confidence model: that
    # arithmetic lives in Python (beliefs/insights/history.py), bounded by OBSERVATION_CAP.
    window_flips = [f for f in flips(observations, cm) if f.at >= since]
    by_user: dict[str, list[Observation]] = {}
    for o in observations:
        by_user.setdefault(o.user_id, []).append(o)
    reviews = [r for r in activity.review_pins(pins, by_user, cm) if r.at >= since]
    corrections = sum(1 for r in reviews if r.kind == "correction")
    confirmations = sum(1 for r in reviews if r.kind == "confirmation")
    reviewed = corrections + confirmations

    signal_plot = stacked_bars(
        days, [Stack(activity.SIGNAL_LABELS.get(kind, kind), tuple(counts), color(i))
               for i, (kind, counts) in enumerate(by_kind.items())],
        plot="signals", title="Signals per day, by kind",
        description=f"{signals_in_window} signals in the last {WINDOW_DAYS} days: "
                    + ", ".join(f"{sum(c)} {activity.SIGNAL_LABELS.get(k, k)}" for k, c in by_kind.items()))
    share_points = tuple((day, s.ratio) for day, s in zip(days, daily) if s.ratio is not None)
    share_plot = line_chart(
        [Series("personalised requests", share_points, color(0), "personalised")],  # type: ignore[arg-type]
        plot="personalised", title="Share of requests personalised, per day",
        description=f"{overall.part} of {overall.total} recorded requests had at least one preference applied.")
    churn_plot = stacked_bars(
        days, [Stack("leading value changed", tuple(activity.churn_per_day(window_flips, days)), color(1))],
        plot="churn", title="Belief churn: leading values that flipped, per day",
        description=f"{len(window_flips)} beliefs changed their leading value in the last {WINDOW_DAYS} days.")
    review_plot = stacked_bars(
        days, [Stack(label, tuple(activity.per_day((r.at for r in reviews if r.kind == kind), days)), colour)
               for kind, label, colour in (("correction", "corrections", color(1)),
                                            ("confirmation", "confirmations", color(2)),
                                            ("stated", "stated by the user", color(5)))],
        plot="corrections", title="What users did with their beliefs, per day",
        description=f"{corrections} corrections, {confirmations} confirmations in the last {WINDOW_DAYS} days.")
    curve = learning_curve(_benchmark_path(runtime.settings.pages.benchmark_results))
    matching = snapshot.users.matching
    pages = max(1, math.ceil(matching / PAGE_SIZE))

    return render(
        request, "dashboard.html", now=now, tenant=tenant, users=users, window_days=WINDOW_DAYS,
        truncated=len(observations) >= OBSERVATION_CAP,
        totals={
            "users": snapshot.totals.users,
            "opted_out": snapshot.totals.opted_out,
            "signals": signals_in_window,
            "personalised": overall.ratio,
            "requests": overall.total,
            "flips": len(window_flips),
            "corrections": corrections,
            "correction_rate": corrections / reviewed if reviewed else None,
        },
        listing={"search": search, "page": page, "pages": pages, "matching": matching,
                 "first": (page - 1) * PAGE_SIZE + 1 if users else 0, "last": (page - 1) * PAGE_SIZE + len(users)},
        signal_plot=signal_plot, share_plot=share_plot, churn_plot=churn_plot, review_plot=review_plot,
        curve=curve, traffic=traffic.read(request.app.state.metrics.collect()),
    )


# -- one user ------------------------------------------------------------------------------------

@router.get("/users/{user_id:user}")
async def user_page(user_id: str, request: Request) -> Response:
    tenant = await _tenant(request)
    if tenant is None:
        return _login_redirect(request)
    runtime = runtime_of(request)
    cm = runtime.service.learning.confidence
    now = runtime.service.clock()
    snapshot = await runtime.insights.user(Identity(tenant, user_id), observations=1000, responses=12)
    profile, model = snapshot.profile, snapshot.model
    beliefs: list[Belief] = model.stored_beliefs(now, cm) if model is not None else []
    observations, responses = snapshot.observations, snapshot.responses
    if profile is None and not beliefs and not observations:
        return error_page(request, status=404, title="No such user",
                          message="beliefloop has nothing stored about this user.")

    signals: dict[str, list[Observation]] = {}
    for o in observations:
        if o.response_id:
            signals.setdefault(o.response_id, []).append(o)
    # The beliefs in the words of the user's own page (the same explanation and the same
    # in-use decision); raw values stay one click away.
    prefs = await preferences.load(runtime, Identity(tenant, user_id))
    shown = prefs.groups
    return render(
        request, "dashboard_user.html", now=now, user_id=user_id, profile=profile, shown=shown,
        pair=prefs.comparison, lift=prefs.lift, min_pairs=MIN_PAIRS,
        beliefs=sorted(beliefs, key=lambda b: (b.context != GLOBAL_CONTEXT, b.context, b.dimension)),
        plots=confidence_plots(observations, beliefs, cm.apply_threshold, cm, now),
        observations=observations[:200], responses=responses, signals=signals,
        answered={r.id: _when(r.created_at) for r in responses},
        features=_features, deltas=_deltas, plain=_plain_deltas, preference=preference,
    )


def confidence_plots(observations: Sequence[Observation], beliefs: Sequence[Belief], threshold: float,
                     model: Any, now: float) -> list[tuple[str, Any]]:
    """One line chart per context: confidence in each dimension's current value over time.

    Lines replay the observation log; a diamond marks a belief pinned or set by hand (those
    replace evidence outside the log).
    """
    wanted: dict[str, set[str]] = {}
    for b in beliefs:
        wanted.setdefault(b.dimension, set()).add(b.value)
    history = confidence_history(observations, model, now, wanted)
    current = {(b.context, b.dimension): b for b in beliefs}
    contexts = sorted({c for c, _ in history} | {b.context for b in beliefs},
                      key=lambda c: (c != GLOBAL_CONTEXT, c))
    plots = []
    for context in contexts:
        series, markers = [], []
        dimensions = sorted({d for c, d in history if c == context} | {b.dimension for b in beliefs if b.context == context})
        for index, dimension in enumerate(dimensions):
            points = history.get((context, dimension), [])
            belief = current.get((context, dimension))
            value = belief.value if belief is not None else next((p.leader for p in reversed(points) if p.leader), None)
            if value is None:
                continue
            line = tuple((p.at, p.means[value]) for p in points if value in p.means)
            series.append(Series(f"{dimension}: {value}", line, color(index), f"{context}|{dimension}={value}"))
            if belief is not None and belief.source == "manual":
                what = "pinned" if belief.pinned else "set by hand"
                markers.append(Marker(belief.updated_at, belief.confidence,
                                      f"{dimension}: {value} {what} ({belief.confidence:.0%})", color(index)))
        label = "everywhere" if context == GLOBAL_CONTEXT else f"in context “{context}”"
        final = ", ".join(f"{s.label} {percent_label(s.points[-1][1])}" for s in series if s.points)
        plots.append((label, line_chart(
            series, plot="confidence", title=f"Confidence over time, {label}",
            description=f"Confidence in each current belief after every signal. Now: {final or 'nothing learned'}.",
            threshold=threshold, threshold_label=f"applied from {threshold:.0%}", markers=markers)))
    return plots


def _features(features: Mapping[str, Any]) -> str:
    """A one-line summary of an observation's extracted features (scalars only)."""
    parts = []
    for key, value in features.items():
        if isinstance(value, bool):
            if value:
                parts.append(key)
        elif isinstance(value, (int, float)) and not (isinstance(value, float) and math.isnan(value)):
            parts.append(f"{key}={value:g}")
        elif isinstance(value, str) and len(value) <= 24:
            parts.append(f"{key}={value}")
        if len(parts) >= 8:
            break
    return ", ".join(parts)


def _plain_deltas(observation: Observation) -> list[str]:
    """Where a signal pointed, in words: ``["concise answers", "answers without emoji"]``."""
    return [preference(d.dimension, d.value) if d.value != NOT_OBSERVED else f"something other than the {d.dimension} used"
            for d in observation.deltas]


def _deltas(observation: Observation) -> list[str]:
    return [f"{d.dimension} → {d.value} +{d.weight:.2f}{' (explicit)' if d.source == 'explicit' else ''}"
            for d in observation.deltas]


# -- the flywheel benchmark's learning curve -----------------------------------------------------

def _benchmark_path(configured: str | None) -> Path:
    return Path(configured) if configured else DEFAULT_BENCHMARK


_X_KEYS = ("interaction", "interactions", "turn", "turns", "step", "steps", "request", "requests",
           "signals", "n", "index", "x")
#: Series worth a line when the benchmark reports them (others are drawn only if none of these is).
_PREFERRED = ("f1", "alignment", "baseline_alignment")
_LABELS = {
    "f1": "beliefs right (macro F1)", "micro_f1": "beliefs right (micro F1)",
    "alignment": "answers fitting, personalised", "baseline_alignment": "answers fitting, no personalisation",
    "precision": "precision", "recall": "recall", "nopref_share": "answers with no preference",
}


def learning_curve(path: Path) -> dict[str, Any]:
    """The benchmark's learning curve as a plot, with a few headline numbers, or why not.

    Reads ``{"curves": {"interaction": [1, 2, ...], "f1": [...], ...}}`` as the flywheel benchmark
    writes it, and also a list of points (``[{"interaction": 1, "f1": 0.5}, ...]``); anything
    else is reported as not available rather than guessed at.
    """
    def unavailable(reason: str) -> dict[str, Any]:
        return {"available": False, "reason": f"not available: {reason}", "path": str(path)}

    if not path.is_file():
        return unavailable("the flywheel benchmark has not been run here")
    try:
        document = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError) as error:
        return unavailable(f"cannot read {path.name} ({error})")
    raw = document.get("curves", document.get("learning_curve")) if isinstance(document, dict) else None
    series = _curve_series(raw)
    if not series:
        return unavailable(f"no learning curve found in {path.name}")
    fractions = all(0.0 <= y <= 1.0 for s in series for _, y in s.points)
    y_max, ticks = (1.0, (0.0, 0.25, 0.5, 0.75, 1.0)) if fractions else _ticks(max(y for s in series for _, y in s.points))
    plot = line_chart(
        series, plot="learning-curve", title="Learning curve (flywheel benchmark)",
        description=f"{', '.join(s.label for s in series)} by interaction, from {path.name}.",
        y_max=y_max, y_ticks=ticks, y_format=percent_label if fractions else (lambda v: f"{v:g}"),
        x_format=lambda v: f"#{v:g}", x_ticks=_integer_ticks(series))
    return {"available": True, "plot": plot, "path": str(path), "facts": _facts(document)}


def _integer_ticks(series: Sequence[Series]) -> list[float]:
    xs = [x for s in series for x, _ in s.points]
    lo, hi = min(xs), max(xs)
    step = max(1, math.ceil((hi - lo) / 5))
    return [float(x) for x in range(int(lo), int(hi) + 1, step)] + ([hi] if (hi - lo) % step else [])


def _ticks(top: float) -> tuple[float, tuple[float, ...]]:
    from .svgplot import _nice_ticks

    y_max, ticks = _nice_ticks(top)
    return y_max, tuple(ticks)


def _numbers(values: Any) -> bool:
    return isinstance(values, list) and bool(values) and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in values)


def _curve_series(raw: Any) -> list[Series]:
    columns: dict[str, list[float]] = {}
    if isinstance(raw, dict):
        columns = {k: v for k, v in raw.items() if _numbers(v)}
    elif isinstance(raw, list) and raw and all(isinstance(p, dict) for p in raw):
        keys = [k for k in raw[0] if all(isinstance(p.get(k), (int, float)) for p in raw)]
        columns = {k: [p[k] for p in raw] for k in keys}
    x_key = next((k for k in _X_KEYS if k in columns), None)
    xs = columns.pop(x_key) if x_key else None
    names = [k for k in _PREFERRED if k in columns] or list(columns)
    return [Series(_LABELS.get(name, name.replace("_", " ")),
                   tuple((float(xs[i]) if xs and i < len(xs) else float(i + 1), float(y))
                         for i, y in enumerate(columns[name])),
                   color(index), name)
            for index, name in enumerate(names)]


def _facts(document: Any) -> list[str]:
    """A few headline numbers, when the benchmark reports them."""
    facts = []
    calibration = document.get("calibration") if isinstance(document, dict) else None
    if isinstance(calibration, dict) and isinstance(calibration.get("ece"), (int, float)):
        facts.append(f"expected calibration error {calibration['ece']:.3f}")
    alignment = document.get("alignment") if isinstance(document, dict) else None
    if isinstance(alignment, dict) and isinstance(alignment.get("ratio_at_10"), (int, float)):
        facts.append(f"answers fitting at interaction 10: {alignment['ratio_at_10']:.1f}× the baseline")
    meta = document.get("meta") if isinstance(document, dict) else None
    if isinstance(meta, dict) and isinstance(meta.get("personas"), list):
        facts.append(f"{len(meta['personas'])} simulated personas")
    return facts


__all__ = ["SESSION_COOKIE", "confidence_plots", "learning_curve", "router"]
