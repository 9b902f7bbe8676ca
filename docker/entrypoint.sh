#!/bin/sh
# beliefloop's container entry point.
#
#   serve [OPTIONS]        the proxy (the default): on $BELIEFLOOP_HOST:$BELIEFLOOP_PORT
#                          (0.0.0.0:8080) with $BELIEFLOOP_WORKERS processes (1); OPTIONS are
#                          passed on to `beliefloop serve`
#   migrate                apply the database migrations once (`beliefloop db upgrade`) and exit
#   healthcheck [PATH]     exit 0 when GET /PATH (healthz) on this container answers 200
#   anything else          passed to `beliefloop` as it is (config check, export, --version...)
set -eu

port="${BELIEFLOOP_PORT:-8080}"
command="${1:-serve}"
[ "$#" -gt 0 ] && shift

case "$command" in
  serve)
    exec beliefloop serve --host "${BELIEFLOOP_HOST:-0.0.0.0}" --port "$port" \
      --workers "${BELIEFLOOP_WORKERS:-1}" "$@"
    ;;
  migrate)
    exec beliefloop db upgrade "$@"
    ;;
  healthcheck)
    # The image has no curl: the interpreter it runs on asks instead.
    exec python - "$port" "${1:-healthz}" <<'PY'
import sys
import urllib.error
import urllib.request

port, path = sys.argv[1], sys.argv[2].lstrip("/")
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=3) as response:
        sys.exit(0 if response.status == 200 else 1)
except (urllib.error.URLError, OSError) as error:
    print(f"healthcheck: /{path}: {error}", file=sys.stderr)
    sys.exit(1)
PY
    ;;
  *)
    exec beliefloop "$command" "$@"
    ;;
esac
