"""Throughput with 1, 2 and 4 workers on PostgreSQL vs one worker on SQLite.

Each target is ``beliefloop serve --workers N`` against the overhead benchmark's loopback mock
upstream (1 ms model time); the load is ``wrk`` with personalised requests (200 users, a new
question each: every request loads or reuses a self-model and writes a response record).
Prints req/s and p99 per target and the ratio to SQLite with one worker, measured in this run.

Run: ``python bench/scaling/run.py --postgres postgresql://USER:PASS@127.0.0.1:5432/postgres``
(a role that may create databases; a fresh database is created and dropped). Needs ``wrk``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg
import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log.read_text())
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("server did not start")


def wrk(url: str, connections: int, seconds: int) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-s",
                          str(HERE / "users.lua"), f"{url}/v1/chat/completions"],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 1e-3, "ms": 1.0, "s": 1e3}[p99.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p99_ms": float(p99.group(1)) * factor, "non_2xx": int(errors.group(1)) if errors else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", required=True, help="admin URL of a PostgreSQL server")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="beliefloop-scaling-"))
    mock_port = free_port()
    mock = subprocess.Popen([sys.executable, str(ROOT / "bench/overhead/mock_upstream.py"), "--port", str(mock_port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    config = yaml.safe_load((ROOT / "config.yaml").read_text())
    config["upstream"] = {**config.get("upstream", {}), "base_url": f"http://127.0.0.1:{mock_port}/v1"}
    (tmp / "config.yaml").write_text(yaml.safe_dump(config))
    db = f"bl_scaling_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(args.postgres, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{db}"')
    pg_url = args.postgres.rsplit("/", 1)[0] + f"/{db}"
    results = []
    try:
        env = {**os.environ, "BELIEFLOOP_DATABASE_URL": pg_url}
        subprocess.run([sys.executable, "-m", "proxy.cli", "db", "upgrade", "--config", str(tmp / "config.yaml")],
                       env=env, check=True, capture_output=True, cwd=ROOT)
        targets = [("SQLite", 1, f"sqlite:///{tmp}/scaling.db"), ("PostgreSQL", 1, pg_url),
                   ("PostgreSQL", 2, pg_url), ("PostgreSQL", 4, pg_url)]
        for name, workers, url in targets:
            port = free_port()
            log = tmp / f"{name}-{workers}.log"
            server = subprocess.Popen(
                [sys.executable, "-m", "proxy.cli", "serve", "--config", str(tmp / "config.yaml"), "--port", str(port),
                 "--workers", str(workers), "--log-level", "warning"],
                env={**os.environ, "BELIEFLOOP_DATABASE_URL": url},
                stdout=open(log, "wb"), stderr=subprocess.STDOUT, cwd=tmp)
            try:
                wait_healthy(f"http://127.0.0.1:{port}", server, log)
                wrk(f"http://127.0.0.1:{port}", args.connections, 3)  # warm-up: caches, pools
                figures = wrk(f"http://127.0.0.1:{port}", args.connections, args.seconds)
            finally:
                server.terminate()
                server.wait(timeout=60)
            results.append({"store": name, "workers": workers, **figures})
            print(f"  measured {name} x{workers}: {figures}", file=sys.stderr)
    finally:
        mock.terminate()
        with psycopg.connect(args.postgres, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    base = results[0]["rps"]
    print(f"Throughput, personalised requests, wrk -c{args.connections} for {args.seconds} s, {os.cpu_count()} cores")
    print(f"{'store':<12} {'workers':>7} {'req/s':>9} {'p99 ms':>8} {'non-2xx':>8} {'÷ SQLite x1':>12}")
    for r in results:
        print(f"{r['store']:<12} {r['workers']:>7} {r['rps']:>9.0f} {r['p99_ms']:>8.1f} {r['non_2xx']:>8} "
              f"{r['rps'] / base:>11.2f}x")
    (HERE / "results.json").write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
