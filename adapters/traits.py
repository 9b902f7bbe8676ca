"""What the model behind a route honours, as far as injection and token caps are concerned.

A plain value: the proxy works it out once per route (configuration first, then litellm's model
information) and hands it to the splicing and capping functions, which stay pure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: The request shapes beliefloop writes into: chat completions, the Responses API, Anthropic Messages.
Shape = Literal["chat", "responses", "messages"]
#: Where a chat body's token cap goes: ``auto`` (the field the client used; ``max_completion_tokens``
#: for OpenAI reasoning models), one named field, or ``both`` (for servers that read either).
CapField = Literal["auto", "max_tokens", "max_completion_tokens", "both"]


@dataclass(frozen=True)
class ModelTraits:
    #: The model's chat template keeps system (and developer) messages. False for templates without
    #: a system role (Gemma's, and the llama.cpp formats built on it), which drop them silently.
    system_role: bool = True
    #: Where a token cap is written in a chat body (see :data:`CapField`).
    cap_field: CapField = "auto"
    #: An OpenAI reasoning model (o-series, gpt-5): answers 400 to ``max_tokens`` and takes
    #: ``max_completion_tokens`` instead.
    reasoning: bool = False


__all__ = ["CapField", "ModelTraits", "Shape"]
