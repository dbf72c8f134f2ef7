#!/usr/bin/env bash
# Install jixiao, then run the whole quality gate: ruff, mypy (strict, config in
# pyproject.toml) and the full pytest suite. Stops at the first failure.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

printf '\n$ ruff check src tests bench\n'
.venv/bin/ruff check src tests bench

printf '\n$ mypy\n'
.venv/bin/mypy

printf '\n$ pytest\n'
status=0
.venv/bin/pytest || status=$?
if [[ $status -eq 5 ]]; then
    printf 'test: error: pytest collected no tests\n' >&2
fi
exit "$status"
