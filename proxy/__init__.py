"""HTTP layer: the OpenAI-compatible routes, upstream forwarding and the app factory."""

from .app import create_app
from .settings import ConfigError, Settings, load_settings, settings_from_dict

__all__ = ["ConfigError", "Settings", "create_app", "load_settings", "settings_from_dict"]
