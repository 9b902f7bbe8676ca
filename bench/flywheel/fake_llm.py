"""A deterministic fake LLM behind an ``httpx.MockTransport``: the upstream beliefloop forwards to.

It follows instructions the way a good model would. It reads the directives beliefloop injected
(the phrases of the rules in ``config.yaml``) and any correction the user typed earlier in the
conversation (the latest one wins per dimension), and writes the reply from :mod:`.corpus` in the
requested style. With no instruction it answers in :data:`DEFAULT_STYLE`: detailed, bullet lists,
a "Great question!" preamble, two emoji, English, a basics paragraph, a code block on technical
topics and a neutral-formal closing.

A regenerated request (the same conversation sent again) gets a different candidate: its points
come in another order, and each dimension no instruction fixes takes its non-default value with
probability :data:`REGENERATION_VARIATION`, seeded by the conversation and the attempt number, as
sampling would vary a real model's answer.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import dataclass, replace
from typing import Any, Mapping

import httpx

from .corpus import CLOSING, EMOJI_CLOSING, EMOJI_POINT, LANGUAGES, PREAMBLE, TOPIC_BY_QUESTION, TOPICS, Topic
from .phrasing import Phrasebook

#: What the assistant does on each dimension when told nothing (expertise: it explains basics;
#: code: it includes a block on technical topics).
DEFAULT_STYLE: Mapping[str, str] = {
    "length": "detailed", "format": "lists", "tone": "formal", "preamble": "keep",
    "emoji": "use", "language": "en", "expertise": "beginner", "code": "include",
}
#: The other value of each binary dimension (what a regenerated candidate may drift to).
NON_DEFAULT: Mapping[str, str] = {
    "length": "concise", "format": "prose", "tone": "casual", "preamble": "skip",
    "emoji": "avoid", "expertise": "expert", "code": "omit",
}
REGENERATION_VARIATION = 0.35

#: Directive phrase (from config.yaml's rules) -> what it asks for.
_DIRECTIVES: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("Keep answers short", {"length": "concise"}),
    ("Give thorough, detailed answers", {"length": "detailed"}),
    ("Write in flowing prose paragraphs", {"format": "prose"}),
    ("Structure answers as bullet points", {"format": "lists"}),
    ("Use a formal, professional register", {"tone": "formal"}),
    ("Use a relaxed, conversational tone", {"tone": "casual"}),
    ("Start directly with the answer", {"preamble": "skip"}),
    ("Open with a short friendly sentence", {"preamble": "keep"}),
    ("Do not use emoji", {"emoji": "avoid"}),
    ("Feel free to use a few fitting emoji", {"emoji": "use"}),
    ("The user is an expert", {"expertise": "expert"}),
    ("The user is new to the topic", {"expertise": "beginner"}),
    ("Include a short code example", {"code": "include"}),
    ("Do not include code blocks", {"code": "omit"}),
    ("Answer tersely for an expert", {"length": "concise", "expertise": "expert"}),
    ("brief regulatory/clinical summary", {"length": "concise", "expertise": "expert"}),
    # The tentative wordings (config.yaml ``tentative``): a good model follows a leaning too.
    ("Lean towards shorter answers", {"length": "concise"}),
    ("Lean towards fuller answers", {"length": "detailed"}),
    ("Prefer prose paragraphs to bullet lists", {"format": "prose"}),
    ("Prefer bullet points where they help", {"format": "lists"}),
    ("Lean towards a formal, professional register", {"tone": "formal"}),
    ("Lean towards a relaxed, conversational tone", {"tone": "casual"}),
    ("Prefer starting directly with the answer", {"preamble": "skip"}),
    ("A short friendly opening sentence is welcome", {"preamble": "keep"}),
    ("Prefer answers without emoji", {"emoji": "avoid"}),
    ("An emoji or two is fine", {"emoji": "use"}),
    ("The user seems experienced", {"expertise": "expert"}),
    ("The user may be new to the topic", {"expertise": "beginner"}),
    ("A short code example is welcome", {"code": "include"}),
    ("Prefer describing in words to code blocks", {"code": "omit"}),
    ("Lean towards terse answers for an experienced reader", {"length": "concise", "expertise": "expert"}),
)
_LANGUAGE_DIRECTIVE = re.compile(r"(?:Always answer in|seems to prefer) ([A-Z][A-Za-z ]+?)[,:]")
_LANGUAGE_CODES = {"English": "en", "German": "de", "Spanish": "es"}


@dataclass(frozen=True)
class Style:
    """How one reply is written. ``expertise``/``code`` None = the assistant's own default."""

    length: str = "detailed"
    format: str = "lists"
    tone: str = "formal"
    preamble: str = "keep"
    emoji: str = "use"
    language: str = "en"
    expertise: str | None = None
    code: str | None = None


def instructions(system: str) -> dict[str, str]:
    """Dimension -> value asked for by the directives in a system message."""
    found: dict[str, str] = {}
    for phrase, wants in _DIRECTIVES:
        if phrase in system:
            found.update(wants)
    match = _LANGUAGE_DIRECTIVE.search(system)
    if match:
        # A language the fake model cannot write falls back to English, as a weak model would.
        found["language"] = _LANGUAGE_CODES.get(match.group(1).strip(), "en")
    return found


def render(topic: Topic, style: Style, rotation: int = 0) -> str:
    """The reply about ``topic`` written in ``style``: blocks separated by blank lines.

    ``rotation`` starts the points at a different one (a regenerated answer is worded
    differently even when its style is the same, as a sampled model's would be).
    """
    lang = style.language if style.language in LANGUAGES else "en"
    concise = style.length == "concise"
    emoji = style.emoji == "use"
    blocks = []
    if style.preamble == "keep":
        blocks.append(PREAMBLE[lang])
    # "Keep answers short ... no filler": a concise answer drops the basics unless asked for them.
    if style.expertise == "beginner" or (style.expertise is None and not concise):
        blocks.append(" ".join(topic.basics[lang]))
    items = []
    points = topic.points[lang]
    points = points[rotation % len(points):] + points[: rotation % len(points)]
    for index, (fact, elaboration) in enumerate(points[: 2 if concise else None]):
        first = f"{fact} {EMOJI_POINT}" if index == 0 and emoji else fact
        items.append(first if concise else f"{first} {elaboration}")
    blocks.append("\n".join(f"- {item}" for item in items) if style.format == "lists" else " ".join(items))
    if topic.code and style.code != "omit":
        blocks.append(topic.code)
    closing = CLOSING["casual" if style.tone == "casual" else "formal"][lang]
    blocks.append(f"{closing} {EMOJI_CLOSING}" if emoji else closing)
    return "\n\n".join(blocks)


def completion(text: str, completion_id: str, model: str) -> dict[str, Any]:
    return {
        "id": completion_id, "object": "chat.completion", "created": 1, "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                     "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 10, "completion_tokens": len(text.split()),
                  "total_tokens": 10 + len(text.split())},
    }


class FakeLLM:
    """The upstream: ``transport()`` plugs it into beliefloop; ``begin_session`` resets sampling.

    ``received`` keeps every request body (for tests and debugging).
    """

    def __init__(self, phrasebook: Phrasebook) -> None:
        #: How it understands what the user typed (the same book the user speaks from).
        self.phrasebook = phrasebook
        self.received: list[dict[str, Any]] = []
        self._attempts: dict[str, int] = {}
        self._session = ""
        self._calls = 0

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._handle)

    def begin_session(self, key: str) -> None:
        """Start a new simulated user: regeneration counters start again (a fresh chat app)."""
        self._attempts.clear()
        self._session = key

    def _handle(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/models"):
            return httpx.Response(200, json={"object": "list", "data": [
                {"id": "fake-llm", "object": "model", "created": 0, "owned_by": "bench"}]})
        body = json.loads(request.content)
        self.received.append(body)
        self._calls += 1
        text = self.reply(body["messages"])
        return httpx.Response(200, json=completion(text, f"chatcmpl-fake-{self._calls}",
                                                   body.get("model", "fake-llm")))

    def reply(self, messages: list[dict[str, Any]]) -> str:
        system = "\n".join(_text(m) for m in messages if m.get("role") in ("system", "developer"))
        dialogue = [m for m in messages if m.get("role") in ("user", "assistant")]
        key = hashlib.blake2b(json.dumps([self._session, dialogue], sort_keys=True).encode(),
                              digest_size=12).hexdigest()
        attempt = self._attempts.get(key, 0)
        self._attempts[key] = attempt + 1

        wants = instructions(system)
        topic = None
        for message in dialogue:
            if message["role"] != "user":
                continue
            text = _text(message)
            if text in TOPIC_BY_QUESTION:
                topic = TOPIC_BY_QUESTION[text]
            else:
                wants.update(self.phrasebook.requested(text))  # the user's own words override the directives
        style = Style(**{d: v for d, v in wants.items() if d in Style.__dataclass_fields__})
        if attempt:
            style = _vary(style, set(wants), random.Random(f"{key}/{attempt}"))
        return render(topic or TOPICS[0], style, rotation=attempt)


def _vary(style: Style, fixed: set[str], rng: random.Random) -> Style:
    changes = {d: v for d, v in NON_DEFAULT.items()
               if d not in fixed and rng.random() < REGENERATION_VARIATION}
    return replace(style, **changes)


def _text(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(p.get("text", "") for p in content if isinstance(p, dict))
    return ""


__all__ = ["DEFAULT_STYLE", "FakeLLM", "NON_DEFAULT", "Style", "instructions", "render"]
