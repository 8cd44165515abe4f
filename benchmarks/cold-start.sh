#!/usr/bin/env bash
# Cold start of the pimex tool (issue 19): `pimex report` (the embedded 2016 edition, plain text)
# from process start to its last line, published three ways and timed side by side by hyperfine:
#   JIT         the portable framework-dependent build (the package Pimex.Cli.any)
#   ReadyToRun  the same with its assemblies precompiled by crossgen (Pimex.Cli.linux-x64)
#   Native AOT  one native executable, no .NET runtime needed (PublishAot; needs clang or gcc)
#
#   bash benchmarks/cold-start.sh [OUT_DIR]
#
# Publishes from a copy of the working tree (tracked and untracked files, not bin/ or obj/), so
# the checkout's build output and packages.lock.json files stay as they are. Prints the date, the
# commit, the load average, the folder sizes and hyperfine's table, and leaves the table in
# OUT_DIR/cold-start.md. Needs hyperfine (Debian: apt-get install -y hyperfine). 5 to 8 minutes
# on 2 cores, most of it the publishing.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v hyperfine >/dev/null || { echo "hyperfine is missing (Debian: apt-get install -y hyperfine)" >&2; exit 1; }
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64) rid=linux-arm64 ;;
  *) echo "no runtime identifier known for $(uname -m)" >&2; exit 1 ;;
esac

out="${1:-$(mktemp -d)}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
src="$out/src"
rm -rf "$src" "$out/jit" "$out/r2r" "$out/aot"
mkdir -p "$src"
git ls-files -co --exclude-standard -z | tar --null -T - -cf - | tar -xf - -C "$src"

publish() {
  local name=$1; shift
  echo "== publish $name"
  dotnet publish "$src/src/Pimex.Cli/Pimex.Cli.csproj" -c Release -o "$out/$name" -v quiet "$@"
}
publish jit -p:PublishReadyToRun=false
publish r2r -r "$rid" --self-contained false -p:PublishReadyToRun=true
publish aot -r "$rid" -p:PublishAot=true -p:PublishReadyToRun=false

# The three must print the same bytes (standard output, standard error, exit code) before their
# times mean anything: the README's and the guides' commands that need no file of the reader's
# own, the help texts, three refusals, and the two HTML pages with their charts.
cases=$(cat <<'CASES'
report
report --lang en
report --lang sl
report --format json
report --format csv
report --json --lang en
report companies
report companies --format csv --lang en
report programme
report programme --format json
report aid B10475192
report aid B10475192 --format json
report schema
report schema programme
report schema aid
run --embedded 2016
run --embedded 2016 --json
run --embedded 2016 --lang sl
rules show extremadura --on 2016-03-01
rules show extremadura --json
rules show
rules validate docs/rulebooks/maribor.json
rules validate docs/rulebooks/maribor.json --json
rules validate docs/rulebooks/maribor-tourism.json --base docs/rulebooks/maribor.json
rules validate docs/rulebooks/extremadura-calls.json
rules diff extremadura docs/rulebooks/maribor.json --on 2026-06-01
rules diff docs/rulebooks/maribor.json docs/rulebooks/maribor-tourism.json --on 2026-09-01 --json
rules example
rules schema
rules format
ledger format
ledger new --rulebook docs/rulebooks/maribor.json --year 2026
ledger new --year 2026 --companies 5
ledger check docs/rulebooks/maribor-2026.jsonl
run docs/rulebooks/maribor-2026.jsonl --rulebook docs/rulebooks/maribor.json
report --ledger docs/rulebooks/maribor-2026.jsonl --rulebook docs/rulebooks/maribor.json --json
rules validate no-such-file.json
report --format nonsense
--help
report --help
--version
CASES
)
n=0
while IFS= read -r line; do
  read -ra words <<<"$line"
  set +e
  "$out/jit/pimex" "${words[@]}" >"$out/jit.out" 2>"$out/jit.err"; jit_rc=$?
  for v in r2r aot; do
    "$out/$v/pimex" "${words[@]}" >"$out/$v.out" 2>"$out/$v.err"; rc=$?
    if [ "$rc" -ne "$jit_rc" ] || ! cmp -s "$out/jit.out" "$out/$v.out" || ! cmp -s "$out/jit.err" "$out/$v.err"; then
      echo "pimex $line: the $v build prints something else than the JIT build" >&2; exit 1
    fi
  done
  set -e
  n=$((n + 1))
done <<<"$cases"
for page in "report" "report programme"; do
  read -ra words <<<"$page"
  for v in jit r2r aot; do "$out/$v/pimex" "${words[@]}" --html "$out/$v.html" >/dev/null 2>&1; done
  cmp -s "$out/jit.html" "$out/r2r.html" && cmp -s "$out/jit.html" "$out/aot.html" \
    || { echo "pimex $page --html: the three builds write different pages" >&2; exit 1; }
done
echo "== the three builds print the same on $n command lines and write the same 2 HTML pages"

echo
echo "date:   $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes under src/)')"
echo "load:   $(uptime | sed 's/.*load average: //') (1, 5, 15 min), $(nproc) cores"
echo "sdk:    $(dotnet --version), $rid"
echo
echo "| build | folder (bytes) | main files (bytes) |"
echo "|---|---:|---:|"
echo "| JIT | $(du -sb "$out/jit" | cut -f1) | pimex.dll $(stat -c %s "$out/jit/pimex.dll") + Pimex.Core.dll $(stat -c %s "$out/jit/Pimex.Core.dll") |"
echo "| ReadyToRun | $(du -sb "$out/r2r" | cut -f1) | pimex.dll $(stat -c %s "$out/r2r/pimex.dll") + Pimex.Core.dll $(stat -c %s "$out/r2r/Pimex.Core.dll") |"
echo "| Native AOT | $(du -sb "$out/aot" | cut -f1) | pimex $(stat -c %s "$out/aot/pimex") (+ pimex.dbg $(stat -c %s "$out/aot/pimex.dbg"), symbols, not needed to run) |"
echo

hyperfine -N --warmup 3 --runs 30 --export-markdown "$out/cold-start.md" \
  -n "JIT" "$out/jit/pimex report" \
  -n "ReadyToRun" "$out/r2r/pimex report" \
  -n "Native AOT" "$out/aot/pimex report"
echo
cat "$out/cold-start.md"
echo "(published builds and this table in $out)"
