#!/usr/bin/env bash
# Start a private PostgreSQL 15 on 127.0.0.1 for the tests: `source scripts/postgres.sh` exports
# KOMMUNEOKONOMI_TEST_PG and registers a trap that stops the server when the calling shell exits.
set -euo pipefail
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
PG_PORT="${PG_PORT:-55432}"
PG_DIR="$(mktemp -d /tmp/kommuneokonomi-pg.XXXXXX)"
chmod 755 "$PG_DIR"
as_pg() { if [ "$(id -u)" = "0" ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = "0" ] && chown postgres "$PG_DIR"
as_pg "'$PG_BIN/initdb' -D '$PG_DIR/data' -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null"
as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -l '$PG_DIR/log' -w -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400\" start >/dev/null"
as_pg "'$PG_BIN/createdb' -h 127.0.0.1 -p $PG_PORT -U postgres kommuneokonomi_test"
export KOMMUNEOKONOMI_TEST_PG="postgresql://postgres@127.0.0.1:$PG_PORT/kommuneokonomi_test"
stop_postgres() { as_pg "'$PG_BIN/pg_ctl' -D '$PG_DIR/data' -m fast stop >/dev/null" || true; rm -rf "$PG_DIR"; }
trap stop_postgres EXIT
echo "PostgreSQL ($("$PG_BIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$PG_PORT"
