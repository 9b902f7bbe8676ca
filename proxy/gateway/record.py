"""Remember what a door returned: the one place a response becomes a record, for every door.

The reply goes to the client first (streams as they arrive, teed); the record is built from the
bytes the client got, in the door's own format, by the door's assembler. Non-stream replies are
recorded before they are sent: a fast client's next request (its edit, its feedback) may arrive
the moment the body is out.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable

from adapters import Plan
from beliefs.learning.conversation import text_hash
from beliefs.memory.service import Prepared
from beliefs.records import Arm, BeliefView, ResponseRecord
from proxy.errors import ProxyError
from proxy.runtime import Runtime
from proxy.telemetry import Exchange as Watch

from .assemble import Assembled
from .upstream import UpstreamReply
from .usage import usage_of

Assembler = Callable[[bytes], Assembled]


class Recorder:
    """Builds and hands over the response record once the reply is out (off the hot path)."""

    def __init__(self, runtime: Runtime, prepared: Prepared | None, applied_plan: Plan,
                 response_id: str, model: str, arm: Arm | None, conversation: list[Any],
                 after: Callable[[Assembled], None] | None = None, watch: Watch | None = None) -> None:
        self.runtime, self.prepared, self.plan = runtime, prepared, applied_plan
        self.response_id, self.model, self.arm = response_id, model, arm
        #: The client's conversation before injection, as chat messages (stored for exports as
        #: long as the response text is; never kept in memory).
        self.conversation = conversation
        #: The door's own use of the reply (the Responses door keeps the turn for chains); runs
        #: for anonymous requests too.
        self.after = after
        self.watch = watch

    def __call__(self, assemble: Assembler, raw: bytes) -> None:
        assembled = assemble(raw)
        if self.after is not None:
            self.after(assembled)
        prepared = self.prepared
        if prepared is None:
            return
        if self.watch is None:
            self._record(prepared, assembled)
            return
        with self.watch.step("record"):
            self._record(prepared, assembled)

    def _record(self, prepared: Prepared, assembled: Assembled) -> None:
        who = prepared.identity
        record = ResponseRecord(
            id=self.response_id, tenant=who.tenant, user_id=who.user, context=who.context,
            prefix_hash=prepared.prefix_hash, model=self.model, created_at=self.runtime.service.clock(),
            applied=tuple(BeliefView.of(b) for b in self.plan.applied),
            directives=tuple(d.text for d in self.plan.directives),
            text=assembled.text, text_hash=text_hash(assembled.text),
            completion_id=assembled.completion_id, complete=assembled.complete, arm=self.arm,
        )
        self.runtime.service.record_response(record, self.conversation)


async def tee(reply: UpstreamReply, remember: Recorder | None, assemble: Callable[[bytes, bool], Assembled],
              error_event: Callable[[ProxyError], bytes], watch: Watch) -> AsyncIterator[bytes]:
    """Yield the reply's bytes untouched; keep a copy to assemble once the stream ends. An upstream
    failure mid-stream is told to the client in-band, in the door's format (``error_event``).
    ``watch`` hears once at the end (usage from the last two chunks), never per chunk."""
    seen: list[bytes] = []
    before = last = b""
    finished = broken = False
    try:
        async for chunk in reply.chunks:  # type: ignore[union-attr]
            if remember is not None:
                seen.append(chunk)
            before, last = last, chunk
            yield chunk
        finished = True
    except ProxyError as error:
        broken = True
        watch.broke(error)
        yield error_event(error)
    finally:
        if reply.close is not None:
            await reply.close()
        if remember is not None:
            remember(lambda raw: assemble(raw, finished), b"".join(seen))
        if finished:
            watch.finished(usage_of(before + last))
        elif not broken:  # closed from outside: the client went away
            watch.disconnected()


__all__ = ["Assembler", "Recorder", "tee"]
