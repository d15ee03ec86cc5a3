# A throwaway PostgreSQL cluster (Debian's postgresql), sourced by scripts/test
# and scripts/run --postgres:
#   pg_cluster_start   initdb in a temp dir, postgres on a free port of
#                      127.0.0.1, one database; sets BUTLER_PG_URL
#   pg_cluster_stop    stops it (immediate) and removes the dir; safe to
#                      call twice, and from an EXIT trap
# PostgreSQL refuses to run as root: as root (CI) the cluster runs as the
# postgres user Debian's package makes (runuser), else as whoever runs this.
# fsync is off: the cluster lives for one run and is thrown away.

pg_cluster_dir=""
pg_cluster_bin=""

pg_cluster_as() {  # pg_cluster_as CMD...: as the cluster's owner
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_start() {
  pg_cluster_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  if [ -z "$pg_cluster_bin" ] || [ ! -x "$pg_cluster_bin/initdb" ]; then
    echo "pg_cluster: no initdb under /usr/lib/postgresql/*/bin (Debian's postgresql package; scripts/setup installs it)" >&2
    return 1
  fi
  if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
    echo "pg_cluster: running as root and there is no postgres user to run PostgreSQL as" >&2
    return 1
  fi
  pg_cluster_dir="$(mktemp -d /tmp/butler-pg.XXXXXX)"
  [ "$(id -u)" = 0 ] && chown postgres: "$pg_cluster_dir"
  local port
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  pg_cluster_as "$pg_cluster_bin/initdb" -D "$pg_cluster_dir/data" -U butler -A trust -E UTF8 --locale=C --no-sync \
    >"$pg_cluster_dir/initdb.log" 2>&1 || { echo "pg_cluster: initdb failed:" >&2; cat "$pg_cluster_dir/initdb.log" >&2; pg_cluster_stop; return 1; }
  # The socket in the cluster's dir, TCP on 127.0.0.1 only.
  pg_cluster_as "$pg_cluster_bin/pg_ctl" -D "$pg_cluster_dir/data" -l "$pg_cluster_dir/server.log" -w -t 30 \
    -o "-k $pg_cluster_dir -h 127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
    start >/dev/null || { echo "pg_cluster: postgres did not start:" >&2; cat "$pg_cluster_dir/server.log" >&2; pg_cluster_stop; return 1; }
  pg_cluster_as "$pg_cluster_bin/createdb" -h 127.0.0.1 -p "$port" -U butler butler \
    || { echo "pg_cluster: createdb failed" >&2; pg_cluster_stop; return 1; }
  BUTLER_PG_URL="postgresql://butler@127.0.0.1:$port/butler"
  export BUTLER_PG_URL
}

pg_cluster_stop() {
  [ -n "$pg_cluster_dir" ] || return 0
  if [ -f "$pg_cluster_dir/data/postmaster.pid" ]; then
    pg_cluster_as "$pg_cluster_bin/pg_ctl" -D "$pg_cluster_dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
  rm -rf "$pg_cluster_dir"
  pg_cluster_dir=""
}
