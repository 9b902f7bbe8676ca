"""Remember what a door returned: the one place a response becomes a record, for every door.

The reply goes to the client as it arrives (streams teed); the record is built from the bytes the
client got, in the door's own format, by the door's assembler. The record is what the user's next
request (an edit, a regeneration) and their feedback are matched against, so the server never
finishes answering before it is durable (journal fsync, shared by many writers): a non-stream reply
is sent after it; a stream's bytes go out as they arrive except its final event (the door's
``final_event``) and the end of the response, which wait for it.
"""

from __future__ import annotations

import asyncio
from typing import Any, AsyncIterator, Callable

from adapters import Plan
from beliefs.learning.conversation import text_hash
from beliefs.memory.service import Prepared
from beliefs.memory.write_behind import StoreUnavailable
from beliefs.records import Arm, BeliefView, ResponseRecord
from proxy.errors import ProxyError
from proxy.runtime import Runtime
from proxy.telemetry import Exchange as Watch

from .assemble import Assembled
from .upstream import UpstreamReply
from .usage import usage_of

Assembler = Callable[[bytes], Assembled]


class Recorder:
    """Builds the response record from the reply and hands it to the service, which journals it
    (durable when the returned future completes) and stores it later, in a batch."""

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

    async def durably(self, assemble: Assembler, raw: bytes) -> None:
        """Record the response and wait until the record is on disk. A journal that cannot be
        written does not hold the reply back: it is logged, and the service's health says so."""
        durable = self(assemble, raw)
        if durable is not None:
            try:
                await durable
            except StoreUnavailable:
                pass

    def abandoned(self) -> None:
        """The client left before the upstream answered: record an empty, incomplete reply (not
        the door's own use of a reply: there is none)."""
        if self.prepared is not None:
            self._watched(self.prepared, Assembled("", None, False))

    def __call__(self, assemble: Assembler, raw: bytes) -> "asyncio.Future[None] | None":
        assembled = assemble(raw)
        if self.after is not None:
            self.after(assembled)
        prepared = self.prepared
        if prepared is None:
            return None
        return self._watched(prepared, assembled)

    def _watched(self, prepared: Prepared, assembled: Assembled) -> "asyncio.Future[None] | None":
        if self.watch is None:
            return self._record(prepared, assembled)
        with self.watch.step("record"):
            return self._record(prepared, assembled)

    def _record(self, prepared: Prepared, assembled: Assembled) -> "asyncio.Future[None] | None":
        who = prepared.identity
        record = ResponseRecord(
            id=self.response_id, tenant=who.tenant, user_id=who.user, context=who.context,
            prefix_hash=prepared.prefix_hash, model=self.model, created_at=self.runtime.service.clock(),
            applied=tuple(BeliefView.of(b) for b in self.plan.applied),
            directives=tuple(d.text for d in self.plan.directives),
            text=assembled.text, text_hash=text_hash(assembled.text),
            completion_id=assembled.completion_id, complete=assembled.complete, arm=self.arm,
        )
        return self.runtime.service.record_response(record, self.conversation)


async def tee(reply: UpstreamReply, remember: Recorder | None, assemble: Callable[[bytes, bool], Assembled],
              error_event: Callable[[ProxyError], bytes], watch: Watch,
              final_event: bytes | None = None) -> AsyncIterator[bytes]:
    """Yield the reply's bytes untouched; keep a copy to assemble once the stream ends. The
    ``final_event`` (and whatever follows it) is held back until the record is durable. An
    upstream failure mid-stream is told to the client in-band, in the door's format
    (``error_event``). ``watch`` hears once at the end (usage from the last two chunks)."""
    seen: list[bytes] = []
    held = before = last = b""
    finished = broken = recorded = False
    try:
        try:
            async for chunk in reply.chunks:  # type: ignore[union-attr]
                before, last = last, chunk
                if remember is None:
                    yield chunk
                    continue
                seen.append(chunk)
                if held:
                    held += chunk  # whatever follows the final event stays behind it
                    continue
                at = chunk.rfind(final_event) if final_event is not None else -1
                if at < 0:
                    yield chunk
                    continue
                if at > 0:
                    yield chunk[:at]
                held = chunk[at:]
            finished = True
        except ProxyError as error:
            broken = True
            watch.broke(error)
            held += error_event(error)
        finally:
            if reply.close is not None:
                await reply.close()
        if remember is not None:
            recorded = True
            await remember.durably(lambda raw: assemble(raw, finished), b"".join(seen))
        if held:
            yield held
    finally:
        if remember is not None and not recorded:
            # The client went away: nobody waits for an answer, so the record is not awaited.
            remember(lambda raw: assemble(raw, False), b"".join(seen))
        if finished:
            watch.finished(usage_of(before + last))
        elif not broken:  # closed from outside: the client went away
            watch.disconnected()


__all__ = ["Assembler", "Recorder", "tee"]
