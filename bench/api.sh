#!/usr/bin/env bash
# Read throughput of a running API (not a test): wrk on loopback, 10 s per endpoint, 32 connections.
#   RATE_LIMIT_PERMITS=10000000 ./dnd up      # the public rate limit would otherwise answer 429s
#   bench/api.sh                               # against http://127.0.0.1:8000 (DND_API_PORT or BENCH_URL change it)
# Settings: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3), BENCH_CONNECTIONS (32), BENCH_THREADS (2).
set -euo pipefail
cd "$(dirname "$0")/.."

URL="${BENCH_URL:-http://127.0.0.1:${DND_API_PORT:-8000}}"
SECONDS_EACH="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"

if ! command -v wrk >/dev/null; then
  echo "==> Installing wrk (apt)"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

curl -fsS "$URL/health" >/dev/null || { echo "error: no API at $URL: start it with RATE_LIMIT_PERMITS=10000000 ./dnd up" >&2; exit 1; }

endpoints=(
  "/monsters?limit=20"
  "/monsters/adult-red-dragon"
  "/search?q=owlbear"
  "/spells?level=3&class=wizard"
)

# Warm the caches and make sure nothing is refused before measuring.
for path in "${endpoints[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' "$URL$path")
  if [ "$status" = 429 ]; then
    echo "error: the API answers 429 (rate limit): restart it with RATE_LIMIT_PERMITS=10000000 ./dnd up" >&2
    exit 1
  fi
  [ "$status" = 200 ] || { echo "error: $path answered $status" >&2; exit 1; }
done

# A short unmeasured run per endpoint first, so that the JIT has done its tiering before the numbers count.
for path in "${endpoints[@]}"; do
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${BENCH_WARMUP_SECONDS:-3}s" "$URL$path" >/dev/null
done

printf '%-32s %12s %10s %10s %8s\n' endpoint requests/s p50 p99 non-2xx
for path in "${endpoints[@]}"; do
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "$URL$path")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/ {print $5}' <<<"$out")
  printf '%-32s %12s %10s %10s %8s\n' "$path" "$rps" "$p50" "$p99" "${errors:-0}"
done
