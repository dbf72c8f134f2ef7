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

printf '\n$ pytest   (web system on SQLite, browser tests in Chromium)\n'
status=0
.venv/bin/pytest || status=$?
if [[ $status -eq 5 ]]; then
    printf 'test: error: pytest collected no tests\n' >&2
fi
[[ $status -eq 0 ]] || exit "$status"

# The web system's tests once more on PostgreSQL (the browser tests ran above, once).
readonly PG_URL=${JIXIAO_TEST_DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
printf '\n$ DATABASE_URL=%s pytest tests/web\n' "$PG_URL"
DATABASE_URL=$PG_URL .venv/bin/pytest tests/web --ignore-glob "tests/web/test_browser*.py"
