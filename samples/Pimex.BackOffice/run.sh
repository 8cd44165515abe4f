#!/usr/bin/env bash
# Starts a local PostgreSQL (unless one answers already) and the back office with the embedded
# Extremadura rulebook, then sends it the embedded 2016 ledger over HTTP. Ctrl+C stops the back
# office; the PostgreSQL it started keeps running (stop it with the command it prints).
#   bash samples/Pimex.BackOffice/run.sh            # http://127.0.0.1:5080
# Settings: PIMEX_KEY_FILE (~/.pimex/signing-key: the JWT key, made on first run), PIMEX_PG_PORT (5433), PIMEX_PG_DIR (~/.pimex/postgres; /var/tmp/pimex-postgres as root), PIMEX_URL (http://127.0.0.1:5080),
# ConnectionStrings__Pimex to use another PostgreSQL instead.
set -euo pipefail
cd "$(dirname "$0")/../.."
port="${PIMEX_PG_PORT:-5433}"
as=""
if [ "$(id -u)" = 0 ]; then as="postgres"; fi   # PostgreSQL refuses to run as root
default_dir="$HOME/.pimex/postgres"
if [ -n "$as" ]; then default_dir="/var/tmp/pimex-postgres"; fi
dir="${PIMEX_PG_DIR:-$default_dir}"
url="${PIMEX_URL:-http://127.0.0.1:5080}"
bin="${PIMEX_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"

if [ -z "${ConnectionStrings__Pimex:-}" ]; then
  if ! "$bin/pg_isready" -h 127.0.0.1 -p "$port" -q 2>/dev/null; then
    [ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
    run() { if [ -n "$as" ]; then su "$as" -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      mkdir -p "$dir"
      if [ -n "$as" ]; then chown -R postgres "$dir"; fi
      run "$bin/initdb -D $dir/data -A trust -U pimex -E UTF8 --locale=C" >/dev/null
    fi
    run "$bin/pg_ctl -D $dir/data -l $dir/server.log -o '-p $port -k $dir -c listen_addresses=127.0.0.1' -w start" >/dev/null
    stop_cmd="$bin/pg_ctl -D $dir/data stop"
    if [ -n "$as" ]; then stop_cmd="su postgres -c \"$stop_cmd\""; fi
    echo "PostgreSQL started on 127.0.0.1:$port ($dir/data); stop it with: $stop_cmd"
  fi
  psql -h 127.0.0.1 -p "$port" -U pimex -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'pimex'" | grep -q 1 \
    || psql -h 127.0.0.1 -p "$port" -U pimex -d postgres -qc "CREATE DATABASE pimex"
  export ConnectionStrings__Pimex="Host=127.0.0.1;Port=$port;Username=pimex;Database=pimex"
fi

# The JWT signing key: the back office refuses to start without one (outside Development). This
# script keeps one of its own, made once from /dev/urandom, so tokens outlive a restart.
if [ -z "${BackOffice__Jwt__SigningKey:-}" ]; then
  key_file="${PIMEX_KEY_FILE:-$HOME/.pimex/signing-key}"
  if [ ! -s "$key_file" ]; then
    mkdir -p "$(dirname "$key_file")"
    (umask 077; head -c 48 /dev/urandom | base64 | tr -d '\n' >"$key_file")
  fi
  BackOffice__Jwt__SigningKey="$(cat "$key_file")"
  export BackOffice__Jwt__SigningKey
fi

dotnet build samples/Pimex.BackOffice -c Release --nologo -v quiet
app=samples/Pimex.BackOffice/bin/Release/net10.0/Pimex.BackOffice.dll
export ASPNETCORE_URLS="$url"
server=""
trap 'if [ -n "$server" ]; then kill $server 2>/dev/null || true; fi' EXIT INT TERM
# start ACCEPT: the back office, accepting a migration token's Pimex-Recorded-At when ACCEPT is true.
start() {
  BackOffice__AcceptRecordedAt="$1" dotnet "$app" &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$url/health" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "The back office did not answer on $url/health" >&2
  exit 1
}

token=$(dotnet "$app" mint-token --id mgr-1 --role ProgrammeManager --region extremadura)

# First an import: the 2016 ledger happened in 2016, so load-ledger sends each command's moment
# with migration tokens, to a back office that accepts them for this import only.
start true
if curl -fs -o /dev/null -H "Authorization: Bearer $token" "$url/regions/extremadura/editions/2016"; then
  echo "The 2016 edition is already loaded."
else
  dotnet "$app" load-ledger --url "$url" --region extremadura
fi
kill "$server"
wait "$server" 2>/dev/null || true

# Then the back office as staff use it: every command at the server's clock.
start false

cat <<EOT

The back office runs at $url (Ctrl+C stops it). Open:
  $url/openapi/v1.json                                   the OpenAPI document (every endpoint)
  $url/office/sign-in                                    the pages: paste the token below
  curl -H "Authorization: Bearer \$TOKEN" $url/regions/extremadura/editions/2016/report?format=text
  curl -H "Authorization: Bearer \$TOKEN" $url/regions/extremadura/editions/2016/participants
A manager's token for the next 8 hours:
TOKEN=$token
Other tokens: dotnet $app mint-token --id tech-1 --role Technician --region extremadura
EOT
wait $server
