#!/bin/sh
# Picks the process by its first argument:
#   api (default)  node dist/apps/api/src/main.js     (HTTP on PORT, default 3000)
#   worker         node dist/apps/worker/src/main.js  (health on WORKER_PORT, default 3001)
#   healthcheck    GET /health/live on whichever of the two this container runs
# Anything else is executed as given (e.g. `sh`, `node -v`).
set -eu

API_MAIN=dist/apps/api/src/main.js
WORKER_MAIN=dist/apps/worker/src/main.js

case "${1:-api}" in
  api)
    [ "$#" -gt 0 ] && shift
    exec node "$API_MAIN" "$@"
    ;;
  worker)
    shift
    exec node "$WORKER_MAIN" "$@"
    ;;
  healthcheck)
    # The health check runs beside the main process, not under it: find out
    # which of the two is running to know which port answers.
    port="${PORT:-3000}"
    for cmdline in /proc/[0-9]*/cmdline; do
      case "$({ tr '\000' ' ' <"$cmdline"; } 2>/dev/null || true)" in
        *"$WORKER_MAIN"*)
          port="${WORKER_PORT:-3001}"
          break
          ;;
      esac
    done
    exec node -e '
      fetch(`http://127.0.0.1:${process.argv[1]}/health/live`, { signal: AbortSignal.timeout(4000) }).then(
        (response) => process.exit(response.ok ? 0 : 1),
        () => process.exit(1),
      );
    ' "$port"
    ;;
  *)
    exec "$@"
    ;;
esac
