"""The preferences page and the operator dashboard.

Most tests drive the pages in-process with httpx (plain form posts, as a browser without
JavaScript sends them). The browser tests at the end drive a real headless Chromium through
Playwright against beliefloop on a loopback port; they use the system's browser
(``apt-get install chromium``; ``pip install playwright``, never ``playwright install``) and are
skipped when either is missing, except under CI (``$CI`` set), where they must run.
"""

from __future__ import annotations

import asyncio
import html
import os
import shutil
import time
from pathlib import Path
from typing import Any, Iterator

import httpx
import openai
import orjson
import pytest
import respx

from beliefs.insights.activity import day_range, personalised_share, review_pins, signals_per_day
from beliefs.insights.history import confidence_history, flips, leader_before
from beliefs.learning.confidence import ConfidenceModel
from beliefs.learning.selfmodel import Pin
from beliefs.records import EvidenceDelta, Identity, Observation
from proxy import create_app, settings_from_dict
from proxy.console.dashboard import SESSION_COOKIE, learning_curve
from proxy.console.explain import certainty, evidence_phrase, explain, milestones, shown_percent, tally
from proxy.console.samples import adapted, as_text, generic
from proxy.console.svgplot import Series, line_chart
from proxy.console.tokens import Grant, Signers
from tests.conftest import ADMIN_KEY, admin_headers, running, sdk
from tests.databases import database_url  # noqa: F401  (fixture)
from tests.fake_upstream import FakeUpstream, LiveServer
from tests.test_learning_loop import LONG_REPLY, SHORTENED, Upstream, ask
from tests.test_me_api import link_for, shorten

CM = ConfidenceModel()
T0 = 1_800_000_000.0


def observation(i: int, kind: str, deltas: list[tuple[str, str, float]], at: float, user: str = "u",
                context: str = "*", **features: Any) -> Observation:
    return Observation(f"o{user}{i}", "default", user, context, kind, None, features,  # type: ignore[arg-type]
                       tuple(EvidenceDelta(d, v, w) for d, v, w in deltas), at)


def text(response: httpx.Response) -> str:
    """The page as a person reads it (entities such as &#39; decoded)."""
    return html.unescape(response.text)


def token_of(url: str) -> str:
    return url.split("token=", 1)[1]


# -- the preferences page, without a browser -----------------------------------------------------

@respx.mock
async def test_page_explains_what_is_believed_and_what_it_changes(proxy, respx_mock):
    Upstream(respx_mock)
    await shorten(sdk(proxy), "sam", times=3)
    link = await link_for(proxy, "sam")
    response = await proxy.get(f"/me?token={link['token']}")
    assert response.status_code == 200
    page = text(response)
    assert "You seem to prefer <strong>concise answers</strong>" in page
    assert "Learned from 3 times you shortened a reply." in page
    assert "Answers are asked to: “Keep answers short" in page
    assert "Personalised across" in page
    assert "Generic answer" in page and "Tailored to you" in page and "illustration" in page


async def test_page_sends_no_script_and_a_strict_content_security_policy(proxy):
    link = await link_for(proxy, "sam")
    response = await proxy.get(f"/me?token={link['token']}")
    assert "<script" not in text(response).lower()
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    css = await proxy.get("/assets/beliefloop.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


@pytest.mark.parametrize("token, title", [
    ("", "This page needs a link"),
    ("not-a-token", "This link doesn't work"),
])
async def test_bad_links_get_a_clear_error_page(proxy, token, title):
    response = await proxy.get(f"/me?token={token}")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("text/html")
    assert title in text(response) and "get a fresh link" in text(response)


async def test_a_tampered_link_gets_a_clear_error_page(proxy):
    token = (await link_for(proxy, "sam"))["token"]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    response = await proxy.get(f"/me?token={tampered}")
    assert response.status_code == 401 and "This link doesn't work" in text(response)


async def test_an_expired_link_gets_a_clear_error_page(config):
    now = [T0]
    app = create_app(settings_from_dict(config, environ={}), clock=lambda: now[0], watch=False)
    async with running(app) as proxy:
        token = (await link_for(proxy, "sam", ttl_s=3600))["token"]
        now[0] += 3601
        response = await proxy.get(f"/me?token={token}")
        posted = await proxy.post("/me/reset", data={"token": token})
    assert response.status_code == 401 and "This link has expired" in text(response)
    assert posted.status_code == 401 and "This link has expired" in text(posted)


@respx.mock
async def test_forms_confirm_correct_and_remove_without_javascript(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    await shorten(client, "sam", times=1)
    token = (await link_for(proxy, "sam"))["token"]

    response = await proxy.post("/me/confirm", data={"token": token, "dimension": "preamble", "context": "*"})
    assert response.status_code == 303
    assert response.headers["location"] == f"/me?token={token}&done=confirmed"
    page = await proxy.get(response.headers["location"])
    assert "Thanks for confirming" in text(page)
    assert "You prefer <strong>answers that get straight to the point</strong>" in text(page)
    assert "confirming what we had learned" in text(page)

    response = await proxy.post("/me/correct", data={"token": token, "dimension": "length", "context": "*",
                                                     "value": "detailed"})
    assert response.status_code == 303 and response.headers["location"].endswith("done=corrected")
    await ask(client, [{"role": "user", "content": "What is UDP?"}], "sam")
    assert "Give thorough, detailed answers" in upstream.directives()

    response = await proxy.post("/me/remove", data={"token": token, "dimension": "length", "context": "*"})
    assert response.status_code == 303
    page = await proxy.get(response.headers["location"])
    assert "Forgotten." in text(page) and 'data-dimension="length"' not in text(page)


async def test_stating_a_preference_nothing_was_learned_about(proxy):
    token = (await link_for(proxy, "sam"))["token"]
    response = await proxy.post("/me/state", data={"token": token, "choice": "language=ja"})
    assert response.status_code == 303
    page = (await proxy.get(response.headers["location"])).text
    assert "You prefer <strong>answers in Japanese</strong>" in page
    assert "nothing had been learned about it before" in page


def card_of(page: str, dimension: str) -> str:
    """The HTML of one belief card."""
    start = page.index(f'data-dimension="{dimension}"')
    return page[start:page.index("</li>\n", page.index('class="actions"', start))]


async def test_a_percentage_is_never_rounded_across_the_apply_threshold(proxy):
    # 0.9168 used to read "Very sure (92%)" right above "we wait until we're 92% sure". The shipped
    # length rule now acts (tentatively) from 0.84: the same trap sits just below that.
    response = await proxy.put("/admin/users/sam/beliefs/length", headers=admin_headers(),
                               json={"value": "concise", "confidence": 0.8368})
    assert response.status_code == 200 and response.json()["beliefs"][0]["confidence"] == pytest.approx(0.8368)
    token = (await link_for(proxy, "sam"))["token"]
    card = card_of(text(await proxy.get(f"/me?token={token}")), "length")
    assert "(83%)" in card and "we wait until we're 84% sure" in card
    assert "(84%)" not in card
    assert shown_percent(0.9168, 0.92) == 91 and shown_percent(0.92, 0.92) == 92
    assert shown_percent(0.9996) == 99 and shown_percent(1.0) == 100
    assert certainty(0.9168, 0.92) == "fairly sure" and certainty(0.93, 0.92) == "very sure"


async def test_the_waiting_line_names_the_threshold_of_the_rule_that_would_apply(config):
    config["rules"] = [{"name": "short", "when": {"length": "concise"}, "min_confidence": 0.8,
                        "system": "Keep answers short."}]
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        await proxy.put("/admin/users/sam/beliefs/length", headers=admin_headers(),
                        json={"value": "concise", "confidence": 0.79})
        await proxy.put("/admin/users/sam/beliefs/tone", headers=admin_headers(),
                        json={"value": "formal", "confidence": 0.95})
        token = (await link_for(proxy, "sam"))["token"]
        page = text(await proxy.get(f"/me?token={token}"))
    assert "we wait until we're 80% sure" in card_of(page, "length") and "(79%)" in card_of(page, "length")
    assert "No answer setting uses this yet" in card_of(page, "tone")


async def test_a_value_the_app_set_is_told_as_set_by_the_app(proxy):
    await proxy.put("/admin/users/sam/beliefs/tone", headers=admin_headers(), json={"value": "formal"})
    token = (await link_for(proxy, "sam"))["token"]
    card = card_of(text(await proxy.get(f"/me?token={token}")), "tone")
    assert 'data-origin="app"' in card and "Set by the app you use on " in card
    assert "You seem to prefer" not in card and "Learned from" not in card


def test_evidence_against_a_belief_is_told():
    from beliefs.records import Belief

    log = [observation(i, "edit", [("length", "concise", 1.0)], T0 + i) for i in range(3)]
    log += [observation(10 + i, "regeneration", [("length", "detailed", 0.1)], T0 + 10 + i) for i in range(9)]
    e = explain(Belief("length", "concise", 0.8, 3, "*", "implicit", False, T0 + 30), log, 0.92)
    assert e.story == "Learned from 3 times you shortened a reply."
    assert e.against == "Against it: 9 times you regenerated an answer shaped this way."
    assert e.sentence.endswith("Against it: 9 times you regenerated an answer shaped this way.")
    support, against = tally(log, "length", "concise", "*")
    assert (support.total, against.total) == (3, 9)


@respx.mock
async def test_not_quite_offers_only_the_other_values_with_nothing_preselected(proxy, respx_mock):
    Upstream(respx_mock)
    await shorten(sdk(proxy), "sam", times=3)
    token = (await link_for(proxy, "sam"))["token"]
    card = card_of(text(await proxy.get(f"/me?token={token}")), "length")
    form = card[card.index('action="/me/correct"'):]
    assert 'value="detailed"' in form and 'value="concise"' not in form
    assert "selected disabled>Choose…" in form and "required" in form
    assert form.count(" selected") == 1
    # A Save without a choice changes nothing (the browser refuses it; the server too).
    response = await proxy.post("/me/correct", data={"token": token, "dimension": "length", "value": ""})
    assert response.status_code == 422
    document = (await proxy.get("/v1/me/beliefs", headers={"authorization": f"Bearer {token}"})).json()
    (length,) = [b for b in document["beliefs"] if b["dimension"] == "length"]
    assert length["pinned"] is False


async def test_an_invalid_choice_is_explained_on_the_page(proxy):
    token = (await link_for(proxy, "sam"))["token"]
    response = await proxy.post("/me/correct", data={"token": token, "dimension": "length", "value": "medium"})
    assert response.status_code == 422
    assert "wasn't one of the options" in text(response)


@respx.mock
async def test_reset_and_opt_out_through_the_page(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    await shorten(client, "sam", times=3)
    token = (await link_for(proxy, "sam"))["token"]
    page = (await proxy.get((await proxy.post("/me/reset", data={"token": token})).headers["location"])).text
    assert "everything we had learned about you is gone" in page and "Nothing learned yet" in page

    page = (await proxy.get((await proxy.post("/me/opt-out", data={"token": token})).headers["location"])).text
    assert "Personalisation is off" in page
    await shorten(client, "sam", times=3)
    assert upstream.directives() == ""
    page = (await proxy.get((await proxy.post("/me/opt-in", data={"token": token})).headers["location"])).text
    assert "Personalisation is back on" in page


# -- the page in the user's language, and the app's brand ---------------------------------------

def _messages_in_use() -> set[str | tuple[str, str]]:
    """Every message id the pages use, extracted from the code and templates as Babel does."""
    from babel.messages.extract import extract_from_dir

    console = Path(__file__).resolve().parents[1] / "proxy" / "console"
    keywords = {"_": None, "gettext": None, "N_": None, "ngettext": (1, 2), "NP_": (1, 2)}
    found: set[str | tuple[str, str]] = set()
    for _, _, message, _, _ in extract_from_dir(
            str(console), [("**.py", "python"), ("**/templates/**.html", "jinja2.ext:babel_extract")],
            keywords=keywords, options_map={"**/templates/**.html": {"trim_blocks": "true"}}):
        found.add(message)
    return found


@pytest.mark.parametrize("language", ["de", "es", "fr", "it", "pt", "nl"])
def test_every_message_the_pages_use_is_translated(language):
    import re

    from babel.messages.pofile import read_po

    from proxy.console.i18n import LOCALE_DIR

    with (LOCALE_DIR / f"{language}.po").open("rb") as source:
        catalog = read_po(source, locale=language)
    used = _messages_in_use()
    assert len(used) > 150
    missing = [m for m in used if catalog.get(m[0] if isinstance(m, tuple) else m) is None]
    assert missing == []
    placeholders = re.compile(r"%\(\w+\)[sd]")
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {message.id!r}"
        assert sorted(placeholders.findall(ids[-1])) == sorted(placeholders.findall(strings[-1])), message.id


def test_page_language_is_the_believed_one_then_the_browsers():
    from proxy.console.i18n import choose, from_accept_language

    assert choose("de", "es-ES,es;q=0.9") == "de"
    assert choose("ja", "fr-CH, fr;q=0.9, en;q=0.8") == "fr"  # no pages in Japanese: the browser's
    assert choose(None, "ja, pt-BR;q=0.5, it;q=0.7") == "it"
    assert choose(None, "ja") == "en" and choose(None, None) == "en"
    assert from_accept_language("nl;q=0, es;q=0.1") == "es"


async def test_page_is_in_german_for_a_user_believed_to_want_german(proxy):
    token = (await link_for(proxy, "lena"))["token"]
    await proxy.post("/me/state", data={"token": token, "choice": "language=de"})
    await proxy.post("/me/state", data={"token": token, "choice": "length=concise"})
    response = await proxy.get(f"/me?token={token}", headers={"accept-language": "es"})
    page = text(response)
    assert '<html lang="de">' in page
    assert "Wie Ihre Antworten angepasst werden" in page
    assert "Sie bevorzugen <strong>knappe Antworten</strong>" in page
    assert "Sie bevorzugen <strong>Antworten auf Deutsch</strong>" in page
    assert "Festgelegt am " in page and "vorher war darüber nichts gelernt" in page
    assert "How your answers are tailored" not in page


async def test_page_follows_accept_language_when_no_language_is_believed(proxy):
    token = (await link_for(proxy, "pablo"))["token"]
    page = text(await proxy.get(f"/me?token={token}", headers={"accept-language": "es-MX,es;q=0.9,en;q=0.5"}))
    assert '<html lang="es">' in page and "Cómo se adaptan tus respuestas" in page
    bad = await proxy.get("/me?token=nope", headers={"accept-language": "fr"})
    assert bad.status_code == 401 and "Ce lien ne fonctionne pas" in text(bad)


async def test_brand_name_logo_and_colours_come_from_config(config):
    config["pages"] = {"brand": {"name": "Acme Assist", "accent": "#7a1fa2", "logo_url": "https://cdn.acme.test/logo.png"}}
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        token = (await link_for(proxy, "sam"))["token"]
        response = await proxy.get(f"/me?token={token}")
        css = await proxy.get("/assets/brand.css")
    page = text(response)
    assert "Acme Assist" in page and "beliefloop" not in page.replace("/assets/beliefloop.css", "")
    assert '<img class="brand-logo" src="https://cdn.acme.test/logo.png"' in page
    assert "img-src 'self' data: https://cdn.acme.test;" in response.headers["content-security-policy"]
    assert "--accent: #7a1fa2;" in css.text and css.headers["content-type"].startswith("text/css")
    config["pages"] = {"brand": {"accent": "red; } body { display: none"}}
    with pytest.raises(Exception, match="accent"):
        settings_from_dict(config, environ={})


# -- the dashboard, without a browser ------------------------------------------------------------

async def test_dashboard_asks_for_the_admin_key_and_sets_a_strict_session_cookie(proxy):
    response = await proxy.get("/dashboard")
    assert response.status_code == 303 and response.headers["location"] == "/dashboard/login"
    wrong = await proxy.post("/dashboard/login", data={"key": "guess"})
    assert wrong.status_code == 401 and "That key is not right" in text(wrong)

    response = await proxy.post("/dashboard/login", data={"key": ADMIN_KEY})
    assert response.status_code == 303 and response.headers["location"] == "/dashboard"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/dashboard" in cookie
    assert ADMIN_KEY not in cookie
    assert (await proxy.get("/dashboard")).status_code == 200  # the client kept the cookie

    await proxy.post("/dashboard/logout")
    assert (await proxy.get("/dashboard")).status_code == 303


async def test_a_preference_token_is_not_a_dashboard_session(proxy):
    token = (await link_for(proxy, "sam"))["token"]
    proxy.cookies.set(SESSION_COOKIE, token, path="/dashboard")
    assert (await proxy.get("/dashboard")).status_code == 303


async def test_dashboard_is_off_without_an_admin_key(config):
    config.pop("admin_key")
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        response = await proxy.get("/dashboard/login")
        assert response.status_code == 403 and "The dashboard is off" in text(response)
        assert (await proxy.post("/dashboard/login", data={"key": "x"})).status_code == 403


@respx.mock
async def test_dashboard_shows_users_and_flywheel_plots(proxy, respx_mock):
    Upstream(respx_mock)
    await shorten(sdk(proxy), "sam", times=3)
    token = (await link_for(proxy, "sam"))["token"]
    await proxy.put("/v1/me/beliefs/length", headers={"authorization": f"Bearer {token}"}, json={"value": "detailed"})
    overview = (await proxy.get("/dashboard", headers=admin_headers())).text
    for plot in ("signals", "personalised", "churn", "corrections"):
        assert f'data-plot="{plot}"' in overview
    assert 'class="bar"' in overview and 'class="series"' in overview
    assert 'href="/dashboard/users/sam"' in overview
    assert "1</span><span class=\"stat-label\">corrections by users" in overview

    user = (await proxy.get("/dashboard/users/sam", headers=admin_headers())).text
    assert user.count('data-plot="confidence"') == 1
    assert 'data-series="*|length=detailed"' in user and 'class="marker"' in user
    assert 'data-kind="edit"' in user and "length → concise +1.00" in user
    assert "blr_" in user and "outcome" in user


async def test_dashboard_user_page_404s_for_a_stranger(proxy):
    response = await proxy.get("/dashboard/users/nobody", headers=admin_headers())
    assert response.status_code == 404 and "nothing stored" in text(response)


def test_dashboard_counts_are_made_in_sql_and_agree_with_the_pure_aggregates(database_url):
    from beliefs.insights import aggregates
    from beliefs.memory.sql_store import SqlStore
    from beliefs.records import BeliefView, ResponseRecord

    store = SqlStore.from_url(database_url, migrate=True)
    try:
        log = [observation(i, kind, [], T0 + i * 7_000, user=f"u{i % 3}")
               for i, kind in enumerate(["edit", "edit", "thumbs", "follow_up", "edit", "regeneration"] * 5)]
        log.append(observation(99, "edit", [], T0 - 3 * 86_400))  # before the window
        for o in log:
            store.record_observation(o, [])
        records = [ResponseRecord(f"r{i}", "default", f"user_{i}", "*", "h", "m", T0 + i * 9_000,
                                  applied=(BeliefView("length", "concise", 0.95),) if i % 3 else ())
                   for i in range(40)]
        records.append(ResponseRecord("other", "elsewhere", "user_1", "*", "h", "m", T0))  # another tenant
        for record in records:
            store.save_response(record)
        days = day_range(T0, T0 + 5 * 86_400)
        counted = aggregates.signals_per_day(store.engine, "default", days[0])
        expected = signals_per_day([o for o in log if o.created_at >= days[0]], days)
        assert {k: [counted.get(k, {}).get(d, 0) for d in days] for k in expected} == expected
        per_day = aggregates.personalised_per_day(store.engine, "default", days[0])
        overall, daily = personalised_share([r for r in records if r.tenant == "default"], days)
        assert [per_day.get(d, (0, 0)) for d in days] == [(s.part, s.total) for s in daily]
        assert sum(p for p, _ in per_day.values()) == overall.part == 26

        first = aggregates.users_page(store.engine, "default", "", 25, 0)
        assert first.matching == 40 and len(first.profiles) == 25
        assert first.profiles[0].user_id == "user_39"  # most recently active first
        assert len(aggregates.users_page(store.engine, "default", "", 25, 25).profiles) == 15
        found = aggregates.users_page(store.engine, "default", "USER_1", 25, 0)
        assert sorted(p.user_id for p in found.profiles) == ["user_1"] + [f"user_1{i}" for i in range(10)]
        assert aggregates.users_page(store.engine, "default", "%", 25, 0).matching == 0  # LIKE is escaped
        assert aggregates.user_totals(store.engine, "default").users == 40
    finally:
        store.close()


@respx.mock
async def test_dashboard_users_table_has_search_and_pages(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    for i in range(28):
        await ask(client, [{"role": "user", "content": "Hi"}], f"member-{i:02d}")
    page = text(await proxy.get("/dashboard", headers=admin_headers()))
    assert "1–25 of 28 users" in page and 'rel="next" href="/dashboard?page=2"' in page
    assert 'href="/dashboard/users/member-27"' in page and 'href="/dashboard/users/member-00"' not in page
    second = text(await proxy.get("/dashboard?page=2", headers=admin_headers()))
    assert "26–28 of 28 users" in second and 'href="/dashboard/users/member-00"' in second
    found = text(await proxy.get("/dashboard?q=ber-1", headers=admin_headers()))
    assert "1–10 of 10 matching “ber-1”" in found and 'href="/dashboard/users/member-27"' not in found
    none = text(await proxy.get("/dashboard?q=nobody", headers=admin_headers()))
    assert "No user id contains “nobody”" in none


@respx.mock
async def test_dashboard_latency_and_error_panels_read_the_metrics_counts(proxy, respx_mock):
    Upstream(respx_mock)
    client = sdk(proxy)
    for _ in range(3):
        await ask(client, [{"role": "user", "content": "Hi"}], "sam")
    metrics = (await proxy.get("/metrics")).text
    answered = next(line for line in metrics.splitlines()
                    if line.startswith("beliefloop_upstream_seconds_count"))
    page = text(await proxy.get("/dashboard", headers=admin_headers()))
    latency = page[page.index('data-panel="latency"'):page.index('data-panel="errors"')]
    assert f'<td class="num">{int(float(answered.rsplit(" ", 1)[1]))}</td>' in latency
    assert "beliefloop's own overhead" in latency and " ms</td>" in latency
    errors = page[page.index('data-panel="errors"'):]
    assert 'data-status="2xx">2xx: 3' in errors and "No errors answered" in errors


async def test_dashboard_keeps_simulated_benchmark_data_apart_and_labelled(config, tmp_path: Path):
    (tmp_path / "latest.json").write_bytes(orjson.dumps({"curves": {"interaction": [1, 2, 3], "f1": [0.1, 0.5, 0.8]}}))
    config["pages"] = {"benchmark_results": str(tmp_path / "latest.json")}
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        page = text(await proxy.get("/dashboard", headers=admin_headers()))
    simulated = page[page.index('data-section="simulated"'):]
    assert 'data-plot="learning-curve"' in simulated and "not your traffic" in simulated
    assert 'data-plot="learning-curve"' not in page[:page.index('data-section="simulated"')]


@respx.mock
async def test_dashboard_user_page_speaks_plainly_and_keeps_raw_data_behind_a_toggle(proxy, respx_mock):
    Upstream(respx_mock)
    await shorten(sdk(proxy), "sam", times=3)
    page = text(await proxy.get("/dashboard/users/sam", headers=admin_headers()))
    plain = page[:page.index("<details")]
    assert "Concise answers</strong>" in plain and "Learned from 3 times you shortened a reply." in plain
    assert "blr_" not in plain  # ids are one click away, not up front
    assert "Pointed to answers that get straight to the point, concise answers" in page and "Answer of " in page


def test_learning_curve_is_read_from_the_flywheel_benchmark(tmp_path: Path):
    missing = learning_curve(tmp_path / "latest.json")
    assert missing["available"] is False and missing["reason"].startswith("not available")
    (tmp_path / "latest.json").write_bytes(orjson.dumps({
        "curves": {"interaction": [1, 2, 3], "f1": [0.0, 0.5, 0.9], "alignment": [0.2, 0.4, 0.6],
                   "precision": [1.0, 1.0, 1.0]},
        "calibration": {"ece": 0.05},
    }))
    curve = learning_curve(tmp_path / "latest.json")
    assert curve["available"] is True
    assert 'data-series="f1"' in curve["plot"] and 'data-series="precision"' not in curve["plot"]
    assert "expected calibration error 0.050" in curve["facts"]
    (tmp_path / "latest.json").write_text("{not json")
    assert learning_curve(tmp_path / "latest.json")["available"] is False


# -- the pure parts behind the pages -------------------------------------------------------------

@respx.mock
async def test_replaying_observations_reproduces_the_live_confidence(config, respx_mock):
    Upstream(respx_mock)
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as proxy:
        await shorten(sdk(proxy), "sam", times=3)
        runtime = app.state.runtime
        service = runtime.service
        observations = await runtime.rights.observations(Identity("default", "sam"), 100)
        live = {(b.context, b.dimension): b for b in await runtime.rights.stored_beliefs(Identity("default", "sam"))}
        now = service.clock()
    history = confidence_history(observations, service.learning.confidence, now)
    for key, belief in live.items():
        assert history[key][-1].leader == belief.value
        assert history[key][-1].means[belief.value] == pytest.approx(belief.confidence, abs=1e-9)


def test_confidence_history_follows_a_value_through_its_reversal():
    log = [observation(i, "edit", [("length", "concise", 1.0)], T0 + i) for i in range(3)]
    log += [observation(i, "follow_up", [("length", "detailed", 1.0)], T0 + 10 + i) for i in range(3, 8)]
    points = confidence_history(log, CM)[("*", "length")]
    assert [round(p.means["concise"], 2) for p in points[:3]] == [0.73, 0.88, 0.95]
    assert points[2].leader == "concise" and points[-1].leader == "detailed"
    (flip,) = flips(log, CM)
    assert (flip.old, flip.new) == ("concise", "detailed")


def test_first_learning_is_not_counted_as_churn():
    log = [observation(i, "edit", [("emoji", "avoid", 1.0)], T0 + i) for i in range(4)]
    assert flips(log, CM) == []


def test_pins_are_judged_against_what_was_learned_before_them():
    log = {"u": [observation(i, "edit", [("length", "concise", 1.0), ("emoji", "avoid", 1.0)], T0 + i)
                 for i in range(3)]}
    pins = [("u", "*", "length", Pin("detailed", 1.0, T0 + 100)),
            ("u", "*", "emoji", Pin("avoid", 1.0, T0 + 100)),
            ("u", "*", "tone", Pin("formal", 1.0, T0 + 100))]
    kinds = {r.dimension: r.kind for r in review_pins(pins, log, CM)}
    assert kinds == {"length": "correction", "emoji": "confirmation", "tone": "stated"}
    assert leader_before(log["u"], "*", "length", T0, CM) is None  # nothing before the first signal


def test_daily_aggregates_bucket_by_utc_day():
    days = day_range(T0, T0 + 2 * 86_400)
    log = [observation(0, "edit", [], T0), observation(1, "thumbs", [], T0 + 86_400), observation(2, "edit", [], T0 + 5)]
    by_kind = signals_per_day(log, days)
    assert sum(by_kind["edit"]) == 2 and sum(by_kind["thumbs"]) == 1 and len(days) == 3
    from beliefs.records import BeliefView, ResponseRecord

    records = [ResponseRecord(str(i), "default", "u", "*", "h", "m", T0 + i,
                              applied=(BeliefView("length", "concise", 0.8),) if i % 2 else ())
               for i in range(4)]
    overall, _ = personalised_share(records, days)
    assert (overall.part, overall.total, overall.ratio) == (2, 4, 0.5)


def test_explanations_count_what_the_user_did():
    log = [observation(i, "edit", [("length", "concise", 1.0)], T0 + i) for i in range(5)]
    log += [observation(9, "follow_up", [("length", "concise", 1.0)], T0 + 9, context="work")]
    assert evidence_phrase(log, "length", "concise", "*") == (
        "5 times you shortened a reply and the one time you asked for it in a message")
    assert evidence_phrase(log, "length", "concise", "work") == "the one time you asked for it in a message"
    from beliefs.records import Belief

    sentence = explain(Belief("length", "concise", 0.82, 5, "*", "implicit", False, T0), log).sentence
    assert sentence == ("You seem to prefer concise answers — fairly sure (82%). Learned from 5 times you "
                        "shortened a reply and the one time you asked for it in a message.")
    assert [m.title for m in milestones(["length", "tone", "emoji", "code", "format", "preamble"], ["*"])] == [
        "Personalised across 6 dimensions"]
    assert milestones([], ["*"]) == []


def test_the_illustration_changes_only_what_preferences_say():
    plain = as_text(generic())
    assert plain.startswith("Great question!") and "😊" in plain
    concise = as_text(adapted({"length": "concise", "preamble": "skip", "emoji": "avoid"}))
    assert len(concise) < len(plain) / 3 and "Great question" not in concise and "😊" not in concise
    lists = adapted({"format": "lists"})
    assert [b.kind for b in lists.blocks] == ["p", "ul", "p"]
    assert adapted({"language": "de"}).notes == ("The real answer would be written in German.",)


def test_plots_escape_their_labels():
    svg = line_chart([Series("<script>x</script>", ((T0, 0.5), (T0 + 86_400, 0.8)), "#000")], plot="p",
                     title="t & <b>", description="d")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "t &amp; &lt;b&gt;" in svg


# -- in a real browser ---------------------------------------------------------------------------

CHROMIUM = os.environ.get("BELIEFLOOP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install playwright)")
    if shutil.which(CHROMIUM) is None:
        _unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set BELIEFLOOP_CHROMIUM)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def live(config) -> Iterator[tuple[FakeUpstream, LiveServer]]:
    upstream = FakeUpstream(reply_text=LONG_REPLY)
    with LiveServer(upstream) as upstream_server:
        config["upstream"]["base_url"] = f"{upstream_server.url}/v1"
        app = create_app(settings_from_dict(config, environ={}), watch=False)
        with LiveServer(app) as server:
            yield upstream, server


def _link(server: LiveServer, user: str) -> str:
    response = httpx.post(f"{server.url}/admin/users/{user}/preferences-link", headers=admin_headers())
    response.raise_for_status()
    return response.json()["url"]


def _remembered(server: LiveServer, response_id: str) -> None:
    """Wait until the proxy has recorded a reply. It does so just after sending it, so a client
    as fast as a test could otherwise send its edit before the reply it edits is known."""
    deadline = time.monotonic() + 5
    while httpx.get(f"{server.url}/admin/responses/{response_id}", headers=admin_headers()).status_code != 200:
        assert time.monotonic() < deadline, f"{response_id} was never recorded"
        time.sleep(0.02)


def _edit_once(client: openai.OpenAI, server: LiveServer, user: str) -> None:
    messages = [{"role": "user", "content": "What is TCP?"}]
    raw = client.chat.completions.with_raw_response.create(model="gpt-test", messages=messages, user=user)
    _remembered(server, raw.headers["x-beliefloop-response-id"])
    client.chat.completions.create(model="gpt-test", user=user, messages=messages + [
        {"role": "assistant", "content": SHORTENED}, {"role": "user", "content": "and UDP?"}])


def test_browser_user_sees_a_learned_belief_corrects_it_and_the_next_request_follows(live, browser):
    from playwright.sync_api import expect

    upstream, server = live
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-client", max_retries=0)
    _edit_once(client, server, "sam")

    # No JavaScript at all, on a phone-sized screen: the basic actions must still work.
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(_link(server, "sam"))
    card = page.locator("li.belief[data-dimension=length]")
    expect(card).to_contain_text("You seem to prefer concise answers")
    expect(card).to_contain_text("Learned from the one time you shortened a reply.")
    expect(card).to_contain_text("Not used yet")
    card.locator("summary", has_text="Not quite").click()
    card.get_by_label("I prefer instead").select_option("detailed")
    card.get_by_role("button", name="Save").click()
    expect(page.locator("p.flash")).to_contain_text("Saved. Your next answer will follow it.")
    corrected = page.locator("li.belief[data-dimension=length]")
    expect(corrected).to_contain_text("You prefer detailed, thorough answers")
    expect(corrected).to_contain_text("replacing what we had learned before (concise answers)")
    expect(corrected).to_contain_text("Tailoring your answers")
    context.close()

    raw = client.chat.completions.with_raw_response.create(
        model="gpt-test", user="sam", messages=[{"role": "user", "content": "What is UDP?"}])
    assert "length=detailed" in raw.headers["x-beliefloop-applied"]
    system = upstream.received[-1]["messages"][0]
    assert system["role"] == "system" and "Give thorough, detailed answers" in system["content"]


def test_browser_expired_and_tampered_links_get_clear_error_pages(live, browser):
    from playwright.sync_api import expect

    _, server = live
    page = browser.new_page()
    url = _link(server, "sam")
    response = page.goto(url[:-2] + ("AA" if not url.endswith("AA") else "BB"))
    assert response is not None and response.status == 401
    expect(page.get_by_role("heading", level=1)).to_have_text("This link doesn't work")

    expired = Signers.build(None, ADMIN_KEY).links.sign(Grant("me", "default", "sam", time.time() - 60))
    response = page.goto(f"{server.url}/me?token={expired}")
    assert response is not None and response.status == 401
    expect(page.get_by_role("heading", level=1)).to_have_text("This link has expired")
    expect(page.locator("main")).to_contain_text("get a fresh link")


def test_browser_page_fits_a_phone_screen(live, browser):
    _, server = live
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-client", max_retries=0)
    _edit_once(client, server, "sam")
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(_link(server, "sam"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.evaluate("getComputedStyle(document.querySelector('button')).minHeight") == "44px"


def test_browser_dashboard_renders_plots_for_a_user_with_history(live, browser):
    from playwright.sync_api import expect

    _, server = live
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-client", max_retries=0)
    for _ in range(2):
        _edit_once(client, server, "sam")
    token = token_of(_link(server, "sam"))
    httpx.put(f"{server.url}/v1/me/beliefs/format", json={"value": "lists"},
              headers={"authorization": f"Bearer {token}"}).raise_for_status()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server.url}/dashboard")
    expect(page).to_have_url(f"{server.url}/dashboard/login")
    page.get_by_label("Admin key").fill(ADMIN_KEY)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{server.url}/dashboard")
    (cookie,) = [c for c in context.cookies() if c["name"] == SESSION_COOKIE]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and ADMIN_KEY not in cookie["value"]

    expect(page.locator("figure[data-plot=signals] > svg rect.bar").first).to_be_visible()
    expect(page.locator("figure[data-plot=personalised] > svg polyline.series")).to_have_count(1)
    expect(page.locator("figure[data-plot=corrections] > svg rect.bar").first).to_be_visible()
    page.get_by_role("link", name="sam").click()
    expect(page).to_have_url(f"{server.url}/dashboard/users/sam")
    plot = page.locator("figure[data-plot=confidence] > svg")
    expect(plot).to_be_visible()
    assert plot.locator("polyline.series").count() >= 3
    expect(plot.locator("path.marker")).to_have_count(1)  # the pinned format=lists
    expect(page.locator(".timeline li[data-kind=edit]")).to_have_count(2)
    box = plot.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 100
    context.close()


def test_browser_page_speaks_the_believed_language_then_the_browsers(live, browser):
    from playwright.sync_api import expect

    _, server = live
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-client", max_retries=0)
    _edit_once(client, server, "lena")
    lena = _link(server, "lena")
    httpx.post(f"{server.url}/me/state", data={"token": token_of(lena), "choice": "language=de"})

    context = browser.new_context(locale="es-ES")  # the browser asks for Spanish
    page = context.new_page()
    page.goto(lena)  # ...but beliefloop believes Lena wants German
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text("Wie Ihre Antworten angepasst werden")
    card = page.locator("li.belief[data-dimension=length]")
    expect(card).to_contain_text("Sie bevorzugen anscheinend knappe Antworten")
    expect(card).to_contain_text("Gelernt aus: das eine Mal, als Sie eine Antwort gekürzt haben.")
    expect(card).to_contain_text("Noch nicht verwendet: Wir warten, bis wir zu 84% sicher sind.")

    _edit_once(client, server, "pablo")
    page.goto(_link(server, "pablo"))  # nothing believed about Pablo's language: the browser's
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cómo se adaptan tus respuestas")
    card = page.locator("li.belief[data-dimension=length]")
    expect(card).to_contain_text("Parece que prefieres respuestas concisas")
    card.locator("summary", has_text="No exactamente").click()
    picker = card.get_by_label("Prefiero en su lugar")
    expect(picker).to_have_value("")  # nothing preselected, least of all the belief being rejected
    assert picker.locator("option").all_inner_texts() == ["Elige…", "Respuestas detalladas y completas"]
    card.get_by_role("button", name="Guardar").click()  # Save without a choice: the browser refuses it
    expect(page.locator("p.flash")).to_have_count(0)
    picker.select_option("detailed")
    card.get_by_role("button", name="Guardar").click()
    expect(page.locator("p.flash")).to_contain_text("Guardado.")
    expect(page.locator("li.belief[data-dimension=length]")).to_contain_text(
        "en lugar de lo que habíamos aprendido antes (respuestas concisas)")
    context.close()


def test_browser_dashboard_searches_and_pages_through_users(live, browser):
    from playwright.sync_api import expect

    _, server = live
    client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-client", max_retries=0)
    for i in range(27):
        client.chat.completions.create(model="gpt-test", user=f"member-{i:02d}",
                                       messages=[{"role": "user", "content": "Hi"}])
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{server.url}/dashboard/login")
    page.get_by_label("Admin key").fill(ADMIN_KEY)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("[data-listing]")).to_have_text("1–25 of 27 users, most recently active first.")
    expect(page.locator("table[data-table=users] tbody tr")).to_have_count(25)
    page.get_by_role("link", name="Older →").click()
    expect(page.locator("table[data-table=users] tbody tr")).to_have_count(2)
    expect(page.get_by_role("link", name="member-00")).to_be_visible()
    page.get_by_label("Find a user").fill("ber-2")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("[data-listing]")).to_have_text("1–7 of 7 matching “ber-2”, most recently active first.")
    expect(page.get_by_role("link", name="member-26")).to_be_visible()
    expect(page.get_by_role("link", name="Older →")).to_have_count(0)
    simulated = page.locator("[data-section=simulated]")
    expect(simulated).to_contain_text("not your traffic")


# -- comparison anchoring ------------------------------------------------------------------------

@respx.mock
async def test_a_sampled_request_also_fetches_the_generic_answer_and_the_page_shows_the_pair(config, respx_mock):
    config["comparison"] = {"sample_rate": 1.0}
    upstream = Upstream(respx_mock)
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        client = sdk(proxy)
        await shorten(client, "sam", times=3)
        calls = len(upstream.received)
        _, headers = await ask(client, [{"role": "user", "content": "What is UDP?"}], "sam")
        assert "length=concise" in headers["x-beliefloop-applied"]
        token = (await link_for(proxy, "sam"))["token"]
        deadline = time.monotonic() + 10
        while True:  # the generic answer is fetched and stored in the background
            udp = [i for i, body in enumerate(upstream.received) if body["messages"][-1]["content"] == "What is UDP?"]
            page = text(await proxy.get(f"/me?token={token}"))
            if len(udp) == 2 and f"(answer {udp[1] + 1})" in page:
                break
            assert time.monotonic() < deadline, "the comparison was never shown"
            await asyncio.sleep(0.05)
        metrics = (await proxy.get("/metrics")).text
    assert len(udp) == 2 and udp[0] >= calls  # the personalised call, then the generic one
    personalised, generic = (upstream.received[i] for i in udp)
    assert personalised["messages"][0]["role"] == "system" and "Keep answers short" in personalised["messages"][0]["content"]
    assert generic["messages"] == [{"role": "user", "content": "What is UDP?"}] and not generic.get("stream")
    pair = page[page.index('data-section="comparison"'):]
    assert "Your own question, answered both ways" in pair
    assert f"(answer {udp[1] + 1})" in pair[pair.index('data-answer="generic"'):pair.index('data-answer="personalised"')]
    assert f"(answer {udp[0] + 1})" in pair[pair.index('data-answer="personalised"'):]
    assert 'beliefloop_comparison_tokens_total{kind="prompt"}' in metrics
    assert "See the difference" not in page  # the real pair replaces the canned illustration


@respx.mock
async def test_comparisons_are_off_by_default_and_cleared_with_the_texts(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    await shorten(client, "sam", times=3)
    calls = len(upstream.received)
    await ask(client, [{"role": "user", "content": "What is UDP?"}], "sam")
    assert len(upstream.received) == calls + 1
    assert "beliefloop_comparisons_total{" not in (await proxy.get("/metrics")).text


def test_retention_clears_a_comparison_with_the_response_text(tmp_path: Path):
    from beliefs.insights.comparisons import latest_pair
    from beliefs.memory.sql_store import SqlStore
    from beliefs.records import ResponseRecord

    store = SqlStore.from_url(f"sqlite:///{tmp_path / 'c.db'}", migrate=True)
    try:
        store.save_response(ResponseRecord("r1", "default", "u", "*", "h", "m", T0, text="Short answer."))
        assert store.attach_comparison("r1", {"text": "A generic, longer answer.", "at": T0})
        assert store.attach_comparison("missing", {"text": "x"}) is False
        pair = latest_pair(store.engine, Identity("default", "u"))
        assert pair is not None and (pair.personalised, pair.generic) == ("Short answer.", "A generic, longer answer.")
        store.purge(text_before=T0 + 1, observations_before=0.0)
        assert latest_pair(store.engine, Identity("default", "u")) is None
        with store.engine.connect() as connection:
            from sqlalchemy import text as sql
            (features,) = connection.execute(sql("SELECT features FROM response_record")).one()
        assert "comparison" not in str(features)
    finally:
        store.close()


def test_browser_page_shows_the_users_own_question_answered_both_ways(config, browser):
    from playwright.sync_api import expect

    config["comparison"] = {"sample_rate": 1.0}
    upstream = FakeUpstream(reply_text=LONG_REPLY)
    with LiveServer(upstream) as upstream_server:
        config["upstream"]["base_url"] = f"{upstream_server.url}/v1"
        with LiveServer(create_app(settings_from_dict(config, environ={}), watch=False)) as server:
            client = openai.OpenAI(base_url=f"{server.url}/v1", api_key="sk-client", max_retries=0)
            httpx.put(f"{server.url}/admin/users/sam/beliefs/length", headers=admin_headers(),
                      json={"value": "concise", "pinned": True}).raise_for_status()
            client.chat.completions.create(model="gpt-test", user="sam",
                                           messages=[{"role": "user", "content": "What is UDP?"}])
            page = browser.new_page(viewport={"width": 390, "height": 844})
            link = _link(server, "sam")
            deadline = time.monotonic() + 10
            while True:  # fetched and stored in the background
                page.goto(link)
                if page.locator("[data-section=comparison]").count():
                    break
                assert time.monotonic() < deadline, "no comparison pair shown"
                time.sleep(0.1)
            section = page.locator("[data-section=comparison]")
            expect(section.get_by_role("heading")).to_have_text("Your own question, answered both ways")
            expect(section.locator("[data-answer=generic] figcaption")).to_have_text("Generic answer")
            expect(section.locator("[data-answer=personalised] figcaption")).to_have_text("The answer you got")
            expect(section.locator("[data-answer=generic]")).to_contain_text(LONG_REPLY[:40])
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
    systems = [m["messages"][0]["role"] for m in upstream.received]
    assert sorted(systems) == ["system", "user"]  # one personalised call, one generic
