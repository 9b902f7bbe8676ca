"""``beliefloop``: serve the proxy, or manage its database.

* ``beliefloop serve [--config PATH] [--host H] [--port P] [--workers N]``
* ``beliefloop db upgrade [--config PATH]`` — apply schema migrations (required for PostgreSQL,
  automatic for SQLite)
* ``beliefloop export preferences|supervised|evals --out FILE [--since DAYS|DATE]
  [--include-directives] [--per-user-cap N]`` — training and eval JSONL from the log
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time

from .settings import ConfigError, Settings, load_settings

_LOG_FORMAT = "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"


def _settings(args: argparse.Namespace) -> Settings | None:
    try:
        return load_settings(args.config)
    except ConfigError as error:
        print(f"beliefloop: {error}", file=sys.stderr)
        return None


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    settings = _settings(args)
    if settings is None:
        return 2
    logging.basicConfig(level=logging.INFO, format=_LOG_FORMAT)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per upstream call is noise
    common = dict(host=args.host, port=args.port, log_level=args.log_level, access_log=args.access_log,
                  timeout_graceful_shutdown=args.graceful_timeout)
    if args.workers <= 1:
        from .app import create_app

        uvicorn.run(create_app(settings), **common)
        return 0
    # Several processes: migrate once here (SQLite), then every worker builds its own app from
    # the same config file.
    if settings.database_url.startswith("sqlite"):
        from beliefs.memory import migrate
        from beliefs.memory.sql_store import make_engine

        migrate.upgrade(make_engine(settings.database_url))
    if settings.source_path:
        os.environ["BELIEFLOOP_CONFIG"] = os.path.abspath(settings.source_path)
    uvicorn.run("proxy.asgi:app_from_env", factory=True, workers=args.workers, **common)
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from beliefs.memory import migrate
    from beliefs.memory.sql_store import make_engine

    settings = _settings(args)
    if settings is None:
        return 2
    engine = make_engine(settings.database_url)
    before = migrate.current_revision(engine)
    migrate.upgrade(engine)
    after = migrate.current_revision(engine)
    print(f"database schema: {before or 'empty'} -> {after}")
    return 0


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="beliefloop", description="OpenAI-compatible personalisation proxy")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the proxy")
    serve.add_argument("--config", default=None, help="config.yaml path (default: $BELIEFLOOP_CONFIG or ./config.yaml)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8080)
    serve.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL recommended above 1)")
    serve.add_argument("--graceful-timeout", type=float, default=30.0,
                       help="seconds in-flight requests get to finish after SIGTERM")
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--access-log", action="store_true", help="log every request line")
    serve.set_defaults(run=_serve)

    db = commands.add_parser("db", help="database management")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_commands.add_parser("upgrade", help="apply schema migrations")
    upgrade.add_argument("--config", default=None)
    upgrade.set_defaults(run=_db_upgrade)

    export = commands.add_parser("export", help="write preference / supervised / eval JSONL from the log")
    export.add_argument("kind", choices=["preferences", "supervised", "evals"])
    export.add_argument("--since", default=None,
                        help="days back (30, 30d) or an ISO 8601 date (default: flywheel.export_since_days)")
    export.add_argument("--out", required=True, help="JSONL file to write ('-' for stdout)")
    export.add_argument("--config", default=None, help="config.yaml path (its database_url is read)")
    export.add_argument("--tenant", default="default")
    export.add_argument("--include-directives", action="store_true", default=None,
                        help="prepend the directives each response was answered with as a system message")
    export.add_argument("--per-user-cap", type=int, default=None, help="at most N examples per user")
    export.set_defaults(run=_export)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
