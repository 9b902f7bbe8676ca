"""Regenerate the README screenshots of the preferences page and the operator dashboard.

    python docs/screenshots/make.py [--chromium /usr/bin/chromium] [--out docs/screenshots]

Starts beliefloop on a temporary SQLite file with a simulated clock and a canned upstream, plays
three weeks of a few users' conversations through the real HTTP API (edits, follow-ups,
regenerations, thumbs, a correction on the preferences page), then photographs the pages in
headless Chromium through Playwright, using the system's browser (``apt-get install chromium``;
``pip install playwright``, no ``playwright install`` needed).

Writes ``preferences.png`` (a phone-sized viewport) and ``preferences-example.png`` (its before/after
section), ``preferences-de.png`` (the same page for a browser that asks for German),
``dashboard.png`` and ``dashboard-user.png``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from proxy import create_app, settings_from_dict  # noqa: E402
from tests.fake_upstream import LiveServer, completion  # noqa: E402

ADMIN_KEY = "screenshot-admin-key"
ADMIN = {"authorization": f"Bearer {ADMIN_KEY}"}
DAY = 86_400.0
START = 1_767_225_600.0 + 9 * 3600  # 2026-01-01 09:00 UTC
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

REPLY = (
    "Great question! 😊 Let me explain. TCP (Transmission Control Protocol) is one of the core "
    "protocols of the internet. A protocol is simply a set of rules that computers follow to talk "
    "to each other.\n\n"
    "- It opens a connection with a three-way handshake.\n"
    "- It numbers every byte so that data arrives in order.\n"
    "- It resends anything that gets lost on the way.\n\n"
    "In practice, this is why web pages and emails arrive complete, even over unreliable networks. "
    "I hope this helps! 🚀"
)
SHORT = "TCP delivers bytes reliably and in order, using a handshake, sequence numbers and retransmission."
QUESTIONS = ["What is TCP?", "How does DNS work?", "What is a CDN?", "Explain TLS.", "What is UDP for?",
             "How do cookies work?", "What does a load balancer do?", "What is HTTP/3?"]


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now


class Upstream(httpx.MockTransport):
    """The canned model: a long, chatty reply, numbered so every answer's text is distinct."""

    def __init__(self) -> None:
        self.calls = 0
        super().__init__(self.reply)

    def reply(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        return httpx.Response(200, json=completion(f"{REPLY} ({self.calls})", completion_id=f"chatcmpl-{self.calls}"))


class Session:
    """One user's conversation: ask, then react the way this user does."""

    def __init__(self, http: httpx.Client, user: str, context: str | None = None) -> None:
        self.http, self.user, self.context = http, user, context
        self.messages: list[dict[str, str]] = []
        self.last: dict[str, Any] = {}

    def ask(self, question: str | None = None) -> str:
        if question is not None:
            self.messages.append({"role": "user", "content": question})
        headers = {"x-beliefloop-user": self.user}
        if self.context:
            headers["x-beliefloop-context"] = self.context
        response = self.http.post("/v1/chat/completions", headers=headers,
                                  json={"model": "gpt-4o-mini", "messages": self.messages})
        response.raise_for_status()
        self.last = {"text": response.json()["choices"][0]["message"]["content"],
                     "id": response.headers["x-beliefloop-response-id"]}
        # The reply is recorded just after it is sent: wait for it, as a human reader always does.
        for _ in range(250):
            if self.http.get(f"/admin/responses/{self.last['id']}", headers=ADMIN).status_code == 200:
                break
            time.sleep(0.02)
        return self.last["text"]

    def reply(self, assistant_text: str, next_message: str) -> str:
        self.messages += [{"role": "assistant", "content": assistant_text},
                          {"role": "user", "content": next_message}]
        return self.ask()

    def rate(self, rating: str, comment: str | None = None) -> None:
        self.http.post("/v1/feedback", json={"response_id": self.last["id"], "rating": rating,
                                             "comment": comment}).raise_for_status()


def play(http: httpx.Client, clock: Clock) -> None:
    """Three weeks of six users. Maya is the one whose preferences page is photographed."""
    rng = random.Random(7)
    admin = ADMIN
    for day in range(21):
        clock.now = START + day * DAY
        # Maya shortens chatty replies (concise, no preamble, no emoji, no basics, prose).
        if day % 2 == 0 or day > 14:
            s = Session(http, "maya")
            text = s.ask(rng.choice(QUESTIONS))
            clock.now += 600
            s.reply(SHORT if rng.random() < 0.8 else text, rng.choice(QUESTIONS))
        # At work she asks for a formal tone.
        if day in (3, 6, 9, 12, 16):
            s = Session(http, "maya", context="work")
            s.ask(rng.choice(QUESTIONS))
            clock.now += 300
            s.reply(s.last["text"], "a bit more formal please")
        # Leo wants detail and lists, and says so.
        if day % 3 == 1:
            s = Session(http, "leo")
            s.ask(rng.choice(QUESTIONS))
            clock.now += 400
            s.reply(s.last["text"], rng.choice(["more detail please", "as bullet points", "tell me more"]))
            s.rate("up" if rng.random() < 0.7 else "down")
        # Ana regenerates now and then and otherwise accepts.
        if day % 2 == 1:
            s = Session(http, "ana")
            s.ask(rng.choice(QUESTIONS))
            clock.now += 120
            if rng.random() < 0.4:
                s.ask()
            s.reply(s.last["text"], rng.choice(QUESTIONS))
        # Kim: emoji fan, casual.
        if day % 4 == 2:
            s = Session(http, "kim")
            s.ask(rng.choice(QUESTIONS))
            clock.now += 200
            s.reply(s.last["text"], rng.choice(["less formal", "more casual please", "tl;dr"]))
        # Zoe's needs change: first she wants it short, later she wants depth (the belief flips).
        if day % 2 == 0 or day > 12:
            s = Session(http, "zoe")
            s.ask(rng.choice(QUESTIONS))
            clock.now += 250
            s.reply(s.last["text"], "tl;dr please" if day < 9 else "more detail please")
        # Raj tried it, then opted out.
        if day in (1, 2):
            s = Session(http, "raj")
            s.ask(rng.choice(QUESTIONS))
            s.reply(SHORT, "thanks")
        if day == 4:
            link = http.post("/admin/users/raj/preferences-link", headers=admin).json()
            http.put("/v1/me/opt-out", json={"opted_out": True},
                     headers={"authorization": f"Bearer {link['token']}"}).raise_for_status()
        # Maya reviews her page: confirms one belief, corrects another.
        if day == 18:
            link = http.post("/admin/users/maya/preferences-link", headers=admin).json()
            me = {"authorization": f"Bearer {link['token']}"}
            http.put("/v1/me/beliefs/length", json={"value": "concise"}, headers=me).raise_for_status()
            # Formal was learned at work and generalised; everywhere else she prefers casual.
            http.put("/v1/me/beliefs/tone", json={"value": "casual"}, headers=me).raise_for_status()
        if day == 19:
            link = http.post("/admin/users/leo/preferences-link", headers=admin).json()
            http.put("/v1/me/beliefs/format", json={"value": "lists"},
                     headers={"authorization": f"Bearer {link['token']}"}).raise_for_status()
    clock.now = START + 20 * DAY + 8 * 3600


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    clock = Clock()
    with tempfile.TemporaryDirectory() as tmp:
        config = {
            **_config(),
            "database_url": f"sqlite:///{Path(tmp) / 'beliefs.db'}",
            "admin_key": ADMIN_KEY,
            "upstream": {"base_url": "http://upstream.invalid/v1", "api_key": "sk-none"},
            "storage": {"spool_dir": str(Path(tmp) / "spool")},
        }
        app = create_app(settings_from_dict(config, environ={}), transport=Upstream(), clock=clock, watch=False)
        with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=30) as http:
            play(http, clock)
            link = http.post("/admin/users/maya/preferences-link",
                             headers={"authorization": f"Bearer {ADMIN_KEY}"}).json()["url"]
            args.out.mkdir(parents=True, exist_ok=True)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
                phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                            is_mobile=True, has_touch=True)
                page = phone.new_page()
                page.goto(link)
                page.screenshot(path=str(args.out / "preferences.png"))
                box = page.locator("section.example").bounding_box()
                assert box is not None
                page.screenshot(path=str(args.out / "preferences-example.png"), full_page=True,
                                clip={"x": 0, "y": box["y"] - 16, "width": 390, "height": box["height"] + 32})
                german = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                             is_mobile=True, has_touch=True, locale="de-DE")
                page = german.new_page()
                page.goto(link)
                page.screenshot(path=str(args.out / "preferences-de.png"))
                desk = browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
                page = desk.new_page()
                page.goto(f"{server.url}/dashboard/login")
                page.fill("#key", ADMIN_KEY)
                page.click("button[type=submit]")
                page.wait_for_url(f"{server.url}/dashboard")
                page.screenshot(path=str(args.out / "dashboard.png"), full_page=True)
                page.set_viewport_size({"width": 1280, "height": 1500})
                page.goto(f"{server.url}/dashboard/users/maya")
                page.screenshot(path=str(args.out / "dashboard-user.png"))
                browser.close()
    print(f"wrote preferences.png, preferences-example.png, preferences-de.png, dashboard.png, dashboard-user.png "
          f"to {args.out}")


def _config() -> dict[str, Any]:
    import yaml

    return yaml.safe_load((ROOT / "config.yaml").read_text())


if __name__ == "__main__":
    main()
