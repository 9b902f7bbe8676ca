"""The interpreter a proxy runs: the offline engine, and the LLM engine behind it when
``interpreter.model`` is set (README "How interpretation works").

:class:`LLMReader` is the LLM engine's one network call: a batch of texts in, one reading per text
out, through litellm (any provider), constrained to the closed dimensions and values and checked
strictly (:mod:`beliefs.learning.interpret._constrained`). It runs only in the
:class:`~beliefs.memory.refinery.Refinery`'s background task, never on a request's path.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Mapping
from typing import Any, Callable, Sequence

from beliefs.dimensions import NOT_OBSERVED, DimensionRegistry
from beliefs.learning.interpret import Interpreter, OfflineInterpreter, Reading
from beliefs.learning.interpret._constrained import (
    InvalidReply,
    batch_messages,
    closed_values,
    parse_readings,
    response_format,
)
from beliefs.memory.refinery import Refinery
from proxy.errors import UpstreamTimeout, upstream_failure
from proxy.gateway.providers import litellm_module

from .settings import InterpreterSettings, Settings

#: (model, outcome, prompt tokens, completion tokens, texts, texts with a valid reading, seconds).
#: ``outcome``: ok, invalid (the reply broke the schema), timeout or error.
CallReport = Callable[[str, str, int, int, int, int, float], None]


class LLMReader:
    """Reads a batch of texts with one chat completion; raises when the call as a whole fails."""

    def __init__(self, settings: InterpreterSettings, registry: DimensionRegistry,
                 report: CallReport | None = None, environ: Mapping[str, str] | None = None) -> None:
        if not settings.model:
            raise ValueError("the LLM engine needs interpreter.model")
        self.model = settings.model
        self.params = _resolved(settings.params, os.environ if environ is None else environ)
        self.timeout_s = settings.timeout_s
        self.max_chars = settings.max_chars
        self.values = {name: tuple(v for v in values if v != NOT_OBSERVED)
                       for name, values in closed_values(registry).items()}
        self.descriptions = {dimension.name: dimension.description for dimension in registry}
        self.report = report or (lambda *_: None)

    async def __call__(self, texts: list[str]) -> Sequence[Reading | None]:
        started = time.perf_counter()
        prompt = completion = 0
        outcome = "error"
        readings: list[Reading | None] = []
        try:
            # litellm's first import takes seconds: in a thread (not on the loop), and not timed.
            litellm = await asyncio.to_thread(litellm_module)
            started = time.perf_counter()
            reply = await asyncio.wait_for(self._complete(litellm, texts), self.timeout_s)
            prompt, completion = _usage(reply)
            readings = parse_readings(_content(reply), len(texts), self.values)
            outcome = "ok"
            return readings
        except InvalidReply:
            outcome = "invalid"
            raise
        except asyncio.TimeoutError:
            outcome = "timeout"
            raise UpstreamTimeout(f"interpreter model {self.model} gave no reply in {self.timeout_s} s") from None
        except Exception as error:
            mapped = upstream_failure(error)
            outcome = "timeout" if isinstance(mapped, UpstreamTimeout) else "error"
            raise mapped from None
        finally:
            valid = sum(reading is not None for reading in readings)
            self.report(self.model, outcome, prompt, completion, len(texts), valid,
                        time.perf_counter() - started)

    async def _complete(self, litellm: Any, texts: list[str]) -> Any:
        # temperature 0 unless params say otherwise (some reasoning models accept only their default)
        return await litellm.acompletion(**{
            "temperature": 0, **self.params,
            "model": self.model,
            "messages": batch_messages(texts, self.values, self.descriptions, self.max_chars),
            "response_format": response_format(self.values),
            "timeout": self.timeout_s,
            "max_retries": 0,  # a retry would blow the time budget; the text is tried again when next read
        })


def _resolved(params: Mapping[str, Any], environ: Mapping[str, str]) -> dict[str, Any]:
    """``os.environ/NAME`` values (litellm's convention, as in ``model_list``) read from the
    environment, once, at startup; litellm's own call does not resolve them."""
    prefix = "os.environ/"
    return {key: environ.get(value[len(prefix):], "") if isinstance(value, str) and value.startswith(prefix)
            else value for key, value in params.items()}


def _content(reply: Any) -> str | None:
    try:
        return reply.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        raise InvalidReply("no message in the reply") from None


def _usage(reply: Any) -> tuple[int, int]:
    usage = getattr(reply, "usage", None)
    prompt = getattr(usage, "prompt_tokens", 0) or 0
    completion = getattr(usage, "completion_tokens", 0) or 0
    return int(prompt), int(completion)


def make_interpreter(settings: Settings, report: CallReport | None = None) -> Interpreter:
    """The offline engine; behind a :class:`Refinery` with an :class:`LLMReader` when
    ``interpreter.model`` is set (its task is started by the runtime)."""
    offline = OfflineInterpreter(settings.interpreter_phrases(), max_chars=settings.interpreter.max_chars)
    config = settings.interpreter
    if not config.model:
        return offline
    reader = LLMReader(config, settings.registry(), report)
    return Refinery(offline, reader, batch_size=config.batch_size, cache_size=config.cache_size,
                    linger_s=config.linger_s)


__all__ = ["CallReport", "LLMReader", "make_interpreter"]
