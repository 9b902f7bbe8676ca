"""How the process logs: plain text for a terminal, or one JSON object per line for a collector.

``BELIEFLOOP_LOG_FORMAT=json`` (or ``logging.format: json`` in config.yaml) routes every logger of
the process through one handler: beliefloop's own, uvicorn's (startup, errors, the access log when
it is on), alembic's, Python warnings and uncaught exceptions. Each line carries ``time`` (ISO 8601,
UTC), ``level``, ``logger``, ``message`` and, for lines written while a request is being served,
its ``request_id`` (:data:`REQUEST_ID`, set by :mod:`proxy.request_context`). Structured facts go in
``extra={"fields": {...}}``: top-level keys in JSON, ``key=value`` pairs in text.

Nothing a user or a model wrote is ever logged (README "Security and privacy"); the access log
drops query strings, which may carry a preference-link token.
"""

from __future__ import annotations

import logging
import logging.config
import os
import sys
import threading
import time
from contextvars import ContextVar
from typing import Any, Literal, Mapping

import orjson

LogFormat = Literal["text", "json"]
ENV_LOG_FORMAT = "BELIEFLOOP_LOG_FORMAT"

#: The id of the request being served in this task (None outside a request).
REQUEST_ID: ContextVar[str | None] = ContextVar("beliefloop_request_id", default=None)

#: Loggers that add their own handlers on import; in a configured process they write through ours.
_FOREIGN = ("LiteLLM", "LiteLLM Router", "LiteLLM Proxy")
#: Chatty at INFO and useless to an operator: one line per upstream call, one per alembic plugin.
_QUIET = {"httpx": "WARNING", "alembic.runtime.plugins": "WARNING"}

_TEXT_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


def _request_id(record: logging.LogRecord) -> str | None:
    """The id stamped on the record when it was made (:func:`stamp_records`), else the current one."""
    stamped = getattr(record, "request_id", None)
    return stamped if isinstance(stamped, str) else REQUEST_ID.get()


def stamp_records() -> None:
    """Stamp every new log record with the current request id, so a record formatted later (a
    queue handler, a test's capture) still names its request. Idempotent."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "stamps_request_id", False):
        return

    def make(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        request_id = REQUEST_ID.get()
        if request_id is not None:
            record.request_id = request_id
        return record

    make.stamps_request_id = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(make)


def _fields(record: logging.LogRecord) -> Mapping[str, Any]:
    fields = getattr(record, "fields", None)
    return fields if isinstance(fields, Mapping) else {}


def _access(record: logging.LogRecord) -> dict[str, Any] | None:
    """uvicorn's access line as fields, with the query string dropped."""
    args = record.args
    if record.name != "uvicorn.access" or not isinstance(args, tuple) or len(args) != 5:
        return None
    client, method, path, http_version, status = args
    return {"client": client, "method": method, "path": str(path).split("?", 1)[0],
            "http_version": http_version, "status": status}


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request_id, fields, exception."""

    def format(self, record: logging.LogRecord) -> str:
        access = _access(record)
        if access is not None:
            message = f'{access["method"]} {access["path"]} {access["status"]}'
        else:
            message = record.getMessage()
        line: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": message,
        }
        request_id = _request_id(record)
        if request_id is not None:
            line["request_id"] = request_id
        if access is not None:
            line.update(access)
        for key, value in _fields(record).items():
            line.setdefault(key, value)
        line["pid"] = record.process
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            line["exception"] = record.exc_text
        return orjson.dumps(line, default=str).decode()


class TextFormatter(logging.Formatter):
    """The classic line, with ``key=value`` fields and the request id appended."""

    def __init__(self) -> None:
        super().__init__(_TEXT_FORMAT)

    def format(self, record: logging.LogRecord) -> str:
        access = _access(record)
        if access is not None:  # a copy: other handlers may still want the record as it came
            record = logging.makeLogRecord({**record.__dict__, "msg": "%s %s %s %s", "args": (
                access["client"], access["method"], access["path"], access["status"])})
        line = super().format(record)
        extra = " ".join(f"{key}={value}" for key, value in _fields(record).items())
        request_id = _request_id(record)
        if request_id is not None:
            extra = f"{extra} request_id={request_id}" if extra else f"request_id={request_id}"
        if not extra:
            return line
        head, newline, tail = line.partition("\n")  # keep a traceback below the line it belongs to
        return f"{head} {extra}{newline}{tail}"


def format_from(configured: str | None, environ: Mapping[str, str] | None = None) -> LogFormat:
    """``BELIEFLOOP_LOG_FORMAT`` wins over config.yaml's ``logging.format``; the default is text."""
    environ = os.environ if environ is None else environ
    chosen = (environ.get(ENV_LOG_FORMAT) or configured or "text").strip().lower()
    if chosen not in ("text", "json"):
        raise ValueError(f"{ENV_LOG_FORMAT} must be 'text' or 'json', not {chosen!r}")
    return chosen  # type: ignore[return-value]


def logging_config(log_format: LogFormat, level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` mapping: one stderr handler on the root logger, and every
    other logger (uvicorn's included) propagating to it. uvicorn applies it in each worker too."""
    formatter = "proxy.logs.JsonFormatter" if log_format == "json" else "proxy.logs.TextFormatter"
    loggers: dict[str, Any] = {name: {"handlers": [], "propagate": True}
                               for name in ("uvicorn", "uvicorn.error", "uvicorn.access", "alembic", *_FOREIGN)}
    for name, quiet in _QUIET.items():
        loggers[name] = {"level": quiet}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"beliefloop": {"()": formatter}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "beliefloop",
                                "stream": "ext://sys.stderr"}},
        "root": {"handlers": ["stderr"], "level": level.upper()},
        "loggers": loggers,
    }


def configure(log_format: LogFormat, level: str = "INFO") -> dict[str, Any]:
    """Configure this process (returns the mapping, to hand to uvicorn for its workers)."""
    config = logging_config(log_format, level)
    logging.config.dictConfig(config)
    logging.captureWarnings(True)
    stamp_records()
    if log_format == "json":
        _log_uncaught()
    return config


def adopt_foreign_loggers() -> None:
    """Make libraries that install their own handlers on import (litellm) write through ours.
    Call after importing them; a no-op in a process whose logging was never configured."""
    if not logging.getLogger().handlers:
        return
    for name in _FOREIGN:
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True


def _log_uncaught() -> None:
    """Uncaught exceptions (main thread and others) become log records, not bare tracebacks."""
    crash = logging.getLogger("beliefloop.crash")

    def on_exception(kind: type[BaseException], value: BaseException, tb: Any) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        crash.critical("uncaught exception", exc_info=(kind, value, tb))

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        crash.critical("uncaught exception in thread %s", args.thread.name if args.thread else "?",
                       exc_info=(args.exc_type, args.exc_value, args.exc_traceback))  # type: ignore[arg-type]

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


__all__ = ["ENV_LOG_FORMAT", "JsonFormatter", "LogFormat", "REQUEST_ID", "TextFormatter",
           "adopt_foreign_loggers", "configure", "format_from", "logging_config", "stamp_records"]
