"""What the doors keep between requests, per process: routes decided per model, the retry
ledger, and the Responses API's chains."""

from __future__ import annotations

from dataclasses import dataclass

from proxy.settings import Settings

from .chains import ChainMemory
from .retries import RetryLedger
from .routing import Router


@dataclass
class GatewayState:
    router: Router
    retries: RetryLedger
    chains: ChainMemory

    @classmethod
    def build(cls, settings: Settings) -> "GatewayState":
        return cls(Router.from_settings(settings), RetryLedger(),
                   ChainMemory(settings.upstream.responses_chain_cache))


__all__ = ["GatewayState"]
