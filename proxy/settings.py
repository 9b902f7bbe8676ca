"""Typed settings: ``config.yaml`` validated once, environment overrides applied once, at startup.

A bad file fails with a message that names the field; on reload the last good settings stay.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal, Mapping

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from adapters import Cap, CapField, CapPolicy, InjectionPolicy, Rule, TemplateError, check_template
from adapters.rules import ANY_VALUE
from beliefs.dimensions import DimensionRegistry, InvalidBeliefValue
from beliefs.insights.export import Standards
from beliefs.learning.confidence import ConfidenceModel
from beliefs.learning.config import LearningConfig, PopulationConfig
from beliefs.learning.evidence import SignalWeights

from .auth import AuthSettings, check_key_set

ENV_CONFIG = "BELIEFLOOP_CONFIG"
DEFAULT_DATABASE_URL = "sqlite:///beliefloop.db"

#: Every environment variable beliefloop reads, with its meaning (``beliefloop --help`` lists them).
ENVIRONMENT: tuple[tuple[str, str], ...] = (
    (ENV_CONFIG, "path of config.yaml (default ./config.yaml if present)"),
    ("BELIEFLOOP_UPSTREAM_BASE_URL", "OpenAI-compatible upstream (upstream.base_url)"),
    ("BELIEFLOOP_UPSTREAM_API_KEY", "key sent upstream (upstream.api_key)"),
    ("BELIEFLOOP_DATABASE_URL", "SQLAlchemy URL of the belief store (database_url)"),
    ("BELIEFLOOP_ADMIN_KEY", "bearer key of the admin API; the admin API is off without it"),
    ("BELIEFLOOP_PAGES_SECRET", "signs preference links and dashboard sessions (pages.secret)"),
    ("BELIEFLOOP_LOG_FORMAT", "text or json (logging.format)"),
    ("BELIEFLOOP_LOG_LEVEL", "critical, error, warning, info or debug (logging.level)"),
    ("OTEL_EXPORTER_OTLP_ENDPOINT", "turns tracing on: OTLP/HTTP collector (also OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, "
                                    "OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, OTEL_TRACES_SAMPLER, OTEL_SDK_DISABLED)"),
    ("BELIEFLOOP_METRICS_DIR", "where workers share their metrics (serve --workers N makes a fresh one)"),
)


class ConfigError(ValueError):
    """config.yaml (or an override) is invalid; the message says where and why."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


SystemRole = Literal["auto", "system", "none"]


class UpstreamSettings(_Strict):
    base_url: str = "https://api.openai.com/v1"
    api_key: str | None = Field(default=None, repr=False)
    #: ``config``: send ``api_key`` upstream; ``client``: forward the client's Authorization header.
    auth: Literal["config", "client"] = "config"
    timeout_s: float = Field(default=600.0, gt=0)
    connect_timeout_s: float = Field(default=10.0, gt=0)
    max_connections: int = Field(default=512, ge=1)
    #: Extra attempts after an unreachable upstream or a 5xx (before any byte was returned).
    retries: int = Field(default=1, ge=0, le=5)
    #: First retry waits this long; each further one twice as long.
    retry_backoff_s: float = Field(default=0.2, ge=0)
    #: HTTP client for OpenAI-compatible upstreams: aiohttp (fastest, see bench/overhead) or httpx.
    client: Literal["aiohttp", "httpx"] = "aiohttp"
    #: ``POST /v1/responses``: ``native`` forwards it to the upstream's own Responses API;
    #: ``translate`` turns it into chat completions (for servers without one).
    responses: Literal["native", "translate"] = "native"
    #: ``POST /v1/messages`` (Anthropic): ``translate`` to chat completions, or ``native`` for an
    #: upstream that speaks the Messages API itself.
    messages: Literal["translate", "native"] = "translate"
    #: Whether the upstream's models keep system messages: ``auto`` (litellm's model information),
    #: ``system``, or ``none`` (directives then go to the first user message).
    system_role: SystemRole = "auto"
    #: Which chat field a token cap is written to (``auto``: the client's; see README "Open models").
    cap_field: CapField = "auto"
    #: Pass-through bodies are streamed, never held; larger ones get 413 (OpenAI's file limit).
    passthrough_max_body_bytes: int = Field(default=512 * 1024 * 1024, ge=1024)
    #: Responses kept in memory per process to follow ``previous_response_id`` chains.
    responses_chain_cache: int = Field(default=10_000, ge=0)


class ModelRoute(_Strict):
    """A LiteLLM-style route: requests for ``model_name`` go through litellm with these params."""

    model_name: str
    litellm_params: dict[str, Any]
    #: Other ``model_list`` names to try, in order, when this one fails (unreachable, 5xx,
    #: timeout or 429).
    fallbacks: list[str] = []
    #: As ``upstream.system_role``, for this route.
    system_role: SystemRole = "auto"
    #: As ``upstream.cap_field``, for this route.
    cap_field: CapField = "auto"

    @model_validator(mode="after")
    def _needs_model(self) -> "ModelRoute":
        if not isinstance(self.litellm_params.get("model"), str):
            raise ValueError(f"model_list entry {self.model_name!r}: litellm_params.model is required")
        return self


class CapSettings(_Strict):
    #: Apply rule caps to requests that declare tools (a truncated tool call is broken JSON).
    tools: bool = False
    #: Apply rule caps to json_schema / json_object requests.
    structured_output: bool = False


class InjectionSettings(_Strict):
    #: ``merge`` into the app's first system message, ``prepend`` one of beliefloop's own, or
    #: ``user``: at the head of the first user message (adapters/splice.py).
    mode: Literal["merge", "prepend", "user"] = "merge"
    max_directive_tokens: int = Field(default=200, ge=16)
    header: str = "Adapt your answer to this user's known preferences:"
    #: For models without a system role: ``user`` (head of the first user message) or ``skip``
    #: (nothing is delivered, and ``x-beliefloop-applied`` says so).
    without_system_role: Literal["user", "skip"] = "user"
    caps: CapSettings = CapSettings()


class WeightSettings(_Strict):
    edit: float = Field(default=SignalWeights.edit, ge=0)
    follow_up: float = Field(default=SignalWeights.follow_up, ge=0)
    standing: float = Field(default=SignalWeights.standing, ge=0)
    self_description: float = Field(default=SignalWeights.self_description, ge=0)
    complaint: float = Field(default=SignalWeights.complaint, ge=0)
    choice: float = Field(default=SignalWeights.choice, ge=0)
    choice_newest: float = Field(default=SignalWeights.choice_newest, ge=0)
    regeneration: float = Field(default=SignalWeights.regeneration, ge=0)
    thumbs_up: float = Field(default=SignalWeights.thumbs_up, ge=0)
    thumbs_down: float = Field(default=SignalWeights.thumbs_down, ge=0)
    comment: float = Field(default=SignalWeights.comment, ge=0)
    acceptance: float = Field(default=SignalWeights.acceptance, ge=0)
    #: Acceptance of a reply shaped by a tentatively applied belief (probation).
    probation_acceptance: float = Field(default=SignalWeights.probation_acceptance, ge=0)
    #: Factor on a correction's evidence for what the reply already does (README "How learning works").
    redundant: float = Field(default=SignalWeights.redundant, ge=0, le=1)
    #: Factor on a reaction's evidence against a belief that shaped the reply (probation).
    retract: float = Field(default=SignalWeights.retract, ge=1)


class PopulationSettings(_Strict):
    """The per-tenant population prior (README "How learning works")."""

    enabled: bool = PopulationConfig.enabled
    #: Pseudo-users the population share is shrunk with (a tenant with few users: a weak prior).
    strength: float = Field(default=PopulationConfig.strength, ge=0)
    #: The most the prior is worth, in log-odds (about one full signal at 1.0).
    max_log_odds: float = Field(default=PopulationConfig.max_log_odds, ge=0)
    #: Seconds a tenant's snapshot is used before it is recomputed from the store (off the hot path).
    refresh_s: float = Field(default=PopulationConfig.refresh_s, gt=0)
    #: Divide the prior for a value by 1 + the user's observations on the dimension's other
    #: values: a user with a history there is judged on it, not on the population.
    history: bool = PopulationConfig.history


class LearningSettings(_Strict):
    #: Log-odds per unit of net evidence (README "How learning works").
    scale: float = Field(default=ConfidenceModel.scale, gt=0)
    half_life_days: float = Field(default=ConfidenceModel.half_life_days, gt=0)
    apply_threshold: float = Field(default=ConfidenceModel.apply_threshold, gt=0.5, lt=1.0)
    #: Default confidence from which a rule's tentative wording applies (rules without one wait
    #: for ``apply_threshold``).
    tentative_threshold: float = Field(default=ConfidenceModel.tentative_threshold, gt=0.5, lt=1.0)
    global_share: float = Field(default=ConfidenceModel.global_share, ge=0, le=1)
    #: Most current weight evidence gives one value (null: no cap).
    cap: float | None = Field(default=ConfidenceModel.cap, gt=0)
    #: Evidence for a value takes as much weight off the dimension's other values.
    cancel: bool = ConfidenceModel.cancel
    regeneration_window_s: float = Field(default=600.0, ge=0)
    #: The same body from the same client within this many seconds is a retry of one logical
    #: request, not a regeneration (besides x-stainless-retry-count and Idempotency-Key).
    retry_window_s: float = Field(default=2.0, ge=0)
    response_text_retention_days: float = Field(default=7.0, gt=0)
    weights: WeightSettings = WeightSettings()
    population: PopulationSettings = PopulationSettings()


class InterpreterSettings(_Strict):
    """How what users write about the answers is read (README "How interpretation works")."""

    #: ``dimension=value`` -> extra phrases, in any language, matched as whole phrases (with the
    #: same negation handling) on top of the built-in lexicons of en, de, es, fr, it, pt and nl.
    phrases: dict[str, list[str]] = {}
    #: A long message is read at its start and its end, this many characters in all.
    max_chars: int = Field(default=300, ge=50)
    #: A litellm model name (any provider, e.g. "gpt-4o-mini" or "anthropic/claude-3-5-haiku-latest")
    #: for the LLM engine, which reads off the hot path what the offline engine could not map;
    #: null (the default) keeps interpretation offline. The model must support structured output
    #: (a JSON schema); replies outside the closed values are discarded.
    model: str | None = None
    #: Extra litellm parameters for that model (api_key, api_base, ...).
    params: dict[str, Any] = {}
    #: Give up on one LLM call after this long; the offline reading stands.
    timeout_s: float = Field(default=10.0, gt=0)
    #: Messages read in one LLM call at most.
    batch_size: int = Field(default=16, ge=1, le=100)
    #: How long the first queued message waits for others to share its LLM call (seconds).
    linger_s: float = Field(default=0.05, ge=0, le=5)
    #: Readings remembered by text hash (the same message is never paid for twice).
    cache_size: int = Field(default=10_000, ge=0)


class StorageSettings(_Strict):
    #: The write journal: every write the server acknowledges is fsynced here first (one file
    #: set per process; replayed into the database after a crash, kept during an outage). Must
    #: be a persistent local disk (not tmpfs).
    spool_dir: str = "beliefloop-spool"
    #: Wait for the journal's fsync before answering (feedback, a response's record, opt-out).
    #: false answers first: faster by about one fsync, but a crash may lose the last few ms.
    durable_ack: bool = True
    #: Most writes waiting for the database before new work must wait (backpressure).
    write_queue_limit: int = Field(default=2000, ge=10)
    #: How long a request waits for room in a full write queue before 503 with retry-after.
    write_queue_wait_s: float = Field(default=2.0, ge=0)
    #: With several workers: how often (seconds, at most) a worker reads the responses other
    #: workers gave a user, when that user's request arrives (for edits and regenerations).
    recent_sync_s: float = Field(default=1.0, ge=0)
    #: Give up waiting for a self-model read after this long; the request goes on un-personalised.
    read_timeout_s: float = Field(default=1.0, gt=0)
    #: Reload cached self-models older than this. Default: never with SQLite (one process), 30 s
    #: with PostgreSQL as a safety net behind LISTEN/NOTIFY invalidation.
    cache_ttl_s: float | None = Field(default=None, gt=0)
    cache_users: int = Field(default=10_000, ge=1)


_COLOUR = r"^#[0-9a-fA-F]{6}$"


class BrandSettings(_Strict):
    """How the preferences page presents itself to the app's users (``pages.brand``)."""

    #: The product name shown in the page header and title (the app's, not beliefloop's).
    name: str = Field(default="beliefloop", min_length=1, max_length=60)
    #: A logo beside the name: an https URL (its origin is added to the page's img-src) or a
    #: ``data:image/...`` URL. None: a plain mark.
    logo_url: str | None = Field(default=None, pattern=r"^(https://[^\s\"'<>]+|data:image/[a-z+.-]+;base64,[A-Za-z0-9+/=]+)$")
    #: Buttons, links and the applied meter (``#rrggbb``), text on it, and its soft background.
    accent: str = Field(default="#0b63c5", pattern=_COLOUR)
    accent_ink: str = Field(default="#ffffff", pattern=_COLOUR)
    accent_soft: str = Field(default="#e8f1fc", pattern=_COLOUR)


class RateLimitSettings(_Strict):
    """Client rate limits (``auth.keys[].rate_limit_per_minute``) and the failed sign-in throttle."""

    #: Where the token buckets live: "store" (the belief store's table: shared by every worker
    #: and host on PostgreSQL, by the workers of one host on SQLite) or "local" (per process).
    shared: Literal["store", "local"] = "store"
    #: Failed admin-key or dashboard sign-in attempts allowed per client address, per minute.
    failed_auth_per_address_per_minute: int = Field(default=10, ge=1)
    #: The same per tenant (from every address together), per minute.
    failed_auth_per_tenant_per_minute: int = Field(default=60, ge=1)


class PagesSettings(_Strict):
    """The preferences page, the /v1/me API and the operator dashboard (``proxy/console``)."""

    brand: BrandSettings = BrandSettings()

    #: Signs preference links and dashboard sessions. Default: derived from the admin key (or a
    #: random per-process secret, with a warning, when there is none). BELIEFLOOP_PAGES_SECRET.
    secret: str | None = Field(default=None, min_length=16, repr=False)
    #: Lifetime of a preference link unless the app asks for another (seconds).
    link_ttl_s: int = Field(default=7 * 86_400, ge=60, le=365 * 86_400)
    #: Lifetime of a dashboard login (seconds).
    session_ttl_s: int = Field(default=12 * 3600, ge=60, le=30 * 86_400)
    #: Base of the links handed out (e.g. https://prefs.example.com); default: the request's own.
    public_base_url: str | None = None
    #: The flywheel benchmark's summary, plotted on the dashboard when present.
    #: Default: bench/flywheel/results/latest.json in the source tree.
    benchmark_results: str | None = None


class ComparisonSettings(_Strict):
    """Comparison anchoring: now and then, also ask the upstream for the generic answer."""

    #: Share of personalised requests, in [0, 1], for which the un-personalised answer to the same
    #: request is fetched too (off the hot path, a second upstream call counted in /metrics as
    #: beliefloop_comparisons_total and beliefloop_comparison_tokens_total) and kept beside the
    #: response's text, under the same retention (learning.response_text_retention_days).
    sample_rate: float = Field(default=0.0, ge=0.0, le=1.0)


class FlywheelSettings(_Strict):
    """The holdout and the defaults of ``beliefloop export`` (read at startup)."""

    #: Share of users, in [0, 1], who get no personalisation but are still observed (the holdout).
    holdout_share: float = Field(default=0.0, ge=0.0, le=1.0)
    #: Changing the salt reshuffles who is in the holdout.
    holdout_salt: str = "beliefloop-holdout-v1"
    #: Export defaults (each can be overridden per export).
    export_since_days: float = Field(default=30.0, gt=0)
    include_directives: bool = False
    per_user_cap: int = Field(default=50, ge=1)
    typo_max_chars: int = Field(default=5, ge=0)
    near_identical: float = Field(default=0.95, gt=0.0, le=1.0)

    def standards(self, per_user_cap: int | None = None) -> Standards:
        """The export's data-quality standards, with this export's ``per_user_cap`` if given."""
        return Standards(typo_max_chars=self.typo_max_chars, near_identical=self.near_identical,
                         per_user_cap=per_user_cap or self.per_user_cap)


class CapSpec(_Strict):
    #: The limit, in tokens.
    cap: int = Field(ge=1)
    #: Also set it when the client sent no limit (otherwise a cap only lowers the client's own).
    add: bool = False


class LoggingSettings(_Strict):
    """How the process logs (README "Operating beliefloop")."""

    #: ``text`` for a terminal, ``json`` for a log collector (one object per line). BELIEFLOOP_LOG_FORMAT.
    format: Literal["text", "json"] = "text"
    #: Root log level (``serve --log-level`` overrides it). BELIEFLOOP_LOG_LEVEL.
    level: Literal["critical", "error", "warning", "info", "debug"] = "info"


class OperationsSettings(_Strict):
    """Who may read the operator endpoints (``/metrics``, ``/docs``, ``/openapi.json``); the
    probes (``/healthz``, ``/readyz``) are always open."""

    #: ``auto``: open in development mode, else protected; ``protected``: the global admin key
    #: or ``scrape_key`` as ``Authorization: Bearer``; ``open``: anyone (a private network).
    endpoints: Literal["auto", "open", "protected"] = "auto"
    #: A key that opens only these endpoints (give it to Prometheus instead of the admin key).
    scrape_key: str | None = None


class ReadinessSettings(_Strict):
    """What ``GET /readyz`` demands beyond a store that answers."""

    #: Spooled writes (the database unreachable for a while) beyond which this instance is unready.
    max_spool_depth: int = Field(default=10_000, ge=0)


class RuleSpec(_Strict):
    name: str | None = None
    when: dict[str, str]
    context: str | None = None
    min_confidence: float | None = Field(default=None, ge=0, le=1)
    system: str
    #: Wording below firm confidence ("lean towards shorter answers"); null: the rule waits for
    #: ``min_confidence``.
    tentative: str | None = None
    #: From which confidence the tentative wording applies (default learning.tentative_threshold).
    tentative_confidence: float | None = Field(default=None, ge=0, le=1)
    #: ``600`` lowers the client's limit to 600; ``{cap: 600, add: true}`` also sets it when the
    #: client sent none.
    max_tokens: int | CapSpec | None = Field(default=None)
    params: dict[str, Any] = {}

    def compiled_cap(self) -> Cap | None:
        if self.max_tokens is None:
            return None
        if isinstance(self.max_tokens, CapSpec):
            return Cap(self.max_tokens.cap, self.max_tokens.add)
        if self.max_tokens < 1:
            raise ValueError("max_tokens must be at least 1")
        return Cap(self.max_tokens)


class Settings(_Strict):
    upstream: UpstreamSettings = UpstreamSettings()
    model_list: list[ModelRoute] = []
    database_url: str = DEFAULT_DATABASE_URL
    storage: StorageSettings = StorageSettings()
    admin_key: str | None = Field(default=None, repr=False)
    auth: AuthSettings = AuthSettings()
    rate_limits: RateLimitSettings = RateLimitSettings()
    #: Stored response texts (and the conversation kept for exports) expire after this many days.
    response_retention_days: float = Field(default=7.0, gt=0)
    #: Observations (the audit trail of signals) expire after this many days.
    observation_retention_days: float = Field(default=180.0, gt=0)
    #: How often the retention job runs, in seconds.
    retention_interval_s: float = Field(default=3600.0, gt=0)
    #: Largest body of model traffic (chat and the other doors); larger ones get 413 unread.
    max_body_bytes: int = Field(default=10 * 1024 * 1024, ge=1024)
    #: Largest body of a control route (feedback, admin, /v1/me, the pages' forms).
    max_control_body_bytes: int = Field(default=64 * 1024, ge=1024)
    injection: InjectionSettings = InjectionSettings()
    pages: PagesSettings = PagesSettings()
    learning: LearningSettings = LearningSettings()
    interpreter: InterpreterSettings = InterpreterSettings()
    flywheel: FlywheelSettings = FlywheelSettings()
    comparison: ComparisonSettings = ComparisonSettings()
    logging: LoggingSettings = LoggingSettings()
    readiness: ReadinessSettings = ReadinessSettings()
    operations: OperationsSettings = OperationsSettings()
    #: Extra dimensions: name -> allowed values.
    dimensions: dict[str, list[str]] = {}
    rules: list[RuleSpec] = []
    #: Where the settings came from (for reloads); not read from the file.
    source_path: str | None = Field(default=None, exclude=True)

    # -- derived, built once per load ------------------------------------------------------

    def registry(self) -> DimensionRegistry:
        return DimensionRegistry.with_extensions(self.dimensions)

    def learning_config(self) -> LearningConfig:
        lr = self.learning
        return LearningConfig(
            confidence=ConfidenceModel(scale=lr.scale, half_life_days=lr.half_life_days,
                                       apply_threshold=lr.apply_threshold,
                                       tentative_threshold=lr.tentative_threshold,
                                       global_share=lr.global_share, cap=lr.cap, cancel=lr.cancel),
            weights=SignalWeights(**lr.weights.model_dump(), probation_until=lr.apply_threshold),
            regeneration_window_s=lr.regeneration_window_s,
            recent_horizon_s=lr.response_text_retention_days * 86_400.0,
            population=PopulationConfig(**lr.population.model_dump()),
        )

    def injection_policy(self) -> InjectionPolicy:
        i = self.injection
        return InjectionPolicy(mode=i.mode, max_directive_tokens=i.max_directive_tokens, header=i.header,
                               without_system_role=i.without_system_role,
                               caps=CapPolicy(tools=i.caps.tools, structured_output=i.caps.structured_output))

    def compiled_rules(self) -> tuple[Rule, ...]:
        """Rules checked against the dimension registry; raises ConfigError naming the rule."""
        registry = self.registry()
        compiled = []
        for index, spec in enumerate(self.rules):
            name = spec.name or f"rule[{index}]"
            when = []
            try:
                if not spec.when:
                    raise ValueError("'when' needs at least one dimension=value")
                for dimension, value in spec.when.items():
                    wanted = value if value == ANY_VALUE else registry.get(dimension).validate(value)
                    registry.get(dimension)
                    when.append((dimension, wanted))
                check_template(spec.system, spec.when.keys())
                if spec.tentative is not None:
                    check_template(spec.tentative, spec.when.keys())
                cap = spec.compiled_cap()
            except (KeyError, InvalidBeliefValue, TemplateError, ValueError) as error:
                raise ConfigError(f"rules[{index}] ({name}): {error}") from None
            compiled.append(Rule(
                name=name, when=tuple(when), context=spec.context,
                min_confidence=spec.min_confidence if spec.min_confidence is not None
                else self.learning.apply_threshold,
                system=spec.system, cap=cap, params=tuple(spec.params.items()),
                tentative=spec.tentative,
                tentative_confidence=spec.tentative_confidence if spec.tentative_confidence is not None
                else self.learning.tentative_threshold,
            ))
        return tuple(compiled)

    def interpreter_phrases(self) -> dict[str, list[str]]:
        """The operator's extra phrases, each key checked against the dimension registry."""
        registry = self.registry()
        for key in self.interpreter.phrases:
            dimension, _, value = key.partition("=")
            try:
                registry.get(dimension).validate(value)
            except (KeyError, InvalidBeliefValue) as error:
                raise ConfigError(f"interpreter.phrases[{key!r}]: {error}") from None
        return {key: list(phrases) for key, phrases in self.interpreter.phrases.items()}

    def validate_all(self) -> "Settings":
        """Compile everything derived so a bad file fails now, not on the first request."""
        self.compiled_rules()
        self.interpreter_phrases()
        names = {route.model_name for route in self.model_list}
        for route in self.model_list:
            unknown = [name for name in route.fallbacks if name not in names]
            if unknown:
                raise ConfigError(f"model_list {route.model_name!r}: unknown fallbacks {unknown}")
        problems = check_key_set(self.auth, self.upstream.auth)
        if problems:
            raise ConfigError("invalid auth configuration: " + "; ".join(problems))
        return self


def _env_overrides(environ: Mapping[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if environ.get("BELIEFLOOP_UPSTREAM_BASE_URL"):
        data.setdefault("upstream", {})["base_url"] = environ["BELIEFLOOP_UPSTREAM_BASE_URL"]
    if environ.get("BELIEFLOOP_UPSTREAM_API_KEY"):
        data.setdefault("upstream", {})["api_key"] = environ["BELIEFLOOP_UPSTREAM_API_KEY"]
    if environ.get("BELIEFLOOP_DATABASE_URL"):
        data["database_url"] = environ["BELIEFLOOP_DATABASE_URL"]
    if environ.get("BELIEFLOOP_ADMIN_KEY"):
        data["admin_key"] = environ["BELIEFLOOP_ADMIN_KEY"]
    if environ.get("BELIEFLOOP_PAGES_SECRET"):
        data.setdefault("pages", {})["secret"] = environ["BELIEFLOOP_PAGES_SECRET"]
    if environ.get("BELIEFLOOP_LOG_FORMAT"):
        data.setdefault("logging", {})["format"] = environ["BELIEFLOOP_LOG_FORMAT"].strip().lower()
    if environ.get("BELIEFLOOP_LOG_LEVEL"):
        data.setdefault("logging", {})["level"] = environ["BELIEFLOOP_LOG_LEVEL"].strip().lower()
    return data


def _merge(base: dict[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def settings_from_dict(data: Mapping[str, Any], environ: Mapping[str, str] | None = None,
                       source_path: str | None = None) -> Settings:
    """Validate a config mapping plus environment overrides; raises ConfigError."""
    merged = _merge(dict(data or {}), _env_overrides(environ if environ is not None else {}))
    if "follow_up" in merged:
        raise ConfigError("the follow_up section was replaced by interpreter (phrases: the same "
                          "dimension=value -> phrases; include_defaults is gone: the built-in lexicons "
                          "cover seven languages); see README 'config.yaml reference'")
    try:
        settings = Settings.model_validate(merged)
    except ValidationError as error:
        where = f" in {source_path}" if source_path else ""
        raise ConfigError(f"invalid configuration{where}:\n{error}") from None
    settings.source_path = source_path
    return settings.validate_all()


def load_settings(path: str | os.PathLike[str] | None = None,
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Read ``path`` (or $BELIEFLOOP_CONFIG, or ./config.yaml if present) and apply overrides."""
    environ = os.environ if environ is None else environ
    candidate = path or environ.get(ENV_CONFIG)
    if candidate is None and Path("config.yaml").is_file():
        candidate = "config.yaml"
    data: Any = {}
    if candidate is not None:
        try:
            data = yaml.safe_load(Path(candidate).read_text(encoding="utf-8")) or {}
        except OSError as error:
            raise ConfigError(f"cannot read config {candidate}: {error}") from None
        except yaml.YAMLError as error:
            raise ConfigError(f"config {candidate} is not valid YAML: {error}") from None
        if not isinstance(data, dict):
            raise ConfigError(f"config {candidate} must be a mapping at the top level")
    return settings_from_dict(data, environ, str(candidate) if candidate else None)


_SECRET_KEY = re.compile(r"(^|_)(key|secret|token|password)$")
MASK = "***"


def _mask(value: Any, name: str = "") -> Any:
    if isinstance(value, dict):
        return {k: _mask(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask(v, name) for v in value]
    if isinstance(value, str) and value and _SECRET_KEY.search(name) and not value.startswith("os.environ/"):
        return MASK
    return value


def masked_dump(settings: Settings) -> dict[str, Any]:
    """The effective settings as plain data with every secret replaced by ``***``: keys, secrets,
    tokens and passwords (a litellm ``os.environ/NAME`` reference is not a secret and stays), and
    the password in ``database_url``. Key digests (``key_sha256``) stay: they identify, not grant."""
    data = _mask(settings.model_dump(mode="json"))
    try:
        from sqlalchemy.engine import make_url

        data["database_url"] = make_url(settings.database_url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy can parse: show nothing rather than a secret
        data["database_url"] = MASK
    return data


__all__ = ["ENVIRONMENT", "MASK", "masked_dump", "ConfigError", "ModelRoute", "Settings", "load_settings", "settings_from_dict"]
