"""Who may call the proxy: client keys bound to tenants, allowed models and rate limits.

Keys are looked up by their SHA-256 digest (config may hold the digest instead of the key), and
the match is confirmed with a constant-time comparison. Rate limits are token buckets per key
shared by every worker and host through the belief store (:mod:`proxy.ratelimit`), with a
per-process lease as the fast path; failed admin-key attempts are throttled per client address
and per tenant the same way.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Mapping

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .errors import Forbidden, Unauthorized
from .ratelimit import AttemptThrottle, Buckets, RateLimited, RateLimiter

DEFAULT_TENANT = "default"
#: The tenant a failed attempt counts against when it names no tenant this server knows (so
#: inventing tenant names does not escape the per-tenant throttle).
UNKNOWN_TENANT = "*"


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


class _KeyFields(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: The key itself, or (better, so config files hold no secrets) its SHA-256 hex digest.
    key: str | None = Field(default=None, min_length=16, repr=False)
    key_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    tenant: str = Field(default=DEFAULT_TENANT, min_length=1, max_length=128)
    name: str | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "_KeyFields":
        if (self.key is None) == (self.key_sha256 is None):
            raise ValueError("give exactly one of 'key' or 'key_sha256'")
        return self

    @property
    def sha256(self) -> str:
        return self.key_sha256 or digest(self.key or "")


class ClientKeySpec(_KeyFields):
    #: Models this key may ask for (None: any).
    models: list[str] | None = None
    rate_limit_per_minute: int | None = Field(default=None, ge=1)


class AdminKeySpec(_KeyFields):
    """An admin key scoped to one tenant (the global BELIEFLOOP_ADMIN_KEY may act on any)."""


class AuthSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    #: Accept requests without a client key (all in tenant "default"). Never in production.
    development_mode: bool = False
    keys: list[ClientKeySpec] = []
    admin_keys: list[AdminKeySpec] = []


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: a tenant, and the key's name (None in development mode)."""

    tenant: str
    key_name: str | None = None
    models: frozenset[str] | None = None
    rate_limit_per_minute: int | None = None
    key_id: str | None = None

    def check_model(self, model: str) -> None:
        if self.models is not None and model not in self.models:
            raise Forbidden(f"this key may not use model {model!r}", param="model", code="model_not_allowed")


def bearer(headers: Mapping[str, str]) -> str | None:
    scheme, _, token = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and token:
        return token.strip()
    # Azure clients send api-key; Anthropic clients x-api-key.
    return headers.get("api-key") or headers.get("x-api-key") or None


class KeyRing:
    """Client and tenant-admin keys by digest."""

    def __init__(self, auth: AuthSettings, global_admin_key: str | None, *, shared: Buckets | None = None,
                 failed_per_address_per_minute: int = 10, failed_per_tenant_per_minute: int = 60) -> None:
        self.development_mode = auth.development_mode
        self._clients = {spec.sha256: spec for spec in auth.keys}
        self._admins = {spec.sha256: spec for spec in auth.admin_keys}
        self._global_admin = digest(global_admin_key) if global_admin_key else None
        self.tenants = {DEFAULT_TENANT} | {spec.tenant for spec in [*auth.keys, *auth.admin_keys]}
        #: ``shared``: the belief store's buckets (every worker and host), else this process's.
        self.limiter = RateLimiter(shared)
        self.throttle = AttemptThrottle(shared, per_address_per_minute=failed_per_address_per_minute,
                                        per_tenant_per_minute=failed_per_tenant_per_minute)

    @property
    def open(self) -> bool:
        """True when requests without keys are accepted (development mode with no keys)."""
        return self.development_mode and not self._clients

    def client(self, headers: Mapping[str, str]) -> Principal:
        """Authenticate a client request; raises 401 for a missing or unknown key."""
        presented = bearer(headers)
        if presented is None:
            if self.development_mode:
                return Principal(DEFAULT_TENANT)
            raise Unauthorized("missing API key: send Authorization: Bearer <beliefloop key>",
                               code="missing_api_key")
        found = _lookup(self._clients, presented)
        if found is None:
            if self.open:
                return Principal(DEFAULT_TENANT)  # dev mode: the key is meant for the upstream
            raise Unauthorized("invalid API key")
        return Principal(found.tenant, found.name, frozenset(found.models) if found.models is not None else None,
                         found.rate_limit_per_minute, found.sha256[:16])

    def admin(self, headers: Mapping[str, str]) -> str | None:
        """The tenant an admin key may act on: ``*`` (any) for the global key, None if invalid."""
        presented = bearer(headers)
        if presented is None:
            return None
        if self._global_admin is not None and hmac.compare_digest(digest(presented), self._global_admin):
            return "*"
        found = _lookup(self._admins, presented)
        return found.tenant if found is not None else None

    @property
    def admin_enabled(self) -> bool:
        return self._global_admin is not None or bool(self._admins)

    async def admit(self, principal: Principal) -> None:
        """Spend one request of the caller's rate limit (shared by every worker); raises
        :class:`RateLimited` (429 with ``retry-after``) when it is used up."""
        if principal.rate_limit_per_minute is not None and principal.key_id is not None:
            await self.limiter.take(principal.key_id, principal.rate_limit_per_minute)

    def attempt_tenant(self, named: str | None) -> str:
        """The tenant a failed admin-key attempt counts against."""
        tenant = named or DEFAULT_TENANT
        return tenant if tenant in self.tenants else UNKNOWN_TENANT

    def close(self) -> None:
        self.limiter.close()
        self.throttle.close()


def _lookup(table: Mapping[str, _KeyFields], presented: str) -> _KeyFields | None:
    wanted = digest(presented)
    found = table.get(wanted)
    if found is not None and hmac.compare_digest(found.sha256, wanted):
        return found
    return None


def check_key_set(auth: AuthSettings, upstream_auth: str) -> list[str]:
    """Problems with a key configuration (empty when it is sound)."""
    problems = []
    if not auth.keys and not auth.development_mode:
        problems.append("no client keys configured: add auth.keys, or set auth.development_mode: true "
                        "to accept unauthenticated requests (development only)")
    if auth.keys and upstream_auth == "client":
        problems.append("upstream.auth: client would forward beliefloop client keys to the upstream; "
                        "use upstream.auth: config when auth.keys are set")
    digests = [k.sha256 for k in [*auth.keys, *auth.admin_keys]]
    if len(digests) != len(set(digests)):
        problems.append("the same key is listed twice in auth.keys/auth.admin_keys")
    return problems


__all__ = ["AdminKeySpec", "AuthSettings", "ClientKeySpec", "KeyRing", "Principal", "RateLimited",
           "bearer", "check_key_set", "digest"]
