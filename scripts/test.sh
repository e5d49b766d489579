#!/usr/bin/env bash
# Run every test project in the solution against a throw-away PostgreSQL server.
#
# Usage: scripts/test.sh            (works from any directory, as root or as a normal user)
#
# What it does:
#   * finds the PostgreSQL binaries (/usr/lib/postgresql/<highest>/bin), initdb's a cluster in a
#     fresh temp dir (/tmp/pw-pg.XXXXXX) and starts it on a free 127.0.0.1 port. As root the
#     cluster is owned by and run as the `postgres` OS user (initdb refuses to run as root).
#   * creates the roles partyworkflow_owner (owns the tables, runs the migrations) and partyworkflow_app
#     (what the application connects as: no UPDATE or DELETE on history and audit rows).
#   * exports PARTYWORKFLOW_TEST_POSTGRES (a connection string; tests create their own databases).
#   * builds PartyWorkflow.sln once (Release), runs `dotnet test` for every tests/*/*.csproj
#     (all of them, even if one fails), writes one .trx per project and sums the counters.
#   * the last line of output is always `tests: N passed, M failed`.
#   * exit 0 only if every project exited 0, at least one test ran and nothing failed.
#   * an EXIT/INT/TERM trap stops the server and deletes the temp dir whatever happens.
#
# Environment knobs:
#   PARTYWORKFLOW_TEST_ONLY_DB=1        only start PostgreSQL, run `select 1` through psql and exit
#                                       (a self-check of the database start/stop logic).
#   PARTYWORKFLOW_TEST_RESULTS_DIR=dir  keep the .trx files in dir/<project>/ (default: inside the
#                                       temp dir, deleted at exit).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

log() { printf '[test.sh] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# ---------------------------------------------------------------- PostgreSQL binaries
PG_BIN=""
shopt -s nullglob
pg_bins=(/usr/lib/postgresql/*/bin)
shopt -u nullglob
if [ "${#pg_bins[@]}" -gt 0 ]; then
  PG_BIN="$(printf '%s\n' "${pg_bins[@]}" | sort -t/ -k5,5 -V | tail -n 1)"
fi
if [ -z "$PG_BIN" ]; then
  die "no PostgreSQL installation found under /usr/lib/postgresql/*/bin - install it with: apt-get install postgresql"
fi
for tool in initdb pg_ctl pg_isready; do
  if [ ! -x "$PG_BIN/$tool" ]; then
    die "$PG_BIN/$tool not found - the PostgreSQL server binaries are needed: apt-get install postgresql"
  fi
done
log "using PostgreSQL binaries in $PG_BIN"

IS_ROOT=0
[ "$(id -u)" -eq 0 ] && IS_ROOT=1

if [ "$IS_ROOT" -eq 1 ] && ! id -u postgres >/dev/null 2>&1; then
  log "creating system user 'postgres' (initdb refuses to run as root)"
  useradd --system --no-create-home postgres || die "could not create the 'postgres' user"
fi

# ---------------------------------------------------------------- temp dir + cleanup trap
WORK=""
PGDATA_DIR=""

# Run a PostgreSQL tool as the cluster owner (postgres when we are root, ourselves otherwise).
as_pg() {
  if [ "$IS_ROOT" -eq 1 ]; then
    (cd "$WORK" && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  if [ -n "$PGDATA_DIR" ] && [ -f "$PGDATA_DIR/postmaster.pid" ]; then
    local pid
    pid="$(head -n 1 "$PGDATA_DIR/postmaster.pid" 2>/dev/null)"
    as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m immediate -w -t 15 stop >/dev/null 2>&1
    # Belt and braces: if the postmaster is somehow still alive, signal it directly.
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -QUIT "$pid" 2>/dev/null
      for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  if [ -n "$WORK" ] && [ -d "$WORK" ]; then
    rm -rf -- "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

WORK="$(mktemp -d /tmp/pw-pg.XXXXXX)"
PGDATA_DIR="$WORK/data"
PG_SOCK="$WORK/sock"
PG_LOG="$WORK/postgres.log"
mkdir -p "$PGDATA_DIR" "$PG_SOCK"
chmod 700 "$WORK" "$PGDATA_DIR"
if [ "$IS_ROOT" -eq 1 ]; then
  chown -R postgres:"$(id -gn postgres)" "$WORK"
fi

# ---------------------------------------------------------------- initdb
initdb_log="$WORK/initdb.log"
if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$initdb_log" 2>&1; then
  log "initdb with --locale=C.UTF-8 failed, retrying with --no-locale"
  find "$PGDATA_DIR" -mindepth 1 -delete
  if ! as_pg "$PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres --auth=trust -E UTF8 --no-locale >"$initdb_log" 2>&1; then
    cat "$initdb_log" >&2
    die "initdb failed"
  fi
fi

# ---------------------------------------------------------------- free port + start
port_in_use() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Htln "sport = :$p" 2>/dev/null)" ] && return 0
  fi
  # A successful connect means something is listening.
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && return 0
  return 1
}

pick_port() {
  local p=""
  if command -v python3 >/dev/null 2>&1; then
    p="$(python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1]); s.close()" 2>/dev/null || true)"
  fi
  if [[ ! "$p" =~ ^[0-9]+$ ]]; then
    local i
    for i in $(seq 1 50); do
      p=$((20000 + RANDOM % 20001))
      port_in_use "$p" || break
    done
  fi
  printf '%s\n' "$p"
}

PG_PORT=""
started=0
for attempt in 1 2 3; do
  PG_PORT="$(pick_port)"
  log "starting PostgreSQL on 127.0.0.1:$PG_PORT (attempt $attempt)"
  if as_pg "$PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
      start >/dev/null 2>&1; then
    started=1
    break
  fi
  log "PostgreSQL failed to start on port $PG_PORT"
  tail -n 20 "$PG_LOG" >&2 2>/dev/null || true
done
[ "$started" -eq 1 ] || die "could not start PostgreSQL (log above)"

ready=0
for _ in $(seq 1 60); do
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres; then ready=1; break; fi
  sleep 0.5
done
if [ "$ready" -ne 1 ]; then
  tail -n 20 "$PG_LOG" >&2 2>/dev/null || true
  die "PostgreSQL did not become ready within 30s"
fi
log "PostgreSQL is ready on 127.0.0.1:$PG_PORT"

# The two roles of production: the owner of the tables runs the migrations; the application connects
# as partyworkflow_app, which may not UPDATE or DELETE history and audit rows (docs/security.md).
# The tests create each database owned by the first and connect as the second.
PSQL="$PG_BIN/psql"
[ -x "$PSQL" ] || PSQL="psql"
"$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 \
  -c "CREATE ROLE partyworkflow_owner LOGIN" -c "CREATE ROLE partyworkflow_app LOGIN" >/dev/null \
  || die "could not create the roles partyworkflow_owner and partyworkflow_app"
log "created the roles partyworkflow_owner (migrations) and partyworkflow_app (the application)"

export PARTYWORKFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"

if [ "${PARTYWORKFLOW_TEST_ONLY_DB:-}" = "1" ]; then
  "$PSQL" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -X -A -t -c 'select 1'
  exit $?
fi

# ---------------------------------------------------------------- build + test
shopt -s nullglob
projects=(tests/*/*.csproj)
shopt -u nullglob

if [ -n "${PARTYWORKFLOW_TEST_RESULTS_DIR:-}" ]; then
  mkdir -p "$PARTYWORKFLOW_TEST_RESULTS_DIR"
  RESULTS_DIR="$(cd "$PARTYWORKFLOW_TEST_RESULTS_DIR" && pwd)"
else
  RESULTS_DIR="$WORK/results"
fi
mkdir -p "$RESULTS_DIR"

build_rc=0
log "dotnet build PartyWorkflow.sln -c Release"
dotnet build PartyWorkflow.sln -c Release || build_rc=$?
if [ "$build_rc" -ne 0 ]; then
  log "BUILD FAILED (exit $build_rc) - tests not run"
fi

declare -A proj_rc=()
for proj in "${projects[@]}"; do
  name="$(basename "$proj" .csproj)"
  rm -rf -- "${RESULTS_DIR:?}/$name"
  mkdir -p "$RESULTS_DIR/$name"
  if [ "$build_rc" -ne 0 ]; then
    proj_rc[$name]=$build_rc
    continue
  fi
  log "dotnet test $proj"
  rc=0
  dotnet test "$proj" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" \
    --results-directory "$RESULTS_DIR/$name" || rc=$?
  proj_rc[$name]=$rc
done

# ---------------------------------------------------------------- summary
counter() { # counter <attr> <counters-element>
  local v
  v="$(printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")"
  printf '%s\n' "${v:-0}"
}

total_passed=0
total_failed=0
total_executed=0
all_ok=1
[ "$build_rc" -eq 0 ] || all_ok=0
[ "${#projects[@]}" -gt 0 ] || { log "no test projects found under tests/*/*.csproj"; all_ok=0; }

echo "---- test summary ----"
for proj in "${projects[@]}"; do
  name="$(basename "$proj" .csproj)"
  rc="${proj_rc[$name]}"
  [ "$rc" -eq 0 ] || all_ok=0
  shopt -s nullglob
  trx_files=("$RESULTS_DIR/$name"/*.trx "$RESULTS_DIR/$name"/*/*.trx)
  shopt -u nullglob
  if [ "${#trx_files[@]}" -eq 0 ]; then
    echo "$name: exit $rc, NO .trx produced (build failure or crash) - counted as 1 failure"
    total_failed=$((total_failed + 1))
    all_ok=0
    continue
  fi
  p=0; f=0; e=0; t=0
  for trx in "${trx_files[@]}"; do
    c="$(tr '\n' ' ' <"$trx" | grep -o '<Counters[^>]*>' | head -n 1 || true)"
    if [ -z "$c" ]; then
      echo "$name: $(basename "$trx") has no <Counters> element - counted as 1 failure"
      f=$((f + 1))
      continue
    fi
    p=$((p + $(counter passed "$c")))
    f=$((f + $(counter failed "$c") + $(counter error "$c") + $(counter timeout "$c") + $(counter aborted "$c")))
    e=$((e + $(counter executed "$c")))
    t=$((t + $(counter total "$c")))
  done
  echo "$name: exit $rc, total $t, executed $e, passed $p, failed $f"
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  total_executed=$((total_executed + e))
done

if [ -n "${PARTYWORKFLOW_TEST_RESULTS_DIR:-}" ]; then
  echo "trx files kept in $RESULTS_DIR"
fi
if [ "$total_executed" -eq 0 ] && [ "$total_passed" -eq 0 ]; then
  echo "no tests were executed"
  all_ok=0
fi
[ "$total_failed" -eq 0 ] || all_ok=0

echo "tests: $total_passed passed, $total_failed failed"
if [ "$all_ok" -eq 1 ]; then exit 0; else exit 1; fi
