"""A stand-in model for the demo: a tiny OpenAI-compatible server that follows directives.

It answers a few canned questions (anything else gets a generic answer) in a default style —
long, a friendly opener, bullet points, emoji — and changes that style when the system message
beliefloop injected asks it to, the way a real model would: shorter, without emoji, in prose,
straight to the point, in German. It keeps the last request it received, so the demo can show
exactly what beliefloop sent. No network, no key, no weights.
"""

from __future__ import annotations

import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import orjson

#: (question keyword, English points, German points): the first point is the answer's core.
_TOPICS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("faster", (
        "Measure first: profile the program and optimise only the hot spots.",
        "Pick better algorithms and data structures; a set lookup beats scanning a list.",
        "Move work out of inner loops and cache results you compute repeatedly.",
        "Use built-ins and libraries written in C, such as NumPy, for heavy numeric work.",
        "For CPU-bound work, use several processes; for I/O-bound work, asyncio or threads.",
    ), (
        "Erst messen: das Programm profilieren und nur die heißen Stellen optimieren.",
        "Bessere Algorithmen und Datenstrukturen wählen; ein Set schlägt die Suche in einer Liste.",
        "Arbeit aus inneren Schleifen herausziehen und wiederholte Ergebnisse zwischenspeichern.",
        "Eingebaute Funktionen und C-Bibliotheken wie NumPy für schwere Rechenarbeit nutzen.",
        "Für CPU-lastige Arbeit mehrere Prozesse, für I/O asyncio oder Threads verwenden.",
    )),
    ("slow", (
        "Run the program under cProfile and sort by cumulative time to find the slow parts.",
        "Use line_profiler on the functions cProfile points at to see the costly lines.",
        "Time small pieces in isolation with timeit before and after each change.",
        "For a running service, a sampling profiler such as py-spy shows where time goes.",
    ), (
        "Das Programm unter cProfile laufen lassen und nach kumulierter Zeit sortieren.",
        "Mit line_profiler die Zeilen der Funktionen ansehen, auf die cProfile zeigt.",
        "Kleine Stücke einzeln mit timeit messen, vor und nach jeder Änderung.",
        "Für einen laufenden Dienst zeigt ein Sampling-Profiler wie py-spy, wo die Zeit bleibt.",
    )),
    ("generator", (
        "A generator is a function that yields values one at a time instead of returning a list.",
        "It keeps its state between values, so it can produce long or endless sequences.",
        "It uses little memory, because nothing is computed before it is asked for.",
        "You write one with the yield keyword, or as an expression in parentheses.",
    ), (
        "Ein Generator ist eine Funktion, die Werte einzeln mit yield liefert statt eine Liste.",
        "Er behält seinen Zustand zwischen den Werten und kann so lange Folgen erzeugen.",
        "Er braucht wenig Speicher, weil nichts berechnet wird, bevor es gebraucht wird.",
        "Man schreibt ihn mit dem Schlüsselwort yield oder als Ausdruck in Klammern.",
    )),
)
_GENERIC = ((
    "Here is the short version: it depends on what you need, so start with the simplest option.",
    "Try it on a small example first, then grow it step by step.",
    "Keep notes of what worked, so the next change is easier.",
), (
    "Kurz gesagt: es hängt davon ab, was Sie brauchen; beginnen Sie mit der einfachsten Lösung.",
    "Probieren Sie es zuerst an einem kleinen Beispiel und erweitern Sie es Schritt für Schritt.",
    "Notieren Sie, was funktioniert hat, damit die nächste Änderung leichter fällt.",
))
_OPENER = {"en": "Great question! 😊 Happy to help.", "de": "Gute Frage! 😊 Gern helfe ich."}
_CLOSING = {"en": "I hope this helps, and good luck with your project! 🚀",
            "de": "Ich hoffe, das hilft, und viel Erfolg mit Ihrem Projekt! 🚀"}
_EMOJI = (" ✨", " 👍")


@dataclass
class Style:
    """How the next reply is written; each field flips when a directive asks for it."""

    concise: bool = False
    emoji: bool = True
    lists: bool = True
    opener: bool = True
    language: str = "en"

    @classmethod
    def asked_by(cls, system: str) -> "Style":
        """Read the directives of beliefloop's rules (config.yaml's wording) in a system message."""
        style = cls()
        # Firm wordings and the tentative ones ("Lean towards shorter answers"): a good model
        # follows a leaning too.
        if any(p in system for p in ("Keep answers short", "Answer tersely", "Lean towards shorter answers",
                                     "Lean towards terse answers")):
            style.concise = True
        if "Do not use emoji" in system or "Prefer answers without emoji" in system:
            style.emoji = False
        if "do not use bullet points" in system or "Prefer prose paragraphs to bullet lists" in system:
            style.lists = False
        if "Start directly with the answer" in system or "Prefer starting directly with the answer" in system:
            style.opener = False
        language = re.search(r"(?:Always answer in|seems to prefer) ([A-Z][a-z]+)", system)
        if language and language.group(1) == "German":
            style.language = "de"
        return style


def reply_text(question: str, style: Style) -> str:
    """The answer to ``question`` in ``style``."""
    english, german = next(((en, de) for key, en, de in _TOPICS if key in question.lower()), _GENERIC)
    points = list(german if style.language == "de" else english)
    if style.concise:
        points = points[:1]
    elif style.emoji:
        points = [point + _EMOJI[i % 2] if i < 2 else point for i, point in enumerate(points)]
    blocks = [_OPENER[style.language]] if style.opener and not style.concise else []
    blocks.append("\n".join(f"- {point}" for point in points) if style.lists and len(points) > 1 else " ".join(points))
    if not style.concise:
        blocks.append(_CLOSING[style.language] if style.emoji else _CLOSING[style.language][:-2])
    text = "\n\n".join(blocks)
    if not style.emoji:
        text = text.replace("😊 ", "").replace(" 🚀", "")
    return text


@dataclass
class StandIn:
    """The ASGI app beliefloop's demo forwards to (through an in-process transport)."""

    model: str = "standin-1"
    #: Every chat request body received, in order.
    received: list[dict[str, Any]] = field(default_factory=list)

    def system_of(self, index: int = -1) -> str:
        """The system message of a received request (what beliefloop injected), or ''."""
        messages = self.received[index]["messages"]
        return next((m.get("content") or "" for m in messages if m.get("role") == "system"), "")

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        if scope["path"].endswith("/models"):
            await _send(send, {"object": "list", "data": [
                {"id": self.model, "object": "model", "created": 0, "owned_by": "beliefloop-demo"}]})
            return
        request = orjson.loads(body)
        self.received.append(request)
        messages = request.get("messages") or []
        system = "\n".join(m.get("content") or "" for m in messages if m.get("role") == "system"
                           and isinstance(m.get("content"), str))
        question = next((m.get("content") or "" for m in reversed(messages) if m.get("role") == "user"), "")
        text = reply_text(question if isinstance(question, str) else "", Style.asked_by(system))
        reply_id = "chatcmpl-" + uuid.uuid4().hex[:12]
        usage = {"prompt_tokens": sum(len(str(m.get("content", "")).split()) for m in messages),
                 "completion_tokens": len(text.split())}
        usage["total_tokens"] = usage["prompt_tokens"] + usage["completion_tokens"]
        if not request.get("stream"):
            await _send(send, {"id": reply_id, "object": "chat.completion", "created": int(time.time()),
                               "model": request.get("model", self.model), "usage": usage, "choices": [
                                   {"index": 0, "message": {"role": "assistant", "content": text},
                                    "finish_reason": "stop"}]})
            return
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/event-stream")]})
        for piece in re.findall(r"\S+\s*", text):
            chunk = {"id": reply_id, "object": "chat.completion.chunk", "created": int(time.time()),
                     "model": request.get("model", self.model),
                     "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
            await send({"type": "http.response.body", "body": b"data: " + orjson.dumps(chunk) + b"\n\n",
                        "more_body": True})
        await send({"type": "http.response.body", "body": b"data: [DONE]\n\n", "more_body": False})


async def _send(send: Any, payload: dict[str, Any]) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": orjson.dumps(payload)})


__all__ = ["StandIn", "Style", "reply_text"]
