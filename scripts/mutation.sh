#!/usr/bin/env bash
# Mutation testing of src/Pimex.Core with Stryker.NET (dotnet-stryker, pinned in
# .config/dotnet-tools.json), killed by tests/Pimex.Core.Tests. Slow (tens of minutes on two
# cores): CI does not run it. See docs/reliability.md for the last measured score.
#
#   scripts/mutation.sh                 # whole library
#   scripts/mutation.sh -m '**/Monetary/*.cs'   # extra Stryker options are passed through
#
# Reports land in artifacts/mutation/<timestamp>/reports (html, json, markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The model-based and fuzz properties run many cases by default; under Stryker each mutant reruns
# them, so keep them small here (the dedicated runs are in docs/reliability.md).
export PIMEX_MODEL_RUNS="${PIMEX_MODEL_RUNS:-30}"
export PIMEX_FUZZ_RUNS="${PIMEX_FUZZ_RUNS:-100}"
export PIMEX_CONCURRENCY_RUNS="${PIMEX_CONCURRENCY_RUNS:-50}"
dotnet tool restore
out="$PWD/artifacts/mutation/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
# Stryker runs from the test project's folder (from the root it would see the solution and
# switch to solution mode); the config file path is relative to that folder.
cd tests/Pimex.Core.Tests
dotnet stryker --config-file ../../scripts/stryker-config.json --output "$out" --skip-version-check "$@"
echo "reports: $out/reports"
