#!/usr/bin/env bash
# Install jixiao, then run its web system on the embedded default: SQLite and a background
# worker in ./jixiao-data, with the demonstration region 岳阳楼区 (two real units, their
# published evaluations, one account per role; password Jixiao-Demo-2026). Open the address it
# prints; Ctrl-C stops it. Arguments are passed on (e.g. --port 8080, --host 0.0.0.0).
# The command-line walk-through (score, check, audit, render) is scripts/cli-demo.sh.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
printf '\n$ jixiao serve --demo %s\n' "$*"
exec .venv/bin/jixiao serve --demo "$@"
