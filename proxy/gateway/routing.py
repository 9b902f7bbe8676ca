"""Which way a request for a model goes, and what that model honours.

A route is decided once per (door, model) and cached: a ``model_list`` name goes through litellm
(chat completions, so the Responses and Messages doors translate), any other model to the plain
upstream (natively for the Responses/Messages doors when configured so). Traits come from the
route's own configuration, then the upstream's, then litellm's model map, then the defaults.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from adapters import ModelTraits
from proxy.settings import ModelRoute, Settings, UpstreamSettings

from .model_info import model_facts

DoorName = Literal["chat", "responses", "messages"]


@dataclass(frozen=True)
class Route:
    #: A ``model_list`` route: served by litellm (chat completions only).
    litellm: bool
    #: Forwarded in the door's own protocol; False: translated to chat completions.
    native: bool
    traits: ModelTraits


class Router:
    def __init__(self, upstream: UpstreamSettings, model_list: list[ModelRoute]) -> None:
        self.upstream = upstream
        self.routes = {r.model_name: r for r in model_list}
        self._cache: dict[tuple[DoorName, str], Route] = {}

    @classmethod
    def from_settings(cls, settings: Settings) -> "Router":
        return cls(settings.upstream, settings.model_list)

    def route(self, door: DoorName, model: str) -> Route:
        key = (door, model)
        found = self._cache.get(key)
        if found is None:
            found = self._decide(door, model)
            if len(self._cache) > 4096:  # clients can name any model: stay bounded
                self._cache.clear()
            self._cache[key] = found
        return found

    def _decide(self, door: DoorName, model: str) -> Route:
        configured = self.routes.get(model)
        if configured is not None:
            lookup = str(configured.litellm_params.get("model", model))
            return Route(True, door == "chat", _traits(configured.system_role, configured.cap_field, lookup))
        native = door == "chat" or (door == "responses" and self.upstream.responses == "native") or (
            door == "messages" and self.upstream.messages == "native")
        return Route(False, native, _traits(self.upstream.system_role, self.upstream.cap_field, model))


def _traits(system_role: str, cap_field: str, model: str) -> ModelTraits:
    keeps_system, reasoning = model_facts(model)
    if system_role != "auto":
        keeps_system = system_role == "system"
    return ModelTraits(system_role=keeps_system is not False, cap_field=cap_field,  # type: ignore[arg-type]
                       reasoning=reasoning)


__all__ = ["DoorName", "Route", "Router"]
