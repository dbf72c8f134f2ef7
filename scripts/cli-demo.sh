#!/usr/bin/env bash
# Install jixiao, then run its main jobs on real data:
#   1. score and check the example evaluation (岳阳市洞庭新城项目建设岳阳楼区工作部, 2023);
#   2. audit the report that unit published (its text as extracted from the PDF);
#   3. render the example as the report and attachments it should have submitted
#      (Word, PDF, Excel, HTML) into demo-output/.
# The example and the published report contain real errors, so `jixiao check` is expected
# to exit 1 on them; any other exit code fails the demo.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
readonly EXAMPLE=examples/dongting-2023.yaml
readonly PUBLISHED=tests/data/reports/dongting-2023.txt
readonly OUT=demo-output

bash scripts/setup.sh

show() { printf '\n$ jixiao %s\n' "$*"; }

# Run `jixiao check` on a file with real errors: exit 1 is the expected outcome.
expect_errors() {
    show check "$1"
    local status=0
    .venv/bin/jixiao check "$1" || status=$?
    case $status in
        1) printf '\ndemo: jixiao check found the errors in %s (exit 1, as expected)\n' "$1" ;;
        0) printf '\ndemo: error: jixiao check found no errors in %s, but it has real ones\n' "$1" >&2
           exit 1 ;;
        *) printf '\ndemo: error: jixiao check failed on %s with exit code %s\n' "$1" "$status" >&2
           exit 1 ;;
    esac
}

show score "$EXAMPLE"
.venv/bin/jixiao score "$EXAMPLE"

expect_errors "$EXAMPLE"
expect_errors "$PUBLISHED"

mkdir -p "$OUT"
for suffix in docx pdf xlsx html; do
    show render "$EXAMPLE" -o "$OUT/dongting-2023.$suffix"
    .venv/bin/jixiao render "$EXAMPLE" -o "$OUT/dongting-2023.$suffix" --force  # a second demo replaces the first
done
printf '\ndemo: the rendered report and attachments are in %s/\n' "$OUT"
