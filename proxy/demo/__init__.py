"""``beliefloop demo``: try the loop without an API key (a stand-in model and a scripted user)."""

from .standin import StandIn
from .walkthrough import run_demo

__all__ = ["StandIn", "run_demo"]
