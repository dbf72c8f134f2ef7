#!/usr/bin/env bash
# Install jixiao, then score and check the example evaluation (岳阳市洞庭新城项目建设岳阳楼区工作部, 2023).
# The example is transcribed as the unit stated it and contains real errors, so
# `jixiao check` is expected to exit 1; any other exit code fails the demo.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly EXAMPLE=examples/dongting-2023.yaml

bash scripts/setup.sh

printf '\n$ jixiao score %s\n' "$EXAMPLE"
.venv/bin/jixiao score "$EXAMPLE"

printf '\n$ jixiao check %s\n' "$EXAMPLE"
status=0
.venv/bin/jixiao check "$EXAMPLE" || status=$?
case $status in
    1) printf '\ndemo: jixiao check found the errors in the example report (exit 1, as expected)\n' ;;
    0) printf '\ndemo: error: jixiao check found no errors, but the example has real ones\n' >&2
       exit 1 ;;
    *) printf '\ndemo: error: jixiao check failed with exit code %s\n' "$status" >&2
       exit 1 ;;
esac
