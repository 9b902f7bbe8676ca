"""Signed, expiring tokens: preference links for end users and dashboard sessions for operators.

Format: ``<payload>.<signature>``, both unpadded urlsafe base64. The payload is compact JSON
``{"p": purpose, "t": tenant, "u": user, "e": expiry}``; the signature is HMAC-SHA256 over the
encoded payload under a key derived for that purpose, so a token minted for one purpose (a
preference link) can never be replayed as another (an operator session). Verification compares
signatures in constant time (:func:`hmac.compare_digest`) before the payload is even parsed.

Pure apart from the secret: the time is passed in, so expiry is testable without sleeping.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from typing import Literal

import orjson

from beliefs.records import GLOBAL_CONTEXT, Identity

log = logging.getLogger("beliefloop.proxy")

Purpose = Literal["me", "dashboard"]
#: Longest token accepted; anything longer is rejected before any work is done on it.
MAX_TOKEN_CHARS = 2048


class TokenError(Exception):
    """A token that must not be honoured. ``code`` is stable for clients."""

    code = "invalid_token"


class InvalidToken(TokenError):
    """Malformed, tampered with, or signed for another purpose or with another secret."""


class ExpiredToken(TokenError):
    code = "token_expired"


@dataclass(frozen=True)
class Grant:
    """What a valid token lets its bearer do: act as ``user_id`` (None for sessions) in ``tenant``
    until ``expires_at`` (Unix seconds)."""

    purpose: Purpose
    tenant: str
    user_id: str | None
    expires_at: float

    def who(self, context: str | None = None) -> Identity:
        """The user a preference-link grant acts as, in ``context`` (default: global)."""
        return Identity(self.tenant, self.user_id or "", context or GLOBAL_CONTEXT)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class TokenSigner:
    """Mints and checks tokens with one secret; each purpose signs under its own derived key."""

    def __init__(self, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the token secret must be at least 16 bytes")
        self._keys = {purpose: hmac.new(secret, b"beliefloop-token:" + purpose.encode(), hashlib.sha256).digest()
                      for purpose in ("me", "dashboard")}

    def sign(self, grant: Grant) -> str:
        payload = {"p": grant.purpose, "t": grant.tenant, "e": int(grant.expires_at)}
        if grant.user_id is not None:
            payload["u"] = grant.user_id
        body = _b64(orjson.dumps(payload))
        return f"{body}.{self._signature(grant.purpose, body)}"

    def verify(self, token: str, purpose: Purpose, now: float) -> Grant:
        """The grant a token carries; raises :class:`InvalidToken` or :class:`ExpiredToken`."""
        if not token or len(token) > MAX_TOKEN_CHARS or token.count(".") != 1:
            raise InvalidToken("malformed token")
        body, signature = token.split(".")
        if not hmac.compare_digest(signature.encode("ascii", "replace"),
                                   self._signature(purpose, body).encode("ascii")):
            raise InvalidToken("bad signature")
        try:
            payload = orjson.loads(_unb64(body))
            grant = Grant(payload["p"], payload["t"], payload.get("u"), float(payload["e"]))
        except (ValueError, KeyError, TypeError) as error:  # signed but unreadable: a bug, not an attack
            raise InvalidToken(f"unreadable payload: {error}") from None
        if grant.purpose != purpose or not isinstance(grant.tenant, str):
            raise InvalidToken("token is for another purpose")
        if purpose == "me" and not isinstance(grant.user_id, str):
            raise InvalidToken("token names no user")
        if now >= grant.expires_at:
            raise ExpiredToken("token expired")
        return grant

    def _signature(self, purpose: str, body: str) -> str:
        key = self._keys.get(purpose)
        if key is None:
            raise InvalidToken("unknown purpose")
        return _b64(hmac.new(key, body.encode("ascii", "replace"), hashlib.sha256).digest())


@dataclass(frozen=True)
class Signers:
    """The two signers a running proxy holds: preference links, and dashboard sessions.

    Sessions are signed under the secret *and* the admin key, so changing the admin key ends every
    dashboard session even when ``pages.secret`` is set explicitly.
    """

    links: TokenSigner
    sessions: TokenSigner

    @classmethod
    def build(cls, configured: str | None, admin_key: str | None) -> "Signers":
        secret = signing_secret(configured, admin_key)
        session_secret = hmac.new(secret, b"dashboard:" + (admin_key or "").encode(), hashlib.sha256).digest()
        return cls(TokenSigner(secret), TokenSigner(session_secret))


def signing_secret(configured: str | None, admin_key: str | None) -> bytes:
    """The secret tokens are signed with.

    An explicit secret (``pages.secret`` / ``BELIEFLOOP_PAGES_SECRET``) wins. Otherwise it is derived
    from the admin key, so every worker agrees and rotating the admin key revokes every link and
    session. With neither, a random per-process secret works, but links die on restart and are
    not shared between workers: that is logged as a warning.
    """
    if configured:
        return configured.encode()
    if admin_key:
        return hmac.new(admin_key.encode(), b"beliefloop pages secret v1", hashlib.sha256).digest()
    log.warning("no pages.secret (BELIEFLOOP_PAGES_SECRET) or admin key set: preference links are "
                "signed with a random per-process secret and stop working on restart")
    return secrets.token_bytes(32)


__all__ = [
    "ExpiredToken", "Grant", "InvalidToken", "MAX_TOKEN_CHARS", "Purpose", "Signers", "TokenError",
    "TokenSigner", "signing_secret",
]
