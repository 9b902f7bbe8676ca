"""From the conversation log to training and eval files: examples, quality filters, JSONL lines.

Pure: every function takes values (observations, response records, profiles) and returns values.
Reading them from a store is the caller's job (:mod:`beliefs.insights.reads`, shared by the admin
API and the CLI). Three outputs:

* **preferences** — OpenAI preference fine-tuning (DPO) lines: ``input.messages`` (the
  conversation that was answered), ``preferred_output`` (what the user wanted: their edited
  text, or the regenerated candidate they kept) and ``non_preferred_output`` (what they got).
* **supervised** — ``{"messages": [..., {"role": "assistant", "content": <edited text>}]}``.
* **evals** — every rejected or corrected response: the prompt, the bad response, what the user
  wanted (text, instruction, preferences) and the signal kind.

Every example passes the same data-quality standards, in this order; an example is counted under
the first filter that drops it (:data:`FILTERS`):

``no_consent``          the user opted out, withdrew consent, or has no profile;
``incomplete``          a text the example needs is gone (retention) or was never stored;
``unsupported_content`` the conversation holds tool calls or non-text parts (text-only format);
``trivial_edit``        an edit that changed at most ``typo_max_chars`` characters (a typo fix);
``near_identical``      the two texts are near-identical (similarity ≥ ``near_identical``);

except that a small change that was evidence for a preference is kept by both: deleting two emoji
from a long answer is a few characters, and exactly what the user wants a model to learn.
``duplicate``           the same conversation and texts as an example already kept;
``per_user_cap``        beyond the user's ``per_user_cap`` most recent examples.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Literal, Mapping, Sequence

import orjson
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from beliefs.dimensions import NOT_OBSERVED
from beliefs.learning.conversation import message_text, text_hash
from beliefs.records import Observation, ResponseRecord, UserProfile

ExportKind = Literal["preferences", "supervised", "evals"]
EXPORT_KINDS: tuple[ExportKind, ...] = ("preferences", "supervised", "evals")

#: The quality filters, in the order they run (see the module docstring).
FILTERS = ("no_consent", "incomplete", "unsupported_content", "trivial_edit", "near_identical",
           "duplicate", "per_user_cap")

#: Observation kinds each export reads.
SOURCE_KINDS: dict[ExportKind, tuple[str, ...]] = {
    "preferences": ("edit", "regeneration"),
    "supervised": ("edit",),
    "evals": ("edit", "regeneration", "follow_up", "thumbs"),
}

_TEXT_ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}


@dataclass(frozen=True)
class Standards:
    """The data-quality standards an export applies."""

    typo_max_chars: int = 5
    """An edit whose Levenshtein distance (after collapsing whitespace and case) is at most this
    many characters, and that was evidence for no preference, is a typo fix."""
    near_identical: float = 0.95
    """Pairs whose texts have a rapidfuzz ``ratio`` (normalised, in [0, 1]) at or above this,
    and whose difference was evidence for no preference, teach a model nothing."""
    per_user_cap: int = 50
    """At most this many examples per user (their most recent), so no heavy user dominates."""


@dataclass(frozen=True)
class Example:
    """One response the user corrected or rejected, with what they wanted instead."""

    kind: str
    """The signal: ``edit``, ``regeneration``, ``follow_up`` or ``thumbs``."""
    tenant: str
    user_id: str
    observation_id: str
    response_id: str
    created_at: float
    """When the signal was read (Unix seconds)."""
    messages: tuple[dict, ...] | None
    """The client's conversation that was answered, before beliefloop's injection."""
    directives: tuple[str, ...]
    """Directives beliefloop injected into that request."""
    rejected: str | None
    """The response the user did not want (None once the retention period dropped the text)."""
    wanted: str | None = None
    """Text the user preferred: their edited version, or the candidate they kept."""
    instruction: str | None = None
    """A follow-up message asking for a change ("shorter please")."""
    preferences: tuple[str, ...] = ()
    """``dimension=value`` the signal was evidence for."""
    paired: bool = False
    """The signal names what the user wanted instead (an edit, or a kept candidate), so the
    example needs ``wanted``; other signals (rejections, follow-ups, thumbs) only feed evals."""


@dataclass(frozen=True)
class ExportSource:
    """What an export reads from the store."""

    observations: Sequence[Observation]
    """Signals of the export's kinds, oldest first."""
    responses: Mapping[str, ResponseRecord]
    """The records those signals name (and rejected candidates), by id."""
    profiles: Mapping[tuple[str, str], UserProfile]
    """By (tenant, user_id)."""
    follow_ups: Mapping[str, str] = field(default_factory=dict)
    """Observation id -> text of the follow-up message it was read from (see :func:`follow_up_text`)."""
    conversations: Mapping[str, Sequence[Any]] = field(default_factory=dict)
    """Response id -> the conversation the client sent (kept while the response text is)."""


@dataclass
class ExportReport:
    """How many examples were considered, dropped by each filter, and kept (per signal kind)."""

    considered: int = 0
    dropped: dict[str, int] = field(default_factory=lambda: {name: 0 for name in FILTERS})
    kept: int = 0
    kept_by_kind: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"considered": self.considered, "dropped": dict(self.dropped), "kept": self.kept,
                "kept_by_kind": dict(self.kept_by_kind)}

    def summary(self) -> str:
        """One line, e.g. ``considered=12 kept=7 trivial_edit=2 duplicate=3``."""
        parts = [f"considered={self.considered}", f"kept={self.kept}"]
        parts += [f"{name}={count}" for name, count in self.dropped.items()]
        return " ".join(parts)


# -- reading examples from the log ---------------------------------------------------------------


def examples_from(source: ExportSource, kind: ExportKind) -> list[Example]:
    """The examples an export of ``kind`` considers, oldest first (before any filter)."""
    wanted_kinds = SOURCE_KINDS[kind]
    chosen = {o.rejected_id for o in source.observations if o.is_choice}
    examples = []
    for observation in source.observations:
        if observation.kind not in wanted_kinds or observation.response_id is None:
            continue
        if observation.deferred:
            continue  # the language half of an edit, recorded later: the edit itself is the example
        example = _example(observation, source, chosen)
        if example is None:
            continue
        if kind != "evals" and not example.paired:
            continue  # a rejection with no known alternative is an eval, not a pair
        examples.append(example)
    return examples


def _example(o: Observation, source: ExportSource, chosen: set[Any]) -> Example | None:
    record = source.responses.get(o.response_id or "")
    rejected = record.text if record is not None else None
    wanted = instruction = None
    if o.kind == "edit":
        wanted = o.edited_text
    elif o.is_choice:
        # ``response_id`` names the kept candidate, ``rejected_id`` the one regenerated away.
        loser = source.responses.get(o.rejected_id or "")
        wanted = record.text if record is not None else None
        rejected = loser.text if loser is not None else None
    elif o.kind == "regeneration":
        if o.response_id in chosen:
            return None  # the same rejection is exported once, with the candidate kept instead
    elif o.kind == "follow_up":
        instruction = source.follow_ups.get(o.id)
    elif o.kind == "thumbs":
        if o.rating != "down":
            return None
    else:
        return None
    messages = source.conversations.get(o.response_id or "")
    return Example(
        kind=o.kind, tenant=o.tenant, user_id=o.user_id, observation_id=o.id,
        response_id=o.response_id or "", created_at=o.created_at,
        messages=tuple(messages) if isinstance(messages, list) else None,
        directives=tuple(record.directives) if record is not None else (),
        rejected=rejected, wanted=wanted if isinstance(wanted, str) else None,
        instruction=instruction, preferences=_preferences(o),
        paired=o.kind == "edit" or o.is_choice,
    )


def _preferences(o: Observation) -> tuple[str, ...]:
    if o.kind == "thumbs":
        pairs = o.comment_evidence
    else:
        pairs = [(d.dimension, d.value) for d in o.deltas]
    return tuple(sorted({f"{d}={v}" for d, v in pairs if v != NOT_OBSERVED}))


def follow_up_text(observation: Observation, answered: ResponseRecord,
                   messages: Sequence[Any] | None) -> str | None:
    """The follow-up message behind ``observation``, read from ``messages``: the conversation of
    the request that carried it. Verified, so a wrong guess of that request returns None: the
    message before the follow-up must be the assistant text of ``answered``."""
    index = observation.message_index
    if not isinstance(index, int) or not isinstance(messages, list) or not 0 < index < len(messages):
        return None
    before, message = messages[index - 1], messages[index]
    if not isinstance(message, dict) or message.get("role") != "user":
        return None
    if not isinstance(before, dict) or before.get("role") != "assistant" or answered.text_hash is None:
        return None
    if text_hash(message_text(before)) != answered.text_hash:
        return None
    return message_text(message)


# -- the quality filters -------------------------------------------------------------------------


def select(examples: Iterable[Example], profiles: Mapping[tuple[str, str], UserProfile],
           standards: Standards = Standards()) -> tuple[list[Example], ExportReport]:
    """Apply :data:`FILTERS` in order; return the kept examples (oldest first) and the counts."""
    report = ExportReport()
    survivors: list[Example] = []
    seen: set[str] = set()
    for example in examples:
        report.considered += 1
        reason = _drop_reason(example, profiles, standards)
        if reason is None:
            key = _dedupe_key(example)
            if key in seen:
                reason = "duplicate"
            seen.add(key)
        if reason is not None:
            report.dropped[reason] += 1
            continue
        survivors.append(example)
    kept = _cap_per_user(survivors, standards.per_user_cap)
    report.dropped["per_user_cap"] += len(survivors) - len(kept)
    report.kept = len(kept)
    for example in kept:
        report.kept_by_kind[example.kind] = report.kept_by_kind.get(example.kind, 0) + 1
    return kept, report


def _drop_reason(example: Example, profiles: Mapping[tuple[str, str], UserProfile],
                 standards: Standards) -> str | None:
    if not has_consent(profiles.get((example.tenant, example.user_id))):
        return "no_consent"
    if example.messages is None or not example.rejected or (example.paired and not example.wanted):
        return "incomplete"
    if plain_messages(example.messages) is None:
        return "unsupported_content"
    if example.wanted is not None and not example.preferences:
        before, after = _normalise(example.rejected), _normalise(example.wanted)
        if example.kind == "edit" and is_typo_edit(before, after, standards.typo_max_chars):
            return "trivial_edit"
        if similarity(before, after) >= standards.near_identical:
            return "near_identical"
    return None


def has_consent(profile: UserProfile | None) -> bool:
    """Only users with a profile, not opted out and with consent on, may appear in an export."""
    return profile is not None and not profile.opted_out and profile.consent


def is_typo_edit(before: str, after: str, max_chars: int) -> bool:
    """At most ``max_chars`` single-character insertions, deletions or substitutions apart."""
    return Levenshtein.distance(before, after, score_cutoff=max_chars + 1) <= max_chars


def similarity(a: str, b: str) -> float:
    """rapidfuzz ``ratio`` (normalised Indel similarity) in [0, 1]."""
    return fuzz.ratio(a, b) / 100.0


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def _dedupe_key(example: Example) -> str:
    conversation = [(m.get("role"), _normalise(message_text(m))) for m in example.messages or ()
                    if isinstance(m, dict)]
    payload = [conversation, _normalise(example.rejected or ""), _normalise(example.wanted or ""),
               _normalise(example.instruction or "")]
    return hashlib.blake2b(orjson.dumps(payload), digest_size=16).hexdigest()


def _cap_per_user(examples: list[Example], cap: int) -> list[Example]:
    """Keep each user's ``cap`` most recent examples; the result stays oldest first."""
    counts: dict[tuple[str, str], int] = {}
    kept = []
    for example in reversed(examples):
        key = (example.tenant, example.user_id)
        if counts.get(key, 0) < cap:
            counts[key] = counts.get(key, 0) + 1
            kept.append(example)
    kept.reverse()
    return kept


def plain_messages(messages: Sequence[Any]) -> list[dict[str, str]] | None:
    """Messages as ``{"role", "content"}`` text, or None when any holds what a text-only training
    format cannot: tool calls, tool results, or non-text parts. ``developer`` becomes ``system``."""
    plain = []
    for message in messages:
        if not isinstance(message, dict) or message.get("role") not in _TEXT_ROLES:
            return None
        if message.get("tool_calls") or message.get("function_call"):
            return None
        content = message.get("content")
        if isinstance(content, list) and any(
            not isinstance(part, dict) or part.get("type") != "text" for part in content
        ):
            return None
        if content is not None and not isinstance(content, (str, list)):
            return None
        plain.append({"role": _TEXT_ROLES[message["role"]], "content": message_text(message)})
    return plain


# -- lines ---------------------------------------------------------------------------------------


def input_messages(example: Example, include_directives: bool, header: str) -> list[dict[str, str]]:
    """The conversation of ``example``; with ``include_directives`` the directives it was answered
    with come first as one system message, worded as beliefloop injected them."""
    messages = plain_messages(example.messages or ()) or []
    if include_directives and example.directives:
        lines = ([header] if header else []) + [f"- {d}" for d in example.directives]
        messages = [{"role": "system", "content": "\n".join(lines)}, *messages]
    return messages


def preference_line(example: Example, include_directives: bool, header: str) -> dict[str, Any]:
    """One line of an OpenAI preference fine-tuning (DPO) file."""
    return {
        "input": {"messages": input_messages(example, include_directives, header), "tools": [],
                  "parallel_tool_calls": True},
        "preferred_output": [{"role": "assistant", "content": example.wanted}],
        "non_preferred_output": [{"role": "assistant", "content": example.rejected}],
    }


def supervised_line(example: Example, include_directives: bool, header: str) -> dict[str, Any]:
    """One line of an OpenAI supervised fine-tuning file: the user's version as the answer."""
    return {"messages": [*input_messages(example, include_directives, header),
                         {"role": "assistant", "content": example.wanted}]}


def eval_line(example: Example, include_directives: bool, header: str) -> dict[str, Any]:
    """One eval case: the prompt, the response the user rejected, and what they wanted."""
    return {
        "input": {"messages": input_messages(example, include_directives, header)},
        "bad_response": example.rejected,
        "wanted": {"text": example.wanted, "instruction": example.instruction,
                   "preferences": list(example.preferences)},
        "kind": example.kind,
        "response_id": example.response_id,
        "created_at": datetime.fromtimestamp(example.created_at, timezone.utc).isoformat(),
    }


LINE_BUILDERS = {"preferences": preference_line, "supervised": supervised_line, "evals": eval_line}


def build(source: ExportSource, kind: ExportKind, standards: Standards = Standards(), *,
          include_directives: bool = False, header: str = "") -> tuple[list[dict[str, Any]], ExportReport]:
    """Examples of ``kind`` from ``source``, filtered, as JSONL-ready dicts, with the report."""
    kept, report = select(examples_from(source, kind), source.profiles, standards)
    line = LINE_BUILDERS[kind]
    return [line(example, include_directives, header) for example in kept], report


# -- the --since argument ------------------------------------------------------------------------

_DAYS = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*d?\s*$")


def parse_since(text: str, now: float) -> float:
    """``since`` as Unix seconds: a number of days back (``30`` or ``30d``) or an ISO 8601 date or
    date-time (UTC when it names no zone). Raises ValueError otherwise."""
    days = _DAYS.match(text)
    if days:
        return now - timedelta(days=float(days.group(1))).total_seconds()
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"since must be a number of days (30, 30d) or an ISO 8601 date: {text!r}") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


__all__ = [
    "EXPORT_KINDS", "Example", "ExportKind", "ExportReport", "ExportSource", "FILTERS", "LINE_BUILDERS",
    "SOURCE_KINDS", "Standards", "build", "eval_line", "examples_from", "follow_up_text", "has_consent",
    "input_messages", "is_typo_edit", "parse_since", "plain_messages", "preference_line", "select",
    "similarity", "supervised_line",
]
