#!/usr/bin/env bash
# Create the separate virtualenv that holds the LiteLLM proxy, the comparison target.
#
# Why a separate venv: `pip install 'litellm[proxy]'` resolves to an older litellm than the one
# beliefloop depends on, and would downgrade it in the project's own environment.
#
# Usage: bash bench/overhead/setup_litellm.sh [VENV_DIR]   (default: $LITELLM_VENV or /work/litellm-venv)
set -euo pipefail

venv="${1:-${LITELLM_VENV:-/work/litellm-venv}}"
python="${PYTHON:-python3.11}"
command -v "$python" >/dev/null 2>&1 || python=python3

if [ -x "$venv/bin/litellm" ]; then
    echo "litellm proxy already installed in $venv"
    exit 0
fi
echo "creating $venv with litellm[proxy] ..."
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet 'litellm[proxy]'
"$venv/bin/litellm" --version 2>/dev/null || true
echo "litellm proxy installed in $venv"
