"""The /v1/me API and preference links: a user sees and corrects their own self-model, and the
next request through the openai SDK follows the correction."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from proxy import create_app, settings_from_dict
from proxy.console.tokens import ExpiredToken, Grant, InvalidToken, Signers, TokenSigner
from tests.conftest import ADMIN_KEY, admin_headers, running, sdk
from tests.test_learning_loop import SHORTENED, Upstream, ask

DETAILED = "Give thorough, detailed answers"
CONCISE = "Keep answers short"


async def shorten(client, user: str, times: int) -> None:
    """A user who shortens ``times`` replies before moving on."""
    messages: list[dict[str, Any]] = [{"role": "user", "content": "What is TCP?"}]
    for turn in range(times + 1):
        await ask(client, messages, user)
        messages = messages + [{"role": "assistant", "content": f"{SHORTENED} ({turn})"},
                               {"role": "user", "content": f"And what about question {turn}?"}]


async def link_for(proxy, user: str, **body: Any) -> dict[str, Any]:
    response = await proxy.post(f"/admin/users/{user}/preferences-link", headers=admin_headers(), json=body)
    assert response.status_code == 200, response.text
    return response.json()


def bearer(token: str) -> dict[str, str]:
    return {"authorization": f"Bearer {token}"}


def belief(document: dict[str, Any], dimension: str, context: str = "*") -> dict[str, Any]:
    return next(b for b in document["beliefs"] if b["dimension"] == dimension and b["context"] == context)


# -- links -------------------------------------------------------------------------------------

async def test_preference_link_needs_the_admin_key(proxy):
    response = await proxy.post("/admin/users/sam/preferences-link")
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "authentication_error"


async def test_preference_link_points_at_the_page_and_expires_after_its_ttl(proxy):
    default = await link_for(proxy, "sam")
    short = await link_for(proxy, "sam", ttl_s=600)
    assert default["url"] == f"http://beliefloop.test/me?token={default['token']}"
    assert default["expires_at"] - short["expires_at"] == pytest.approx(7 * 86_400 - 600, abs=2)


async def test_preference_link_ttl_is_bounded(proxy):
    response = await proxy.post("/admin/users/sam/preferences-link", headers=admin_headers(), json={"ttl_s": 5})
    assert response.status_code == 422
    assert response.json()["error"]["param"] == "ttl_s"


async def test_preference_link_uses_the_public_base_url(config):
    config["pages"] = {"public_base_url": "https://prefs.example.com/beliefloop/"}
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        link = await link_for(proxy, "sam")
    assert link["url"].startswith("https://prefs.example.com/beliefloop/me?token=")


# -- reading -----------------------------------------------------------------------------------

@respx.mock
async def test_beliefs_are_explained_in_plain_words(proxy, respx_mock):
    Upstream(respx_mock)
    await shorten(sdk(proxy), "sam", times=3)
    token = (await link_for(proxy, "sam"))["token"]
    document = (await proxy.get("/v1/me/beliefs", headers=bearer(token))).json()
    length = belief(document, "length")
    assert length["value"] == "concise" and length["applied"] is True
    assert length["explanation"].startswith("You seem to prefer concise answers — very sure (95%)")
    assert "Learned from 3 times you shortened a reply." in length["explanation"]
    assert any(CONCISE in d for d in length["directives"])
    assert length["choices"] == ["detailed"]  # what may be picked instead
    assert document["milestones"] and document["milestones"][0]["title"].startswith("Personalised across")
    assert document["example"]["illustration"] is True
    assert document["example"]["generic"] != document["example"]["adapted"]


async def test_a_new_user_has_an_empty_self_model(proxy):
    token = (await link_for(proxy, "newcomer"))["token"]
    me = (await proxy.get("/v1/me", headers=bearer(token))).json()
    no_pairs = {"latest": None, "lift": {"pairs": 0, "lift": None, "stderr": None, "enough": False, "min_pairs": 5}}
    assert me == {"user_id": "newcomer", "opted_out": False, "expires_at": me["expires_at"], "milestones": [],
                  "comparison": no_pairs}
    document = (await proxy.get("/v1/me/beliefs", headers=bearer(token))).json()
    assert document["beliefs"] == [] and document["example"] is None and document["comparison"] == no_pairs


# -- changing ----------------------------------------------------------------------------------

@respx.mock
async def test_correction_is_pinned_and_the_next_request_follows_it(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    await shorten(client, "sam", times=3)
    assert CONCISE in upstream.directives()
    token = (await link_for(proxy, "sam"))["token"]
    response = await proxy.put("/v1/me/beliefs/length", headers=bearer(token), json={"value": "detailed"})
    assert response.status_code == 200, response.text
    length = belief(response.json(), "length")
    assert (length["value"], length["pinned"], length["source"]) == ("detailed", True, "manual")
    assert length["explanation"].startswith("You prefer detailed, thorough answers. Pinned on ")
    assert length["origin"] == "pinned" and length["pin"] == "correction"
    assert "replacing what we had learned before (concise answers)" in length["explanation"]

    _, headers = await ask(client, [{"role": "user", "content": "What is UDP?"}], "sam")
    assert "length=detailed" in headers["x-beliefloop-applied"]
    assert DETAILED in upstream.directives() and CONCISE not in upstream.directives()


@respx.mock
async def test_a_pinned_correction_outranks_later_evidence(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    token = (await link_for(proxy, "kai"))["token"]
    await proxy.put("/v1/me/beliefs/length", headers=bearer(token), json={"value": "detailed"})
    await shorten(client, "kai", times=4)  # behaviour says concise, the user said detailed
    assert DETAILED in upstream.directives()
    assert belief((await proxy.get("/v1/me/beliefs", headers=bearer(token))).json(), "length")["value"] == "detailed"


@respx.mock
async def test_confirming_pins_the_learned_value(proxy, respx_mock):
    Upstream(respx_mock)
    await shorten(sdk(proxy), "sam", times=1)
    token = (await link_for(proxy, "sam"))["token"]
    document = (await proxy.put("/v1/me/beliefs/length", headers=bearer(token), json={"value": "concise"})).json()
    length = belief(document, "length")
    assert (length["value"], length["pinned"], length["confidence"]) == ("concise", True, 1.0)
    assert length["applied"] is True


async def test_a_correction_can_be_scoped_to_a_context(proxy):
    token = (await link_for(proxy, "sam"))["token"]
    await proxy.put("/v1/me/beliefs/tone", headers=bearer(token), json={"value": "formal", "context": "work"})
    document = (await proxy.get("/v1/me/beliefs", headers=bearer(token))).json()
    assert belief(document, "tone", "work")["value"] == "formal"
    assert not [b for b in document["beliefs"] if b["context"] == "*"]


async def test_invalid_corrections_are_422_with_the_allowed_values(proxy):
    token = (await link_for(proxy, "sam"))["token"]
    response = await proxy.put("/v1/me/beliefs/length", headers=bearer(token), json={"value": "medium"})
    assert response.status_code == 422
    assert "allowed: concise, detailed" in response.json()["error"]["message"]
    response = await proxy.put("/v1/me/beliefs/mood", headers=bearer(token), json={"value": "happy"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "unknown_dimension"


@respx.mock
async def test_removing_one_belief_and_resetting_everything(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    await shorten(client, "sam", times=3)
    token = (await link_for(proxy, "sam"))["token"]
    response = await proxy.delete("/v1/me/beliefs/length", headers=bearer(token))
    assert response.status_code == 200
    dimensions = {b["dimension"] for b in (await proxy.get("/v1/me/beliefs", headers=bearer(token))).json()["beliefs"]}
    assert "length" not in dimensions and dimensions
    assert (await proxy.delete("/v1/me/beliefs/length", headers=bearer(token))).status_code == 404

    assert (await proxy.delete("/v1/me/beliefs", headers=bearer(token))).status_code == 200
    assert (await proxy.get("/v1/me/beliefs", headers=bearer(token))).json()["beliefs"] == []
    _, headers = await ask(client, [{"role": "user", "content": "What is UDP?"}], "sam")
    assert headers["x-beliefloop-applied"] == "" and upstream.directives() == ""


@respx.mock
async def test_opting_out_stops_personalisation_until_opting_back_in(proxy, respx_mock):
    upstream = Upstream(respx_mock)
    client = sdk(proxy)
    await shorten(client, "sam", times=3)
    token = (await link_for(proxy, "sam"))["token"]
    assert (await proxy.put("/v1/me/opt-out", headers=bearer(token), json={"opted_out": True})).status_code == 200
    me = (await proxy.get("/v1/me", headers=bearer(token))).json()
    assert me["opted_out"] is True
    await shorten(client, "sam", times=3)
    assert upstream.directives() == ""
    response = await proxy.put("/v1/me/beliefs/length", headers=bearer(token), json={"value": "concise"})
    assert response.status_code == 409 and response.json()["error"]["code"] == "opted_out"
    # a reset keeps the opt-out: forgetting data must never switch observation back on
    await proxy.delete("/v1/me/beliefs", headers=bearer(token))
    assert (await proxy.get("/v1/me", headers=bearer(token))).json()["opted_out"] is True

    await proxy.put("/v1/me/opt-out", headers=bearer(token), json={"opted_out": False})
    await proxy.put("/v1/me/beliefs/length", headers=bearer(token), json={"value": "concise"})
    await ask(client, [{"role": "user", "content": "What is UDP?"}], "sam")
    assert CONCISE in upstream.directives()


# -- tokens ------------------------------------------------------------------------------------

async def test_requests_without_a_token_are_401(proxy):
    response = await proxy.get("/v1/me/beliefs")
    assert response.status_code == 401 and response.json()["error"]["code"] == "invalid_token"


async def test_a_tampered_token_is_refused(proxy):
    token = (await link_for(proxy, "sam"))["token"]
    payload, signature = token.split(".")
    forged = TokenSigner(b"not the server's secret at all!!").sign(Grant("me", "default", "eve", 2e9))
    for bad in (f"{payload}.{signature[:-2]}xx", f"{forged.split('.')[0]}.{signature}", forged, "garbage"):
        response = await proxy.get("/v1/me/beliefs", headers=bearer(bad))
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "invalid_token"


async def test_an_expired_token_is_refused_with_its_own_code(config):
    now = [2_000_000_000.0]
    app = create_app(settings_from_dict(config, environ={}), clock=lambda: now[0], watch=False)
    async with running(app) as proxy:
        token = (await link_for(proxy, "sam", ttl_s=60))["token"]
        assert (await proxy.get("/v1/me", headers=bearer(token))).status_code == 200
        now[0] += 61
        response = await proxy.get("/v1/me", headers=bearer(token))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_expired"
    assert "expired" in response.json()["error"]["message"]


async def test_a_dashboard_session_cannot_be_used_as_a_preference_token(proxy):
    signers = Signers.build(None, ADMIN_KEY)  # what the app derives from its admin key
    session = signers.sessions.sign(Grant("dashboard", "default", None, 2e9))
    assert (await proxy.get("/v1/me", headers=bearer(signers.links.sign(Grant("me", "default", "sam", 2e9))))
            ).status_code == 200
    response = await proxy.get("/v1/me", headers=bearer(session))
    assert response.status_code == 401


async def test_links_survive_a_restart_when_signed_with_the_derived_secret(config):
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        token = (await link_for(proxy, "sam"))["token"]
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        assert (await proxy.get("/v1/me", headers=bearer(token))).status_code == 200


async def test_an_explicit_pages_secret_comes_from_the_environment(config):
    settings = settings_from_dict(config, environ={"BELIEFLOOP_PAGES_SECRET": "s" * 32})
    assert settings.pages.secret == "s" * 32
    async with running(create_app(settings_from_dict(config, environ={}), watch=False)) as proxy:
        token = (await link_for(proxy, "sam"))["token"]
    async with running(create_app(settings, watch=False)) as proxy:
        assert (await proxy.get("/v1/me", headers=bearer(token))).status_code == 401


def test_token_signer_rejects_other_purposes_tampering_and_expiry():
    signer = TokenSigner(b"k" * 32)
    token = signer.sign(Grant("me", "acme", "sam", 1000))
    assert signer.verify(token, "me", 999) == Grant("me", "acme", "sam", 1000.0)
    with pytest.raises(ExpiredToken):
        signer.verify(token, "me", 1000)
    with pytest.raises(InvalidToken):
        signer.verify(token, "dashboard", 0)
    with pytest.raises(InvalidToken):
        TokenSigner(b"j" * 32).verify(token, "me", 0)
    with pytest.raises(InvalidToken):
        signer.verify(token + "x" * 3000, "me", 0)
