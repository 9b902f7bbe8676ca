"""The flywheel benchmark: simulated users with hidden preferences teach beliefloop, and we score
what it learns, how fast, how well calibrated, and how much better the replies get.

Run ``python -m bench.flywheel`` from the repository root (``--quick`` for the small setup).
"""

from .benchmark import BenchConfig, run_benchmark

__all__ = ["BenchConfig", "run_benchmark"]
