"""``beliefloop``: serve the proxy, check a config, try it, or manage its database.

* ``beliefloop serve [--config PATH] [--host H] [--port P] [--workers N]``
* ``beliefloop config check [--config PATH]`` — validate, print the effective config (secrets masked)
* ``beliefloop demo`` — the proxy on a built-in stand-in model, and a scripted user, no API key
* ``beliefloop db upgrade [--config PATH]`` — apply schema migrations (required for PostgreSQL,
  automatic for SQLite)
* ``beliefloop export preferences|supervised|evals --out FILE [--since DAYS|DATE]
  [--include-directives] [--per-user-cap N]`` — training and eval JSONL from the log
* ``beliefloop --version``
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

from .settings import ENVIRONMENT, ConfigError, Settings, load_settings
from .version import VERSION

log = logging.getLogger("beliefloop.cli")


def _settings(args: argparse.Namespace, *, logged: bool = False) -> Settings | None:
    """The settings, or None after reporting why: printed, or (``logged``: serve, whose logging
    is configured, maybe as JSON) as a log line. The message is the same either way."""
    try:
        return load_settings(args.config)
    except ConfigError as error:
        if logged:
            log.error("%s", error)
        else:
            print(f"beliefloop: {error}", file=sys.stderr)
        return None


@contextlib.contextmanager
def _metrics_directory() -> Iterator[str]:
    """Where the workers share their metrics: the operator's ``BELIEFLOOP_METRICS_DIR``, emptied
    of an earlier run's snapshots first, else a fresh directory removed at exit."""
    from .metrics import ENV_METRICS_DIR

    given = os.environ.get(ENV_METRICS_DIR)
    if given:
        Path(given).mkdir(parents=True, exist_ok=True)
        for stale in Path(given).glob("beliefloop-*.json"):
            stale.unlink()
        yield given
        return
    path = tempfile.mkdtemp(prefix="beliefloop-metrics-")
    os.environ[ENV_METRICS_DIR] = path  # inherited by the worker processes uvicorn spawns
    try:
        yield path
    finally:
        os.environ.pop(ENV_METRICS_DIR, None)
        shutil.rmtree(path, ignore_errors=True)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from . import logs

    # The environment's log format first, so that even a config error is logged in it.
    try:
        logs.configure(logs.format_from(None), args.log_level or "info")
    except ValueError as error:
        print(f"beliefloop: {error}", file=sys.stderr)
        return 2
    settings = _settings(args, logged=True)
    if settings is None:
        return 2
    level = args.log_level or settings.logging.level
    log_config = logs.configure(settings.logging.format, level)
    common = dict(host=args.host, port=args.port, log_level=level, access_log=args.access_log,
                  timeout_graceful_shutdown=args.graceful_timeout, log_config=log_config)
    if args.workers <= 1:
        from .app import create_app

        uvicorn.run(create_app(settings), **common)
        return 0
    # Several processes: migrate once here (SQLite), then every worker builds its own app from
    # the same config file and writes its metrics where any of them can read them all.
    if settings.database_url.startswith("sqlite"):
        from beliefs.memory import migrate
        from beliefs.memory.sql_store import make_engine

        migrate.upgrade(make_engine(settings.database_url))
    if settings.source_path:
        os.environ["BELIEFLOOP_CONFIG"] = os.path.abspath(settings.source_path)
    with _metrics_directory():
        # uvicorn kills a worker that does not answer its health ping within the timeout (5 s by
        # default) and starts another; a worker still importing on a busy machine or a
        # CPU-limited container can take longer than that, so it would be killed in a loop.
        uvicorn.run("proxy.asgi:app_from_env", factory=True, workers=args.workers,
                    timeout_worker_healthcheck=30, **common)
    return 0


def _config_check(args: argparse.Namespace) -> int:
    """Validate like the server does; print the effective config with secrets masked."""
    import yaml

    from .settings import masked_dump

    settings = _settings(args)
    if settings is None:
        return 2
    sys.stdout.write(yaml.safe_dump(masked_dump(settings), sort_keys=False, allow_unicode=True))
    source = settings.source_path or "built-in defaults (no config file)"
    print(f"beliefloop: config OK ({source}: {len(settings.rules)} rules, {len(settings.model_list)} "
          f"model_list routes, database {masked_dump(settings)['database_url']})", file=sys.stderr)
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from beliefs.memory import migrate
    from beliefs.memory.sql_store import make_engine

    from . import logs

    settings = _settings(args)
    if settings is None:
        return 2
    logs.configure(settings.logging.format, settings.logging.level)
    engine = make_engine(settings.database_url)
    before = migrate.current_revision(engine)
    migrate.upgrade(engine)
    after = migrate.current_revision(engine)
    print(f"database schema: {before or 'empty'} -> {after}")
    return 0


def _demo(args: argparse.Namespace) -> int:
    from . import logs
    from .demo import run_demo

    logs.configure("text", "error")  # the walkthrough speaks; the server stays quiet
    return run_demo(port=args.port, keep_serving=not args.exit, pause_s=args.pause)


def _export(args: argparse.Namespace) -> int:
    """``beliefloop export``: write the file, print the counts per filter to stderr; exit code."""
    import orjson

    from beliefs.insights.export import build, parse_since
    from beliefs.insights.reads import read_export_source
    from beliefs.memory.sql_store import SqlStore

    settings = _settings(args)
    if settings is None:
        return 2
    flywheel = settings.flywheel
    try:
        since = parse_since(args.since if args.since is not None else str(flywheel.export_since_days), time.time())
    except ValueError as error:
        print(f"beliefloop: {error}", file=sys.stderr)
        return 2
    if args.per_user_cap is not None and args.per_user_cap < 1:
        print("beliefloop: --per-user-cap must be at least 1", file=sys.stderr)
        return 2
    store = SqlStore.from_url(settings.database_url)
    try:
        source = read_export_source(store, args.tenant, since, args.kind)
    finally:
        store.close()
    directives = flywheel.include_directives if args.include_directives is None else args.include_directives
    lines, report = build(source, args.kind, flywheel.standards(args.per_user_cap),
                          include_directives=directives, header=settings.injection.header)
    encoded = (orjson.dumps(line) + b"\n" for line in lines)
    if args.out == "-":
        sys.stdout.buffer.writelines(encoded)
        sys.stdout.flush()
    else:
        with open(args.out, "wb") as handle:
            handle.writelines(encoded)
    rows = [f"beliefloop export {args.kind}: {report.considered} considered, {report.kept} written to {args.out}"]
    rows += [f"  dropped {name:<20} {count}" for name, count in report.dropped.items()]
    rows += [f"  kept    {name:<20} {count}" for name, count in sorted(report.kept_by_kind.items())]
    print("\n".join(rows), file=sys.stderr)
    return 0


_CONFIG_HELP = "config.yaml path (default: $BELIEFLOOP_CONFIG, else ./config.yaml if present)"


def _environment_epilog() -> str:
    width = max(len(name) for name, _ in ENVIRONMENT)
    rows = [f"  {name:<{width}}  {meaning}" for name, meaning in ENVIRONMENT]
    return "environment variables:\n" + "\n".join(rows)


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (every option has help; ``--help`` lists the environment)."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="beliefloop", formatter_class=formatter, epilog=_environment_epilog(),
        description="An OpenAI-compatible proxy that learns how each user wants to be answered.")
    parser.add_argument("--version", action="version", version=f"beliefloop {VERSION}",
                        help="print the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the proxy", formatter_class=formatter,
                                epilog=_environment_epilog())
    serve.add_argument("--config", default=None, help=_CONFIG_HELP)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; "
                       "0.0.0.0 for every interface)")
    serve.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1; PostgreSQL "
                       "recommended above 1; metrics are summed over all of them)")
    serve.add_argument("--graceful-timeout", type=float, default=30.0,
                       help="seconds in-flight requests get to finish after SIGTERM (default 30)")
    serve.add_argument("--log-level", default=None, choices=["critical", "error", "warning", "info", "debug"],
                       help="log level (default: logging.level in config.yaml, else info)")
    serve.add_argument("--access-log", action="store_true", help="log every request line (query strings dropped)")
    serve.set_defaults(run=_serve)

    config = commands.add_parser("config", help="check a configuration before deploying it")
    config_commands = config.add_subparsers(dest="config_command", required=True, metavar="ACTION")
    check = config_commands.add_parser(
        "check", help="validate like the server does and print the effective config, secrets masked "
        "(exit 2 with the server's message when it is invalid)", formatter_class=formatter,
        epilog=_environment_epilog())
    check.add_argument("--config", default=None, help=_CONFIG_HELP)
    check.set_defaults(run=_config_check)

    demo = commands.add_parser("demo", help="try beliefloop without an API key: a built-in stand-in "
                               "model and a scripted user")
    demo.add_argument("--port", type=int, default=8080, help="port for the demo proxy (default 8080; 0: any free port)")
    demo.add_argument("--exit", action="store_true", help="stop when the walkthrough ends instead of "
                      "serving on so the preferences link can be opened")
    demo.add_argument("--pause", type=float, default=0.6, help="seconds between steps (default 0.6)")
    demo.set_defaults(run=_demo)

    db = commands.add_parser("db", help="database management")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = db_commands.add_parser("upgrade", help="apply schema migrations (run once before "
                                     "starting workers on PostgreSQL)")
    upgrade.add_argument("--config", default=None, help=_CONFIG_HELP + "; its database_url is migrated")
    upgrade.set_defaults(run=_db_upgrade)

    export = commands.add_parser("export", help="write preference / supervised / eval JSONL from the log")
    export.add_argument("kind", choices=["preferences", "supervised", "evals"],
                        help="preferences (DPO pairs), supervised (edited answers) or evals (rejected responses)")
    export.add_argument("--since", default=None,
                        help="days back (30, 30d) or an ISO 8601 date (default: flywheel.export_since_days)")
    export.add_argument("--out", required=True, help="JSONL file to write ('-' for stdout)")
    export.add_argument("--config", default=None, help=_CONFIG_HELP + "; its database_url is read")
    export.add_argument("--tenant", default="default", help="tenant whose users are exported (default: default)")
    export.add_argument("--include-directives", action="store_true", default=None,
                        help="prepend the directives each response was answered with as a system message")
    export.add_argument("--per-user-cap", type=int, default=None, help="at most N examples per user")
    export.set_defaults(run=_export)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
