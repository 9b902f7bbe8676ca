"""What the doors keep between requests, per process: routes decided per model, the retry
ledger, and the Responses API's chains."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from proxy.settings import Settings

from .chains import ChainMemory
from .retries import RetryLedger
from .routing import Router


@dataclass
class GatewayState:
    router: Router
    retries: RetryLedger
    chains: ChainMemory
    #: Comparison calls running in the background (held so they are not collected mid-way).
    comparisons: set[asyncio.Task[None]] = field(default_factory=set)

    @classmethod
    def build(cls, settings: Settings) -> "GatewayState":
        return cls(Router.from_settings(settings), RetryLedger(),
                   ChainMemory(settings.upstream.responses_chain_cache))


__all__ = ["GatewayState"]
