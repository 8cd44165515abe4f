#!/usr/bin/env bash
# Mutation testing of src/Pimex.Core with Stryker.NET (dotnet-stryker, pinned in
# .config/dotnet-tools.json), killed by tests/Pimex.Core.Tests. Slow (tens of minutes on two
# cores): CI does not run it. See docs/reliability.md for the last measured score.
#
#   scripts/mutation.sh                                  # whole library
#   scripts/mutation.sh -m '**/Monetary/*.cs'            # extra Stryker options are passed through
#   scripts/mutation.sh --since main                     # changed-code mode: see below
#   scripts/mutation.sh --since 6343819 --break-at 95    # the same with another threshold
#
# Changed-code mode (--since COMMIT): mutates only the C# files of src/Pimex.Core that differ
# between COMMIT and the working tree (committed or not, new files included), and fails with a
# non-zero exit below the threshold: --break-at N, 90 by default in this mode (Stryker's
# --break-at; the report's "low" and "high" thresholds are raised to N when below it, as Stryker
# requires break <= low <= high). The script lists the files with git and hands them to Stryker's
# --mutate, rather than using Stryker's own --since: Stryker 5.1.0 finds the repository from the
# worktree's git directory, so in a linked worktree (how this project is worked on) it places every
# changed file under .git/worktrees/NAME/, filters out every mutant and exits 0 without a score.
# With no C# file of src/Pimex.Core changed, the script says so and exits 0 without running Stryker.
# Run it before closing an issue that touches src/Pimex.Core and quote its score. --break-at N
# works in the whole-library mode too (the default there is the config's 0).
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

since=""
break_at=""
passthrough=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --since) since="${2:?--since needs a commit}"; shift 2 ;;
    --since=*) since="${1#--since=}"; shift ;;
    --break-at) break_at="${2:?--break-at needs a score from 0 to 100}"; shift 2 ;;
    --break-at=*) break_at="${1#--break-at=}"; shift ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

options=()
if [[ -n "$since" ]]; then
  commit="$(git rev-parse --verify --quiet "$since^{commit}")" || { echo "mutation.sh: no commit '$since'" >&2; exit 2; }
  mapfile -t changed < <({ git diff --name-only --diff-filter=d "$commit" -- src/Pimex.Core; git ls-files --others --exclude-standard -- src/Pimex.Core; } | grep '\.cs$' | sort -u)
  if [[ ${#changed[@]} -eq 0 ]]; then
    echo "changed-code mode: no C# file of src/Pimex.Core changed since $commit: nothing to mutate"
    exit 0
  fi
  break_at="${break_at:-90}"
  echo "changed-code mode: ${#changed[@]} C# file(s) of src/Pimex.Core changed since $commit, failing below ${break_at} %:"
  for file in "${changed[@]}"; do
    echo "  $file"
    options+=(--mutate "**/${file#src/Pimex.Core/}")
  done
fi
if [[ -n "$break_at" ]]; then
  [[ "$break_at" =~ ^[0-9]+$ && "$break_at" -le 100 ]] || { echo "mutation.sh: --break-at takes a whole number from 0 to 100" >&2; exit 2; }
  # The config's thresholds are low 85, high 90; Stryker wants break <= low <= high.
  low=$((break_at > 85 ? break_at : 85))
  high=$((break_at > 90 ? break_at : 90))
  options+=(--break-at "$break_at" --threshold-low "$low" --threshold-high "$high")
fi

dotnet tool restore
out="$PWD/artifacts/mutation/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
# Stryker runs from the test project's folder (from the root it would see the solution and
# switch to solution mode); the config file path is relative to that folder.
cd tests/Pimex.Core.Tests
status=0
dotnet stryker --config-file ../../scripts/stryker-config.json --output "$out" --skip-version-check "${options[@]}" "${passthrough[@]}" || status=$?
echo "reports: $out/reports"
if [[ $status -ne 0 && -n "$break_at" ]]; then
  echo "mutation.sh: Stryker exited with $status (a score below ${break_at} % breaks the run)" >&2
fi
exit "$status"
