"""The holdout: a stable share of users who get no personalisation while still being observed.

Their signals are read and stored and their beliefs learned exactly as for everyone else; only
the plan is not applied. Comparing their alignment with the treated users' measures the lift of
personalisation instead of assuming it (``GET /admin/metrics/flywheel``).

Assignment is a pure function of (salt, tenant, user): blake2b, not Python's ``hash()`` (which is
salted per process), so every worker and every restart puts a user in the same arm. Raising the
share only moves treated users into the holdout (the buckets below the threshold are kept);
changing the salt reshuffles everyone.
"""

from __future__ import annotations

import hashlib

from beliefs.records import Arm

_SCALE = float(1 << 64)


def bucket(tenant: str, user_id: str, salt: str = "") -> float:
    """The user's fixed position in [0, 1)."""
    digest = hashlib.blake2b(f"{salt}\x00{tenant}\x00{user_id}".encode("utf-8", "surrogatepass"),
                             digest_size=8, person=b"bl-holdout").digest()
    return int.from_bytes(digest, "big") / _SCALE


def arm_of(tenant: str, user_id: str, share: float, salt: str = "") -> Arm:
    """``holdout`` for users whose bucket lies below ``share`` (in [0, 1]), else ``treated``."""
    if share <= 0.0:
        return "treated"  # the default: no hashing on the hot path
    return "holdout" if bucket(tenant, user_id, salt) < share else "treated"


__all__ = ["arm_of", "bucket"]
