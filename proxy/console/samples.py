"""An illustration of what personalisation changes: one sample answer, generic and adapted.

Pure and canned: the adapted version is assembled from hand-written pieces chosen by the user's
applied preferences (one per dimension), never generated and never taken from the user's own
conversations. The page labels it as an illustration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Mapping

from .explain import ENGLISH, N_, Translator, language_name

QUESTION = N_("How does HTTPS keep my data safe?")


@dataclass(frozen=True)
class _Point:
    short: str
    long: str
    basic: str
    expert: str
    expert_short: str


_POINTS: tuple[_Point, ...] = (
    _Point(
        short=N_("It encrypts everything between your browser and the site."),
        long=N_("HTTPS encrypts everything sent between your browser and the website, so anyone "
             "listening on the network, such as others on public Wi-Fi, sees only scrambled data."),
        basic=N_("Encryption scrambles data so that only someone with the right key can read it."),
        expert=N_("TLS 1.3 agrees on session keys with an ephemeral Diffie-Hellman exchange, which "
               "also gives forward secrecy."),
        expert_short=N_("Confidentiality: TLS with ephemeral (EC)DHE keys, so forward secrecy."),
    ),
    _Point(
        short=N_("It proves the site is who it claims to be."),
        long=N_("Before anything is sent, the website shows a certificate signed by an authority your "
             "browser trusts, proving that you are talking to the real site and not an impostor."),
        basic=N_("A certificate works like an ID card for a website."),
        expert=N_("The server's certificate chain is validated against the browser's trust store, "
               "including the host name and validity period."),
        expert_short=N_("Authentication: the certificate chain is checked against the trust store."),
    ),
    _Point(
        short=N_("It detects tampering on the way."),
        long=N_("Every message also carries a tamper-evident seal, so if anyone changes the data in "
             "transit, your browser notices and rejects it."),
        basic=N_("Think of it as a seal that breaks when someone opens the envelope."),
        expert=N_("AEAD ciphers such as AES-GCM authenticate every record, so modified ciphertext "
               "fails to decrypt."),
        expert_short=N_("Integrity: AEAD ciphers (AES-GCM) reject any modified record."),
    ),
)
_EXTRA_DETAIL = N_("The padlock in the address bar shows that a page was loaded over HTTPS; it says "
                 "the connection is private, not that the site itself is trustworthy.")
_CODE = "curl -v https://example.com 2>&1 | grep -E 'SSL connection|subject:'"

#: (opening, closing) per tone; None is the generic assistant's own voice.
_VOICE: dict[str | None, tuple[str, str]] = {
    None: (N_("Great question! Let me explain how HTTPS protects you."),
           N_("In short, HTTPS keeps what you send private, genuine and intact.")),
    "casual": (N_("Sure thing, here's the gist."),
               N_("So basically: private, genuine and untouched. Pretty neat!")),
    "formal": (N_("Certainly. HTTPS provides three protections."),
               N_("In summary, HTTPS ensures confidentiality, authenticity and integrity.")),
}

BlockKind = Literal["p", "ul", "code"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str = ""
    items: tuple[str, ...] = ()


@dataclass(frozen=True)
class SampleAnswer:
    blocks: tuple[Block, ...]
    #: What the illustration cannot show (e.g. the answer would be in another language).
    notes: tuple[str, ...] = ()


def generic(t: Translator = ENGLISH) -> SampleAnswer:
    """The answer with no preferences applied."""
    return adapted({}, t)


def adapted(preferences: Mapping[str, str], t: Translator = ENGLISH) -> SampleAnswer:
    """The sample answer shaped by ``preferences`` (dimension -> value); unknown ones are ignored.

    Dimensions the user has no preference on keep the generic assistant's habits (an opening
    line, one emoji, medium-length prose), so the difference shows exactly what was learned.
    """
    length = preferences.get("length")
    expertise = preferences.get("expertise")
    tone = preferences.get("tone")
    emoji = preferences.get("emoji")
    opening, closing = (t.gettext(line) for line in _VOICE.get(tone, _VOICE[None]))
    if preferences.get("preamble") == "keep" and tone is None:
        opening = t.gettext("Happy to explain!")

    points = []
    for point in _POINTS:
        if length == "concise":
            message = point.expert_short if expertise == "expert" else point.short
            text = t.gettext(message)
        else:
            text = t.gettext(point.long)
            if expertise == "expert":
                text += " " + t.gettext(point.expert)
        if expertise == "beginner":
            text += " " + t.gettext(point.basic)
        points.append(text)
    if length == "detailed":
        points.append(t.gettext(_EXTRA_DETAIL))
    if emoji == "use":
        points[0] = "🔒 " + points[0]

    blocks: list[Block] = []
    preamble = preferences.get("preamble")
    if preamble == "keep" or (preamble != "skip" and length != "concise"):
        blocks.append(Block("p", opening + (" 😊" if emoji is None else " 👋" if emoji == "use" else "")))
    if preferences.get("format") == "lists":
        blocks.append(Block("ul", items=tuple(points)))
    else:
        blocks.append(Block("p", " ".join(points)))
    if preferences.get("code") == "include":
        blocks.append(Block("p", t.gettext("You can check a site's certificate yourself:")))
        blocks.append(Block("code", _CODE))
    if length != "concise":
        blocks.append(Block("p", closing + (" ✅" if emoji == "use" else "")))

    notes = []
    language = preferences.get("language")
    if language and language != getattr(t, "language", "en"):
        notes.append(t.gettext("The real answer would be written in %(language)s.")
                     % {"language": language_name(language, t)})
    return SampleAnswer(tuple(blocks), tuple(notes))


def as_text(answer: SampleAnswer) -> str:
    """Plain text of a sample (for the JSON API and for tests)."""
    parts = []
    for block in answer.blocks:
        if block.kind == "ul":
            parts.append("\n".join(f"- {item}" for item in block.items))
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


__all__ = ["Block", "QUESTION", "SampleAnswer", "adapted", "as_text", "generic"]
