"""``beliefloop demo``: the proxy on a stand-in model, and a scripted user, with no API key.

The proxy runs for real (uvicorn on a loopback port, a temporary SQLite database, the packaged
copy of config.yaml); only the upstream is the built-in :class:`~proxy.demo.standin.StandIn`,
reached in process. A user, "sam", asks a question, edits the long answer down, complains in
German, gives a thumbs-down with a comment, and asks something new. After each turn the demo
prints what beliefloop observed, how each belief's confidence moved, and what the next request
got, all read back through the proxy's own HTTP API. It ends with sam's preferences link and
keeps serving (unless told to exit) so the link can be opened.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import sys
import tempfile
import threading
import time
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import httpx
import uvicorn
import yaml

from beliefs.learning.language import detect_language

from .standin import StandIn

USER = "sam"
MODEL = "standin-1"
Q1 = "How can I make my Python code faster?"
EDITED = "Profile first and optimise only the hot spots; better algorithms beat micro-tweaks."
Q2 = "And how do I find the slow parts?"
COMPLAINT = "Kürzer bitte, und ohne Emojis."
COMMENT = "still too long"
Q3 = "What is a generator?"
STEPS = 5
_EMOJI = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF]")


def demo_settings(directory: str, admin_key: str) -> Any:
    """The packaged config.yaml's rules and learning settings, on a throwaway database."""
    from proxy.settings import settings_from_dict

    data = yaml.safe_load(resources.files("proxy.demo").joinpath("config.yaml").read_text(encoding="utf-8"))
    data.update(database_url=f"sqlite:///{Path(directory) / 'demo.db'}", admin_key=admin_key,
                auth={"development_mode": True})
    data["upstream"] = {"base_url": "http://standin.local/v1", "client": "httpx", "retries": 0}
    data["storage"] = {"spool_dir": str(Path(directory) / "spool")}
    data["pages"] = {"secret": secrets.token_hex(16)}
    return settings_from_dict(data, environ={})


class _Server:
    """uvicorn in a thread on 127.0.0.1 (port 0: any free one)."""

    def __init__(self, app: Any, port: int) -> None:
        # A generous keep-alive: the client reuses one connection, and a step that stalls the loop
        # (the language detector's first use) must not let the server drop it under a request.
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, log_level="error",
                                lifespan="on", access_log=False, timeout_keep_alive=60)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.time() + 30
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("the demo proxy did not start (is the port taken? try --port 0)")
            time.sleep(0.02)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: Any) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=15)


class _Printer:
    def __init__(self, out: TextIO, pause_s: float) -> None:
        self.out, self.pause_s = out, pause_s

    def line(self, text: str = "") -> None:
        self.out.write(text + "\n")
        self.out.flush()

    def step(self, number: int, text: str) -> None:
        if number > 1:
            time.sleep(self.pause_s)
        self.line()
        self.line(f"[{number}/{STEPS}] {text}")

    def detail(self, label: str, text: str) -> None:
        self.line(f"      {label:<10}{text}")


def _bar(confidence: float, width: int = 10) -> str:
    filled = round(confidence * width)
    return "█" * filled + "░" * (width - filled)


def _shape(text: str) -> str:
    words = len(text.split())
    bullets = sum(1 for line in text.splitlines() if line.lstrip().startswith("- "))
    emoji = len(_EMOJI.findall(text))
    parts = [f"{words} words"]
    parts.append(f"{bullets} bullet points" if bullets else "no list")
    parts.append(f"{emoji} emoji" if emoji else "no emoji")
    return ", ".join(parts)


class _Session:
    """sam's side: chat through the proxy, and the operator's reads of what it learned."""

    def __init__(self, client: httpx.Client, admin_key: str, printer: _Printer) -> None:
        self.client, self.printer = client, printer
        self.admin = {"authorization": f"Bearer {admin_key}"}
        self.beliefs: dict[tuple[str, str], float] = {}
        self.seen_observations: set[str] = set()
        self.threshold = 0.92

    def chat(self, messages: list[dict[str, str]]) -> tuple[str, str, str]:
        """(reply text, x-beliefloop-applied, x-beliefloop-response-id)."""
        response = self.client.post("/v1/chat/completions", json={"model": MODEL, "user": USER,
                                                                   "messages": messages})
        response.raise_for_status()
        text = response.json()["choices"][0]["message"]["content"]
        return text, response.headers["x-beliefloop-applied"], response.headers["x-beliefloop-response-id"]

    def report_observations(self) -> None:
        observations = self.client.get(f"/admin/users/{USER}/observations", headers=self.admin).json()["observations"]
        new = [o for o in observations if o["id"] not in self.seen_observations]
        self.seen_observations.update(o["id"] for o in observations)
        for observation in sorted(new, key=lambda o: o["created_at"]):
            evidence = ", ".join(f"{d['dimension']}={d['value']} {d['weight']:+.2f}" for d in observation["deltas"])
            self.printer.detail("observed", f"{observation['kind'].replace('_', '-')}: {evidence or 'no evidence'}")
        if not new:
            self.printer.detail("observed", "no signal")

    def report_beliefs(self) -> None:
        """Each belief's confidence before and after this turn, and whether it is applied now."""
        current = {(b["dimension"], b["value"]): b["confidence"] for b in self.client.get(
            f"/admin/users/{USER}/beliefs", headers=self.admin).json()["beliefs"]}
        label = "beliefs"
        for key in sorted(current, key=lambda k: -current[k]):
            after, before = current[key], self.beliefs.get(key)
            if before is not None and abs(after - before) < 0.005:
                continue
            moved = f"{before:.2f} → {after:.2f}" if before is not None else f"new  → {after:.2f}"
            applied = "  applied from now on" if after >= self.threshold > (before or 0) else ""
            self.printer.detail(label, f"{key[0] + '=' + key[1]:<16} {moved}  {_bar(after)}{applied}")
            label = ""
        if label:
            self.printer.detail("beliefs", "unchanged")
        self.beliefs = current

    def report_applied(self, applied: str) -> None:
        if applied:
            self.printer.detail("applied", f"{applied} (x-beliefloop-applied)")
        else:
            self.printer.detail("applied", f"nothing (a belief needs {self.threshold:.2f} confidence, "
                                           "about two agreeing clear signals)")


def walk(client: httpx.Client, standin: StandIn, admin_key: str, printer: _Printer, threshold: float) -> str:
    """The scripted conversation; returns sam's preferences link."""
    sam = _Session(client, admin_key, printer)
    sam.threshold = threshold

    printer.step(1, f'sam asks: "{Q1}"')
    first, applied, _ = sam.chat([{"role": "user", "content": Q1}])
    sam.report_applied(applied)
    printer.detail("reply", _shape(first))

    printer.step(2, "sam edits that reply down to one sentence, without emoji or bullets,")
    printer.line(f'      and asks on: "{Q2}"')
    history = [{"role": "user", "content": Q1}, {"role": "assistant", "content": EDITED},
               {"role": "user", "content": Q2}]
    second, applied, _ = sam.chat(history)
    sam.report_observations()
    sam.report_beliefs()
    sam.report_applied(applied)
    printer.detail("reply", _shape(second))

    printer.step(3, f'sam complains, in German: "{COMPLAINT}"')
    history += [{"role": "assistant", "content": second}, {"role": "user", "content": COMPLAINT}]
    third, applied, third_id = sam.chat(history)
    sam.report_observations()
    sam.report_beliefs()
    sam.report_applied(applied)
    printer.detail("reply", _shape(third))

    printer.step(4, f'sam gives that reply a thumbs-down: "{COMMENT}"')
    client.post("/v1/feedback", json={"response_id": third_id, "rating": "down",
                                      "comment": COMMENT}).raise_for_status()
    sam.report_observations()
    sam.report_beliefs()

    printer.step(5, f'sam starts a new conversation: "{Q3}"')
    fourth, applied, _ = sam.chat([{"role": "user", "content": Q3}])
    sam.report_applied(applied)
    injected = standin.system_of()
    if injected:
        printer.detail("injected", "beliefloop added this system message to the request:")
        for line in injected.splitlines():
            printer.line(f"                | {line}")
    printer.detail("reply", f"{_shape(fourth)}: {fourth[:110]}{'…' if len(fourth) > 110 else ''}")

    link = client.post(f"/admin/users/{USER}/preferences-link", headers=sam.admin, json={}).json()["url"]
    return link


def run_demo(*, port: int = 8080, keep_serving: bool = True, pause_s: float = 0.6,
             out: TextIO | None = None) -> int:
    """Start the proxy on the stand-in model, walk sam through, print the link; exit code."""
    from proxy.app import create_app

    out = out or sys.stdout
    printer = _Printer(out, pause_s)
    admin_key = secrets.token_urlsafe(24)
    standin = StandIn()
    with tempfile.TemporaryDirectory(prefix="beliefloop-demo-") as directory:
        settings = demo_settings(directory, admin_key)
        app = create_app(settings, transport=httpx.ASGITransport(app=standin), watch=False,
                         environ={k: v for k, v in os.environ.items() if not k.startswith(("OTEL_", "BELIEFLOOP_"))})
        printer.line("beliefloop demo: a scripted user, sam, talks to a built-in stand-in model through the proxy.")
        printer.line("No API key and no network: the model is a small program that follows the directives it gets.")
        printer.line("Loading the language detector (a few seconds, once)…")
        # Its models load on first use and hold the interpreter for seconds: do it now, not in
        # the middle of the walkthrough (the edit in step 2 is the first text it reads).
        detect_language("A first sentence for the language detector to read, so that its models load now.")
        printer.line("Starting the proxy…")
        try:
            server = _Server(app, port)
            with server as url:
                printer.line(f"Proxy: {url}  ·  model: {MODEL}  ·  database: a temporary SQLite file")
                with httpx.Client(base_url=url, timeout=30) as client:
                    acting = settings.learning_config().confidence.acting_threshold
                    link = walk(client, standin, admin_key, printer, acting)
                printer.line()
                printer.line("sam's preferences page (what is believed, why, and how to change it):")
                printer.line(f"  {link}")
                if keep_serving:
                    printer.line()
                    printer.line(f"The proxy keeps running at {url}/v1 on the stand-in model; try it with:")
                    printer.line(f"  curl -s {url}/v1/chat/completions -H 'content-type: application/json' "
                                 f"-d '{{\"model\": \"{MODEL}\", \"user\": \"{USER}\", \"messages\": "
                                 f"[{{\"role\": \"user\", \"content\": \"How can I make my code faster?\"}}]}}'")
                    printer.line(f"  admin key for this run: {admin_key}")
                    printer.line("Press Ctrl-C to stop (the demo's database is deleted).")
                    with contextlib.suppress(KeyboardInterrupt):
                        while server.thread.is_alive():
                            time.sleep(0.5)
        except RuntimeError as error:
            printer.line(f"beliefloop demo: {error}")
            return 1
    return 0


__all__ = ["demo_settings", "run_demo", "walk"]
