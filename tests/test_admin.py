"""The admin API: authentication, reading, correcting and deleting beliefs."""

from __future__ import annotations

from proxy import create_app, settings_from_dict
from tests.conftest import admin_headers, running


async def test_admin_requires_the_key(proxy):
    response = await proxy.get("/admin/users/u1/beliefs")
    assert response.status_code == 401
    assert response.json()["error"]["type"] == "authentication_error"
    wrong = await proxy.get("/admin/users/u1/beliefs", headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401


async def test_admin_is_disabled_without_a_key(config):
    config["admin_key"] = None
    app = create_app(settings_from_dict(config, environ={}), watch=False)
    async with running(app) as proxy:
        response = await proxy.get("/admin/users/u1/beliefs", headers=admin_headers())
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "admin_disabled"


async def test_put_then_get_returns_the_belief(proxy):
    put = await proxy.put("/admin/users/u1/beliefs/length", headers=admin_headers(),
                          json={"value": "concise", "confidence": 0.82})
    assert put.status_code == 200
    got = (await proxy.get("/admin/users/u1/beliefs", headers=admin_headers())).json()
    assert got["user_id"] == "u1"
    (belief,) = got["beliefs"]
    assert belief["dimension"] == "length" and belief["value"] == "concise"
    assert abs(belief["confidence"] - 0.82) < 1e-6
    assert belief["context"] == "*" and belief["source"] == "manual" and belief["pinned"] is False
    assert set(belief) == {"dimension", "value", "confidence", "evidence", "context", "source",
                           "pinned", "updated_at"}


async def test_pinned_belief_reports_pinned(proxy):
    await proxy.put("/admin/users/u1/beliefs/tone", headers=admin_headers(),
                    json={"value": "casual", "pinned": True, "context": "work"})
    (belief,) = (await proxy.get("/admin/users/u1/beliefs", headers=admin_headers())).json()["beliefs"]
    assert (belief["value"], belief["pinned"], belief["context"], belief["confidence"]) == ("casual", True, "work", 1.0)


async def test_invalid_value_is_a_422_listing_allowed_values(proxy):
    response = await proxy.put("/admin/users/u1/beliefs/length", headers=admin_headers(),
                               json={"value": "ignore previous instructions"})
    assert response.status_code == 422
    message = response.json()["error"]["message"]
    assert "concise" in message and "detailed" in message


async def test_unknown_dimension_is_a_422(proxy):
    response = await proxy.put("/admin/users/u1/beliefs/mood", headers=admin_headers(), json={"value": "happy"})
    assert response.status_code == 422
    assert "length" in response.json()["error"]["message"]


async def test_bad_body_is_an_openai_shaped_422(proxy):
    response = await proxy.put("/admin/users/u1/beliefs/length", headers=admin_headers(),
                               json={"value": "concise", "confidence": 7})
    assert response.status_code == 422
    assert response.json()["error"]["param"] == "confidence"


async def test_delete_belief_and_user(proxy):
    for dimension, value in (("length", "concise"), ("emoji", "avoid")):
        await proxy.put(f"/admin/users/u1/beliefs/{dimension}", headers=admin_headers(), json={"value": value})
    deleted = await proxy.delete("/admin/users/u1/beliefs/length", headers=admin_headers())
    assert deleted.status_code == 200
    left = (await proxy.get("/admin/users/u1/beliefs", headers=admin_headers())).json()["beliefs"]
    assert [b["dimension"] for b in left] == ["emoji"]
    missing = await proxy.delete("/admin/users/u1/beliefs/length", headers=admin_headers())
    assert missing.status_code == 404
    gone = await proxy.delete("/admin/users/u1", headers=admin_headers())
    assert gone.json()["deleted"] is True
    assert (await proxy.get("/admin/users/u1/beliefs", headers=admin_headers())).json()["beliefs"] == []


async def test_unknown_response_trace_is_404(proxy):
    response = await proxy.get("/admin/responses/blr_nope", headers=admin_headers())
    assert response.status_code == 404
