"""The installed beliefloop's version (``beliefloop --version``, ``/openapi.json``, span resources)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def _installed() -> str:
    try:
        return version("beliefloop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


VERSION = _installed()

__all__ = ["VERSION"]
