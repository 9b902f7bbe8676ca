"""Pick up config.yaml changes (file modified, or SIGHUP) without a restart.

A bad file is rejected with a logged message and the last good rules stay in force.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal

from .runtime import Runtime
from .settings import ConfigError, load_settings

log = logging.getLogger("beliefloop.proxy")


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def remember_mtime(runtime: Runtime) -> None:
    """Record the config file's mtime as loaded; call when the runtime is built."""
    if runtime.settings.source_path is not None:
        runtime.config_mtime = _mtime(runtime.settings.source_path)


def reload_now(runtime: Runtime) -> bool:
    """Re-read the config file; returns True when the new rules were adopted."""
    path = runtime.settings.source_path
    if path is None:
        return False
    runtime.config_mtime = _mtime(path)
    try:
        new = load_settings(path)
    except ConfigError as error:
        log.error("config reload rejected, keeping the last good rules: %s", error)
        return False
    runtime.reload(new)
    return True


async def watch_config(runtime: Runtime, interval_s: float = 1.0) -> None:
    """Poll the config file's mtime; also reload on SIGHUP where signals are available."""
    path = runtime.settings.source_path
    if path is None:
        return
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGHUP, reload_now, runtime)
    except (NotImplementedError, RuntimeError, ValueError):
        pass  # not the main thread (tests) or no SIGHUP on this platform
    try:
        while True:
            await asyncio.sleep(interval_s)
            current = _mtime(path)
            if current is not None and current != runtime.config_mtime:
                reload_now(runtime)
    finally:
        try:
            loop.remove_signal_handler(signal.SIGHUP)
        except (NotImplementedError, RuntimeError, ValueError):
            pass


__all__ = ["reload_now", "remember_mtime", "watch_config"]
