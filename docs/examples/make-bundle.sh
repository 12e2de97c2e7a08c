#!/usr/bin/env bash
# Packs an example bundle folder into an archive that ./dnd ingest and POST /admin/ingest accept:
#   docs/examples/make-bundle.sh [FOLDER] [OUT.tar.gz]
#   ./dnd ingest docs/examples/homebrew-bundle.tar.gz --dry-run
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
folder="${1:-$here/homebrew-bundle}"
out="${2:-$here/homebrew-bundle.tar.gz}"
tar -czf "$out" -C "$folder" .
echo "$out"
