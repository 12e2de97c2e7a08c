#!/usr/bin/env bash
# Bot benchmark: handling latency (update handed to the bot → its first reply) and throughput of the
# real bot host against the fake Telegram server, with the real API warm on PostgreSQL and Redis.
#   bench/bot.sh [--rate 100] [--seconds 20] [--users 300]
# Runs its own PostgreSQL, Redis and API on private ports (./dnd up with BENCH_* ports), stops them after.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

export DND_PG_PORT="${BENCH_PG_PORT:-55472}"
export DND_REDIS_PORT="${BENCH_REDIS_PORT:-56472}"
export DND_API_PORT="${BENCH_API_PORT:-8072}"
export DND_FAKE_TELEGRAM_PORT="${BENCH_FAKE_TELEGRAM_PORT:-8073}"
export DND_CONFIGURATION=Release
export RATE_LIMIT_PERMITS=10000000
unset TELEGRAM_BOT_TOKEN

./dnd up
trap './dnd down >/dev/null' EXIT
BOT_DLL="$ROOT/bot/src/DndHelper.Bot/bin/Release/net10.0/DndHelper.Bot.dll"
BOT_SERVICE_TOKEN="$(cat "$ROOT/.local/bot-service-token" 2>/dev/null || true)" \
  dotnet "$BOT_DLL" bench --api "http://127.0.0.1:$DND_API_PORT" --redis "127.0.0.1:$DND_REDIS_PORT" "$@"
