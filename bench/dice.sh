#!/usr/bin/env bash
# Dice engine throughput (parse + roll, one thread). Arguments are passed through:
#   bench/dice.sh                 # default cases, 2 s each
#   bench/dice.sh 5 '2d20kh1+7'   # 5 s per case, custom expressions
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run -c Release --project dice/bench/DndHelper.Dice.Bench -- "$@"
