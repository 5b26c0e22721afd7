#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL server for test/engines on loopback only:
#   bash test/engines/postgres-server.sh start   # prints the export line for LOYALTY_SCORE_PG_URL
#   bash test/engines/postgres-server.sh stop
# The cluster lives in $PG_ENGINES_DIR (default $TMPDIR/loyalty-score-pg), owned by the postgres
# system user when run as root (PostgreSQL refuses to run as root), with trust authentication on
# 127.0.0.1:$PG_ENGINES_PORT (default 54329) and its socket in the same folder. Needs Debian's
# postgresql package (initdb and pg_ctl under /usr/lib/postgresql/<version>/bin).
set -euo pipefail
action="${1:-start}"
dir="${PG_ENGINES_DIR:-${TMPDIR:-/tmp}/loyalty-score-pg}"
port="${PG_ENGINES_PORT:-54329}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres-server.sh: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi
as_owner=()
owner="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); owner=postgres; fi
case "$action" in
  start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      rm -rf "$dir"
      mkdir -p "$dir"
      chown "$owner" "$dir"
      "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log"
    fi
    if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" status > /dev/null 2>&1; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start > /dev/null
    fi
    echo "export LOYALTY_SCORE_PG_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -f "$dir/data/PG_VERSION" ]; then "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop > /dev/null || true; fi
    ;;
  *)
    echo "usage: postgres-server.sh start|stop" >&2
    exit 2
    ;;
esac
