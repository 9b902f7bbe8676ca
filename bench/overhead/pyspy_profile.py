"""Where does beliefloop's time go? Sample the server with py-spy while it is under load.

    /work/venv/bin/python bench/overhead/pyspy_profile.py [--target personalised|passthrough|learning]
        [--seconds 20] [--connections 8] [--gil] [--native] [--source REF]

Starts the mock upstream and beliefloop exactly as run.py does (same pinning, beliefs, bodies), loads
one target (wrk; for ``learning``, closed-loop workers sending edits of earlier replies) while ``py-spy record --format raw`` samples the server (all threads, idle
frames excluded), then prints the functions with the most samples: *self* (the frame on top of the
stack) and *inclusive* (anywhere on the stack, counted once per sample). Needs ``py-spy``
(``pip install py-spy``) and permission to ptrace the server (root, or CAP_SYS_PTRACE).
Writes results/profile-<target>.txt, and the raw collapsed stacks beside it (not committed).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import uvloop  # noqa: E402
from measure import Sender, Target  # noqa: E402
from run import ADMIN_KEY, LEARNING_USER, PERSONAL_USER, Run  # noqa: E402
from servers import HERE, REPO, Placement, export_source, free_port, start_beliefloop, start_mock  # noqa: E402
from workload import Bodies  # noqa: E402
from wrk_runner import TAG, run_wrk, write_script  # noqa: E402


def _short(frame: str) -> str:
    """``function (path/to/file.py:123)`` -> ``function (pkg/file.py:123)`` with site-packages cut."""
    if " (" not in frame:
        return frame
    name, where = frame.split(" (", 1)
    for cut in ("site-packages/", "lib/python3.11/", str(REPO) + "/"):
        if cut in where:
            where = where.split(cut, 1)[1]
    return f"{name} ({where}"


def summarise(raw: Path, top: int) -> str:
    self_time: Counter[str] = Counter()
    threads: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    by_file: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = [_short(f) for f in stack.split(";") if f and not f.startswith(("process ", "thread "))]
        if not frames:
            continue
        total += count
        # The event loop runs under the entry point; every other busy thread is a worker thread.
        thread = "event loop" if frames[0].startswith("<module>") else frames[0].split(" (", 1)[0]
        threads[thread] += count
        self_time[frames[-1]] += count
        for frame in set(frames):
            inclusive[frame] += count
        leaf = frames[-1]
        module = leaf.split(" (", 1)[1].split(":", 1)[0] if " (" in leaf else leaf
        by_file[module] += count
    if not total:
        return "no samples"
    pct = lambda n: f"{100 * n / total:5.1f}%"  # noqa: E731
    lines = [f"{total} samples (busy threads only)", "", "by thread (outermost frame):"]
    lines += [f"  {pct(n)}  {t}" for t, n in threads.most_common(6)]
    lines += ["", "top self time (function on top of the stack):"]
    lines += [f"  {pct(n)}  {f}" for f, n in self_time.most_common(top)]
    lines += ["", "top self time by file:"]
    lines += [f"  {pct(n)}  {f}" for f, n in by_file.most_common(top)]
    lines += ["", "top inclusive time (anywhere on the stack):"]
    lines += [f"  {pct(n)}  {f}" for f, n in inclusive.most_common(top * 2)]
    return "\n".join(lines)


async def _learning_load(port: int, workers: int, seconds: float) -> float:
    """Closed loop of (question, then its reply edited) pairs from ``workers`` connections."""
    target = Target("learning", "beliefloop, learning", port, user=LEARNING_USER, learning=True)
    deadline = time.monotonic() + seconds
    done = [0]

    async def worker(index: int) -> None:
        sender = Sender([target], Bodies(), f"prof{index}", pause_s=0.0)
        try:
            i = 0
            while time.monotonic() < deadline:
                await sender.once(target, 1_000, str(i))
                done[0] += 1
                i += 1
        finally:
            sender.close()

    await asyncio.gather(*(worker(i) for i in range(workers)))
    return done[0] / seconds


def main() -> int:
    parser = argparse.ArgumentParser(description="py-spy profile of beliefloop under wrk load")
    parser.add_argument("--target", choices=["personalised", "passthrough", "learning"], default="personalised")
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    parser.add_argument("--native", action="store_true", help="include native (C) frames")
    parser.add_argument("--gil", action="store_true", help="only sample the thread holding the GIL")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--config", default=None, help="beliefloop config.yaml (default: the repo's)")
    parser.add_argument("--source", default=None, metavar="REF", help="profile this commit, not the work tree")
    args = parser.parse_args()
    py_spy = shutil.which("py-spy") or str(Path(sys.executable).parent / "py-spy")
    if not Path(py_spy).exists():
        print("py-spy not found: pip install py-spy", file=sys.stderr)
        return 2

    placement = Placement.detect()
    placement.pin_self()
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    raw = out_dir / f"profile-{args.target}.raw.txt"
    with tempfile.TemporaryDirectory(prefix="beliefloop-profile-") as tmp:
        workdir = Path(tmp)
        mock_port, bl_port = free_port(), free_port()
        source = None
        if args.source:
            source = workdir / "src"
            commit = export_source(args.source, source)
        else:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                    text=True, timeout=30).stdout.strip() + " (work tree)"
        config = Path(args.config) if args.config else (source or REPO) / "config.yaml"
        mock = start_mock(mock_port, placement.client, workdir, latency_ms=1.0, chunks=10, chunk_gap_ms=3.0)
        procs = [mock]
        try:
            bl = start_beliefloop(bl_port, placement.servers, workdir, upstream=f"http://127.0.0.1:{mock_port}/v1",
                                  database=workdir / "b.db", admin_key=ADMIN_KEY, config=config, source=source)
            procs.append(bl)
            runner = Run(argparse.Namespace(quick=True, soak_seconds=None, no_litellm=True,
                                            litellm_venv="", config=str(config), source=None))
            runner.bl_port, runner.mock_port, runner.litellm = bl_port, mock_port, None
            runner.set_beliefs([PERSONAL_USER, LEARNING_USER])
            user = {"personalised": PERSONAL_USER, "passthrough": None, "learning": LEARNING_USER}[args.target]
            script = write_script(workdir, args.target, Bodies().body(1_000, TAG, user=user),
                                  "/v1/chat/completions", {}, "prof")
            run_wrk(bl_port, script, args.connections, 3, placement.client)  # warm-up
            bl.settle()
            argv = [py_spy, "record", "--pid", str(bl.pid), "--duration", str(args.seconds), "--rate",
                    str(args.rate), "--format", "raw", "--output", str(raw), "--nonblocking"]
            if args.native:
                argv.append("--native")
            if args.gil:
                argv.append("--gil")
            spy: dict[str, subprocess.CompletedProcess] = {}
            thread = threading.Thread(target=lambda: spy.setdefault(
                "done", subprocess.run(argv, capture_output=True, text=True, timeout=args.seconds + 120)))
            thread.start()
            if args.target == "learning":
                load = f"{args.connections} closed-loop workers, each request an edit of the previous reply"
                rps = uvloop.run(_learning_load(bl_port, args.connections, args.seconds))
            else:
                result = run_wrk(bl_port, script, args.connections, args.seconds, placement.client)
                load = (f"wrk c={args.connections}: {result.rps:.0f} req/s, p50 {result.p50_ms:.2f} ms, "
                        f"p99 {result.p99_ms:.2f} ms")
            thread.join()
            if spy["done"].returncode != 0:
                print(spy["done"].stderr, file=sys.stderr)
                return 1
        finally:
            for proc in reversed(procs):
                proc.stop()
    if args.target == "learning":
        load += f": {rps:.0f} timed req/s (plus as many untimed seeds)"
    header = (f"beliefloop {commit}, target={args.target}, {args.seconds} s{', GIL holder only' if args.gil else ''}; "
              f"{load}")
    text = header + "\n\n" + summarise(raw, args.top)
    (out_dir / f"profile-{args.target}.txt").write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
