"""Count directive tokens with tiktoken, offline.

tiktoken downloads its encodings on first use; litellm ships the common ones inside its package,
so we point ``TIKTOKEN_CACHE_DIR`` there (without importing litellm, which is slow to import)
unless the operator set it already.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from pathlib import Path

_ENCODING = "cl100k_base"


def _bundled_tiktoken_dir() -> str | None:
    spec = importlib.util.find_spec("litellm")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "litellm_core_utils" / "tokenizers"
    return str(path) if path.is_dir() else None


@functools.lru_cache(maxsize=1)
def _encoding():
    if "TIKTOKEN_CACHE_DIR" not in os.environ:
        bundled = _bundled_tiktoken_dir()
        if bundled:
            os.environ["TIKTOKEN_CACHE_DIR"] = bundled
    import tiktoken

    return tiktoken.get_encoding(_ENCODING)


@functools.lru_cache(maxsize=4096)
def count_tokens(text: str) -> int:
    """Tokens in ``text`` (cl100k_base). Cached: directive texts come from a finite set."""
    return len(_encoding().encode(text))


__all__ = ["count_tokens"]
