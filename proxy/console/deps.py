"""Request dependencies shared by every console route: the runtime, admin authentication (and
the tenant it unlocks) and the token signers.

One home, so the admin API, the exports, the ``/v1/me`` API, the pages and the dashboard always
agree on who a caller is. An admin call is authenticated from its headers alone, before any body
is read.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request

from beliefs.dimensions import InvalidBeliefValue
from proxy.auth import DEFAULT_TENANT
from proxy.errors import Forbidden, Unauthorized, Unprocessable
from proxy.runtime import Runtime

from .tokens import Signers

TENANT_HEADER = "x-beliefloop-tenant"


def runtime_of(request: Request) -> Runtime:
    return request.app.state.runtime


def signers_of(request: Request) -> Signers:
    return request.app.state.signers


def client_address(request: Request) -> str:
    """The caller's address, for throttling (behind a reverse proxy: run uvicorn with
    ``--proxy-headers`` and ``--forwarded-allow-ips`` so this is the client's, not the proxy's)."""
    return request.client.host if request.client is not None else "unknown"


async def admin_tenant(request: Request) -> str:
    """Authenticate an admin call and return the tenant it may act on (see :func:`admin_scope`).

    Failed attempts are throttled per client address and per tenant, across every worker: past
    the limit every attempt is 429 ``too_many_failed_attempts`` with ``retry-after``, right key or
    not, until the bucket refills.
    """
    keys = runtime_of(request).keys
    if not keys.admin_enabled:
        return admin_scope(request)  # 403 admin_disabled: nothing to guess
    address, tenant = client_address(request), keys.attempt_tenant(request.headers.get(TENANT_HEADER))
    await keys.throttle.check(address, tenant)
    try:
        return admin_scope(request)
    except Unauthorized:
        await keys.throttle.failed(address, tenant)
        raise


def admin_scope(request: Request) -> str:
    """Check an admin call's key (no throttle) and return the tenant it may act on.

    The global admin key (BELIEFLOOP_ADMIN_KEY) may act on any tenant, named by the
    ``X-BeliefLoop-Tenant`` header (default ``default``); a tenant admin key (``auth.admin_keys``)
    only on its own, and naming another tenant is refused.
    """
    keys = runtime_of(request).keys
    if not keys.admin_enabled:
        raise Forbidden("the admin API is disabled: set BELIEFLOOP_ADMIN_KEY (or admin_key in config.yaml)",
                        code="admin_disabled")
    scope = keys.admin(request.headers)
    if scope is None:
        raise Unauthorized("a valid admin key is required (Authorization: Bearer <admin key>)")
    asked = request.headers.get(TENANT_HEADER)
    if scope == "*":
        return asked or DEFAULT_TENANT
    if asked is not None and asked != scope:
        raise Forbidden("this admin key is scoped to another tenant", code="tenant_forbidden")
    return scope


def belief_value(runtime: Runtime, dimension: str, value: str) -> str:
    """``value`` checked against ``dimension``'s closed set (canonical form), else 422 naming
    what would be accepted."""
    registry = runtime.service.registry
    if dimension not in registry:
        raise Unprocessable(f"unknown dimension {dimension!r}; known: {', '.join(sorted(registry.names()))}",
                            param="dimension", code="unknown_dimension")
    try:
        return registry.get(dimension).validate(value)
    except InvalidBeliefValue as error:
        raise Unprocessable(str(error), param="value") from None


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def cross_site(request: Request) -> bool:
    """Whether a form post comes from another site (CSRF, login CSRF included).

    Browsers say where a request comes from: ``Sec-Fetch-Site`` (same-origin, or none for a typed
    URL), else ``Origin``, which must be this server's own (or ``pages.public_base_url``'s). A
    request with neither is not a browser's cross-site post and is let through.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return False
    allowed = {_origin(str(request.base_url))}
    public = runtime_of(request).settings.pages.public_base_url
    if public:
        allowed.add(_origin(public))
    return origin.lower() not in allowed


#: The tenant an authenticated admin call acts on.
Tenant = Annotated[str, Depends(admin_tenant)]


__all__ = ["TENANT_HEADER", "Tenant", "admin_scope", "admin_tenant", "belief_value", "client_address", "cross_site",
           "runtime_of", "signers_of"]
