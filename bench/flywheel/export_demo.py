"""The outer loop on simulated traffic: the flywheel benchmark's users, with a 50% holdout, on a
SQLite file; then the treated-vs-holdout lift (GET /admin/metrics/flywheel) and the three exports
(``beliefloop export``), with the counts each data-quality filter dropped.

Run: ``python -m bench.flywheel.export_demo [--seeds 4] [--interactions 20] [--out DIR]``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
import openai
import yaml

from proxy import create_app, settings_from_dict

from .fake_llm import FakeLLM
from .personas import PERSONAS
from .phrasing import Phrasebook
from .runner import ADMIN_KEY, Proxy, SimClock, _merge, base_config, run_persona
from .user import Rates


async def simulate(out: Path, seeds: int, interactions: int) -> dict:
    database = out / "beliefs.db"
    config = _merge(base_config({"flywheel": {"holdout_share": 0.5}}), {
        "upstream": {"base_url": "http://fake-llm.bench/v1", "api_key": "sk-fake"},
        "database_url": f"sqlite:///{database}", "admin_key": ADMIN_KEY})
    (out / "config.yaml").write_text(yaml.safe_dump(config))
    llm, clock = FakeLLM(Phrasebook.load()), SimClock()
    app = create_app(settings_from_dict(config, environ={}), transport=llm.transport(), clock=clock, watch=False)
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bl.demo") as http:
            sdk = openai.AsyncOpenAI(api_key="x", base_url="http://bl.demo/v1", http_client=http, max_retries=0)
            proxy = Proxy(http, sdk, llm, clock)
            for seed in range(1, seeds + 1):
                for persona in PERSONAS:
                    await run_persona(proxy, persona, seed=seed, noise=0.10, n=interactions, rates=Rates(),
                                      personalised=True)
            await app.state.runtime.service.flush()
            report = (await http.get("/admin/metrics/flywheel", params={"since": "2025-12-01"},
                                     headers={"authorization": f"Bearer {ADMIN_KEY}"})).json()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=4)
    parser.add_argument("--interactions", type=int, default=20)
    parser.add_argument("--out", default=None, help="directory for the database and the JSONL files")
    args = parser.parse_args()
    out = Path(args.out or tempfile.mkdtemp(prefix="beliefloop-export-demo-"))
    out.mkdir(parents=True, exist_ok=True)
    report = asyncio.run(simulate(out, args.seeds, args.interactions))
    print("Treated vs holdout (alignment = share of responses not edited, regenerated or corrected):")
    print(json.dumps(report["holdout"], indent=1))
    for kind in ("preferences", "supervised", "evals"):
        target = out / f"{kind}.jsonl"
        subprocess.run([sys.executable, "-m", "proxy.cli", "export", kind, "--since", "3650",
                        "--config", str(out / "config.yaml"), "--out", str(target)], check=True)
    print(f"files in {out}")


if __name__ == "__main__":
    main()
