"""``python -m bench.flywheel.wrong NOISE SEED [KEY.PATH=VALUE ...]``: where wrong beliefs came from.

Runs every persona once at ``NOISE`` for ``SEED`` (20 interactions, held-out phrasing) and, for
each wrong belief applied (the first interaction it appears), prints the observations on that
dimension up to then: kind, context, value, weight, the interaction and conversation of the reply
they are about, and whether the user's reaction there was noise. Diagnosis only; no scores.
"""

from __future__ import annotations

import asyncio
import os
import sys

from . import metrics
from .__main__ import _override
from .benchmark import acting_threshold
from .personas import PERSONA_BY_NAME, PERSONAS
from .phrasing import Phrasebook
from .runner import base_config, run_condition
from .user import Rates


async def main(noise: float, seed: int, overrides: list[str]) -> None:
    config = base_config(_override(overrides))
    threshold = acting_threshold(config)
    runs = await run_condition(config, PERSONAS, seed=seed, noise=noise, n=20, rates=Rates(),
                               personalised=True, phrasebook=Phrasebook.load("heldout"))
    for run in runs:
        persona = PERSONA_BY_NAME[run.persona]
        flip = persona.flip_at(run.n)
        by_response = {s.response_id: s for s in run.steps}
        seen = set()
        for step in run.steps:
            for context, dimension, value, confidence in metrics.snapshot(persona, step, run.n, threshold).wrong:
                drifted = persona.drift and flip and step.index >= flip and dimension == persona.drift.dimension
                if drifted or (context, dimension, value) in seen:
                    continue
                seen.add((context, dimension, value))
                print(f"{run.persona} interaction {step.index} context {context}: "
                      f"{dimension}={value} ({confidence:.3f})")
                for o in run.observations:
                    if o["created_at"] > step.at + 1:
                        continue
                    about = by_response.get(o.get("response_id"))
                    for d in o["deltas"]:
                        if d["dimension"] == dimension:
                            where = (f"interaction {about.index} conversation {about.conversation} "
                                     f"noise {about.noisy or about.rating_noisy}") if about else "?"
                            print(f"    {o['kind']:<12} {o['context']:<8} {d['value']:<9} "
                                  f"{float(d['weight']):.2f}  {where}")


if __name__ == "__main__":
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    asyncio.run(main(float(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]))
