#!/usr/bin/env bash
# Cold start of the pimex tool (issue 19): `pimex report` (the embedded 2016 edition, plain text)
# from process start to its last line, published three ways and timed side by side by hyperfine:
#   JIT         the framework-dependent build, as `dotnet pack` ships the tool today
#   ReadyToRun  the same, framework-dependent, with its assemblies precompiled (crossgen)
#   Native AOT  one native executable, no .NET runtime needed (PublishAot; needs clang or gcc)
#
#   bash benchmarks/cold-start.sh [OUT_DIR]
#
# Publishes from a copy of the working tree (tracked and untracked files, not bin/ or obj/), so
# the checkout's build output and packages.lock.json files stay as they are. Prints the date, the
# commit, the load average, the folder sizes and hyperfine's table, and leaves the table in
# OUT_DIR/cold-start.md. Needs hyperfine (Debian: apt-get install -y hyperfine). Several minutes
# on 2 cores, most of it the Native AOT compilation.
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
publish jit
publish r2r -r "$rid" --self-contained false -p:PublishReadyToRun=true
publish aot -r "$rid" -p:PublishAot=true -p:PublishReadyToRun=false

# The three must print the same report before their times mean anything.
for args in "report" "report --format json" "run --embedded 2016"; do
  read -ra words <<<"$args"
  "$out/jit/pimex" "${words[@]}" >"$out/jit.txt" 2>&1
  for v in r2r aot; do
    "$out/$v/pimex" "${words[@]}" >"$out/$v.txt" 2>&1
    cmp -s "$out/jit.txt" "$out/$v.txt" || { echo "pimex $args: the $v build prints something else than the JIT build" >&2; exit 1; }
  done
done

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
