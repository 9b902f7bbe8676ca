"""Drive simulated users through beliefloop, in-process, exactly as an app would.

beliefloop runs with its real lifespan behind ``httpx.ASGITransport``, a fresh temporary SQLite
file, a simulated clock and the fake LLM as its upstream. The user talks to it through the
official ``openai`` SDK; thumbs go to ``POST /v1/feedback``. The admin API is read after every
interaction for scoring only.
"""

from __future__ import annotations

import contextlib
import copy
import random
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, AsyncIterator, Callable, Mapping, Sequence

import httpx
import openai
import yaml

from proxy import Settings, create_app, settings_from_dict

from .corpus import TOPICS
from .fake_llm import FakeLLM
from .personas import GLOBAL, Persona
from .phrasing import Phrasebook
from .trace import Run, Step
from .user import Rates, SimulatedUser

REPO = Path(__file__).resolve().parents[2]
ADMIN_KEY = "flywheel-admin-key"
CLIENT_KEY = "sk-flywheel-bench-client"
MODEL = "fake-llm"
#: Simulated time: well beyond the regeneration window between conversations, well within it
#: between the turns of one conversation. 2026-01-01T00:00:00Z.
START = 1_767_225_600.0
TURN_GAP_S = 45.0
CONVERSATION_GAP_S = 3 * 3600.0
#: Questions per conversation (corrections and regenerations add requests) and a hard cap.
QUESTIONS_PER_CONVERSATION = (2, 3)
MAX_REQUESTS_PER_CONVERSATION = 6


class SimClock:
    """beliefloop's clock for the run: time moves only when the user does something."""

    def __init__(self, start: float = START) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def base_config(overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The repository's ``config.yaml``, with ``overrides`` merged in (nested dicts merge)."""
    data = yaml.safe_load((REPO / "config.yaml").read_text()) or {}
    return _merge(data, overrides or {})


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


@dataclass
class Proxy:
    """A running beliefloop, seen from the app side."""

    http: httpx.AsyncClient
    sdk: openai.AsyncOpenAI
    llm: FakeLLM
    clock: SimClock

    async def ask(self, messages: list[dict[str, str]], user: str | None,
                  context: str) -> tuple[str, str | None, dict[str, str]]:
        """One chat completion: (reply text, beliefloop response id, applied beliefs)."""
        extra: dict[str, Any] = {}
        if user is not None:
            extra["user"] = user
        if context != GLOBAL:
            extra["extra_headers"] = {"X-BeliefLoop-Context": context}
        raw = await self.sdk.chat.completions.with_raw_response.create(
            model=MODEL, messages=messages, **extra)
        completion = raw.parse()
        applied = dict(
            pair.split("=", 1) for pair in raw.headers.get("x-beliefloop-applied", "").split(";") if "=" in pair
        )
        return completion.choices[0].message.content or "", raw.headers.get("x-beliefloop-response-id"), applied

    async def rate(self, response_id: str, rating: str, comment: str | None) -> None:
        body: dict[str, Any] = {"response_id": response_id, "rating": rating}
        if comment:
            body["comment"] = comment
        response = await self.http.post("/v1/feedback", json=body,
                                        headers={"authorization": f"Bearer {CLIENT_KEY}"})
        response.raise_for_status()

    async def beliefs(self, user: str) -> list[dict[str, Any]]:
        response = await self.http.get(f"/admin/users/{user}/beliefs", headers=_admin())
        response.raise_for_status()
        return response.json()["beliefs"]

    async def observations(self, user: str) -> list[dict[str, Any]]:
        response = await self.http.get(f"/admin/users/{user}/observations", params={"limit": 1000},
                                       headers=_admin())
        response.raise_for_status()
        return response.json()["observations"]


def _admin() -> dict[str, str]:
    return {"authorization": f"Bearer {ADMIN_KEY}"}


def bench_settings(config: Mapping[str, Any], database: Path) -> Settings:
    """``config`` pointed at the fake upstream and ``database``, with the bench's own keys."""
    edges: dict[str, Any] = {
        "upstream": {"base_url": "http://fake-llm.bench/v1", "api_key": "sk-fake"},
        "database_url": f"sqlite:///{database}",
        "admin_key": ADMIN_KEY,
    }
    # Checked by name so the benchmark runs on beliefloop versions with and without these.
    if "auth" in Settings.model_fields:  # authenticate like an app, not through development mode
        edges["auth"] = {"development_mode": False,
                         "keys": [{"key": CLIENT_KEY, "tenant": "default", "name": "flywheel-bench"}]}
    if "flywheel" in Settings.model_fields:  # every simulated user is treated, none held out
        edges["flywheel"] = {"holdout_share": 0.0}
    return settings_from_dict(_merge(dict(config), edges))


@contextlib.asynccontextmanager
async def open_proxy(config: Mapping[str, Any], phrasebook: Phrasebook) -> AsyncIterator[Proxy]:
    """beliefloop built from ``config`` on a fresh SQLite file, lifespan running, fake upstream."""
    llm, clock = FakeLLM(phrasebook), SimClock()
    with tempfile.TemporaryDirectory(prefix="flywheel-") as tmp:
        settings = bench_settings(config, Path(tmp) / "beliefs.db")
        app = create_app(settings, transport=llm.transport(), clock=clock, watch=False)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://beliefloop.bench") as http:
                sdk = openai.AsyncOpenAI(api_key=CLIENT_KEY, base_url="http://beliefloop.bench/v1",
                                         http_client=http, max_retries=0)
                yield Proxy(http, sdk, llm, clock)


async def run_persona(proxy: Proxy, persona: Persona, *, seed: int, noise: float, n: int,
                      rates: Rates, personalised: bool,
                      user_factory: Callable[..., SimulatedUser] = SimulatedUser) -> Run:
    """``n`` interactions of one simulated user; the trace of what happened and was believed.

    ``user_factory`` builds the user (``SimulatedUser`` or a subclass that also reports what it
    did, as :mod:`.ceiling`'s oracle learner needs); it gets the same arguments and rng either way.
    """
    rng = random.Random(f"{seed}|{persona.name}|{noise}")
    book = proxy.llm.phrasebook
    writes = book.writing_language(persona.truth_at(1, n, persona.contexts[0]), rng)
    user = user_factory(replace(rates, noise=noise), rng, book, writes)
    user_id = f"{persona.name}.s{seed}.n{round(noise * 100)}"
    proxy.llm.begin_session(user_id)
    topics = list(TOPICS)
    rng.shuffle(topics)
    run = Run(persona.name, seed, noise, personalised, n)

    pending: list[dict[str, str]] | None = None
    conversation, context, topic, next_topic = -1, GLOBAL, topics[0], 0
    questions_left = requests_in_conversation = 0
    rejected: str | None = None  # the candidate a regeneration replaced
    for index in range(1, n + 1):
        if pending is None:
            conversation += 1
            context = rng.choice(persona.contexts)
            questions_left = rng.randint(*QUESTIONS_PER_CONVERSATION) - 1
            topic, next_topic = topics[next_topic % len(topics)], next_topic + 1
            messages = [{"role": "user", "content": topic.question}]
            requests_in_conversation, rejected = 0, None
            proxy.clock.advance(CONVERSATION_GAP_S)
        else:
            messages = pending
            proxy.clock.advance(TURN_GAP_S)
        requests_in_conversation += 1
        at = proxy.clock()
        wants = persona.truth_at(index, n, context)
        text, response_id, applied = await proxy.ask(messages, user_id if personalised else None, context)
        turn = user.react(text, wants, topic.technical, may_regenerate=rejected is None)
        reaction = turn.reaction
        choice = {}
        if rejected is not None and reaction.action in ("accept", "tolerate"):
            choice = user.improved(rejected, text, wants, topic.technical)
        step = Step(index, conversation, context, topic.key, at, response_id, applied, dict(wants),
                    dict(turn.unmet), reaction.action, dict(reaction.intended), reaction.noisy,
                    sent=False, choice_intended=choice)

        if reaction.action == "regenerate":
            pending, rejected = messages, text
        elif reaction.action == "follow_up":
            pending, rejected = messages + [{"role": "assistant", "content": text},
                                            {"role": "user", "content": reaction.message or ""}], None
        elif questions_left > 0:
            questions_left -= 1
            topic, next_topic = topics[next_topic % len(topics)], next_topic + 1
            pending, rejected = messages + [{"role": "assistant", "content": reaction.kept_text},
                                            {"role": "user", "content": topic.question}], None
        else:
            pending = None
        if requests_in_conversation >= MAX_REQUESTS_PER_CONVERSATION:
            pending = None
        step.sent = pending is not None and index < n

        if turn.rating is not None and personalised and response_id:
            await proxy.rate(response_id, turn.rating.rating, turn.rating.comment)
            step.rating, step.comment = turn.rating.rating, turn.rating.comment
            step.rating_intended, step.rating_noisy = dict(turn.rating.intended), turn.rating.noisy
        if personalised:
            step.beliefs = await proxy.beliefs(user_id)
        run.steps.append(step)
    if personalised:
        run.observations = await proxy.observations(user_id)
    return run


async def run_condition(config: Mapping[str, Any], personas: Sequence[Persona], *, seed: int,
                        noise: float, n: int, rates: Rates, personalised: bool,
                        phrasebook: Phrasebook) -> list[Run]:
    """Every persona once, on one fresh beliefloop (one SQLite file per condition), one after
    another in an order shuffled per seed: they share a tenant, so with the population prior a
    user learns from the ones before, and no persona always comes first."""
    order = list(personas)
    random.Random(f"tenant-order|{seed}").shuffle(order)
    async with open_proxy(config, phrasebook) as proxy:
        return [await run_persona(proxy, persona, seed=seed, noise=noise, n=n, rates=rates,
                                  personalised=personalised)
                for persona in order]


__all__ = ["Proxy", "SimClock", "base_config", "bench_settings", "open_proxy", "run_condition",
           "run_persona"]
