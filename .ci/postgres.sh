#!/usr/bin/env bash
# Starts a private PostgreSQL 15 cluster on loopback for the tests and prints its URL.
# Usage: .ci/postgres.sh DIR PORT   (the cluster lives in DIR; stop with pg_ctl -D DIR/data stop)
set -euo pipefail
dir=${1:?data dir}
port=${2:-55432}
bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/initdb" ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
mkdir -p "$dir/sock"
chown -R postgres:postgres "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  runuser -u postgres -- "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
