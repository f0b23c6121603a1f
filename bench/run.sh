#!/usr/bin/env bash
# The benchmark kit: bench/run.sh [all|ingest|push|latency|footprint|pull|steady|workflow|scaling|large] [--smoke] [--no-build]
#
# Starts what each scenario needs (PostgreSQL through .ci/start-postgres.sh, MariaDB through
# .ci/start-mariadb.sh for the MySQL column of ingest and push, the qhook server
# through bin/qhook, the bare JDK server baseline, a loopback receiver, wrk), all on 127.0.0.1,
# measures qhook and its baseline in the same run, stops everything it started on exit, and prints
# the table scenario | qhook | baseline | ratio | target | met?. Results go to bench/results/<run>/.
# A full run of all scenarios also rewrites the generated section of docs/benchmarks.md; `steady`
# (about 25 minutes, not part of `all`) rewrites its own generated section there, as do `workflow`
# and `large` (about an hour); `scaling` prints the database's work per event for docs/scaling.md.
# None of these three is part of `all`.
#
# --smoke: every scenario in seconds with tiny counts; no target is judged (CI runs this).
# Environment: QHOOK_BENCH_PORT (first of six ports, default 19100), QHOOK_BENCH_DATABASE (the
# PostgreSQL and MariaDB databases it recreates, default qhook_bench), QHOOK_BENCH_PG_PORT (the local
# PostgreSQL server's port, default 5432), BENCH_JAVA_OPTS (JVM flags
# for every JVM the kit starts, default none; the measured ones also get bin/qhook's defaults).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=bin/jvm-defaults.sh
. "$root/bin/jvm-defaults.sh"

scenario=all
smoke=false
build=true
for arg in "$@"; do
  case $arg in
    --smoke) smoke=true ;;
    --no-build) build=false ;;
    all | ingest | push | latency | footprint | pull | steady | workflow | scaling | large) scenario=$arg ;;
    -h | --help)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "bench/run.sh: unknown argument '$arg' (scenarios: all ingest push latency footprint pull steady workflow scaling large; flags: --smoke --no-build)" >&2
      exit 2
      ;;
  esac
done

if $smoke; then
  WRK_WARMUP=0 WRK_SECONDS=2
  PUSH_EVENTS=300 SCHEDULER_TASKS=300 PUSH_WARMUP=100 PUSH_WARMUP_ROUNDS=1 PUSH_REPEATS=1
  LATENCY_RATE=50 LATENCY_SECONDS=2 LATENCY_WARMUP=0
  IDLE_SETTLE=1 LOAD_SECONDS=2
  STEADY_PUSH_EVENTS=300 STEADY_WARMUP=1 STEADY_STEP=2 STEADY_FACTOR=2 STEADY_LOAD=1
  STEADY_COLD=2 STEADY_COLD_GENERATOR_WARMUP=1 STEADY_FIXED=0
  SCALING_EVENTS=300 SCALING_RATE=100
  LARGE_EVENTS=20000 LARGE_PUSH_EVENTS=300
  WORKFLOW_RUNS=200 WORKFLOW_WARMUP=0
else
  WRK_WARMUP=30 WRK_SECONDS=20
  PUSH_EVENTS=50000 SCHEDULER_TASKS=50000 PUSH_WARMUP=50000 PUSH_WARMUP_ROUNDS=2 PUSH_REPEATS=3
  LATENCY_RATE=1000 LATENCY_SECONDS=30 LATENCY_WARMUP=20
  IDLE_SETTLE=5 LOAD_SECONDS=10
  STEADY_PUSH_EVENTS=20000 STEADY_WARMUP=30 STEADY_STEP=60 STEADY_FACTOR=1.15 STEADY_LOAD=30
  STEADY_COLD=30 STEADY_COLD_GENERATOR_WARMUP=20 STEADY_FIXED=1000
  SCALING_EVENTS=20000 SCALING_RATE=400
  LARGE_EVENTS=10000000 LARGE_PUSH_EVENTS=20000
  WORKFLOW_RUNS=10000 WORKFLOW_WARMUP=5000
fi
# Push delivery and db-scheduler both get 16 workers and claim up to three times that at once
# (db-scheduler's lock-and-fetch upper limit of 3.0; qhook's worker.batch_size). What each keeps
# in memory differs by design: db-scheduler refills below 8 queued, qhook keeps up to two batches.
PUSH_CONCURRENCY=16
PUSH_BATCH=$((3 * PUSH_CONCURRENCY))
SCHEDULER_THREADS=16

base_port=${QHOOK_BENCH_PORT:-19100}
BARE_PORT=$base_port
QHOOK_PORT=$((base_port + 1))
RECEIVER_PORT=$((base_port + 2))
# QHOOK_BENCH_DATABASE: the PostgreSQL (and MariaDB) database the kit drops and recreates (default
# qhook_bench); give runs beside each other on one server databases of their own.
PG_ADMIN_DB=${QHOOK_BENCH_DATABASE:-qhook_bench}
# QHOOK_BENCH_PG_PORT: another local PostgreSQL server than .ci/start-postgres.sh's (default 5432).
PG_PORT=${QHOOK_BENCH_PG_PORT:-5432}
PG_URL="postgres://qhook:qhook@127.0.0.1:$PG_PORT/$PG_ADMIN_DB"
PG_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$PG_ADMIN_DB?user=qhook&password=qhook"
MY_URL="mysql://qhook:qhook@127.0.0.1:3306/$PG_ADMIN_DB"
BENCH_JAR=$root/qhook-bench/target/qhook-bench.jar

run_id=$(date -u +%Y%m%d-%H%M%S)$($smoke && echo -smoke || true)
out=$root/bench/results/$run_id
work=$out/work
mkdir -p "$work"
measurements=$out/measurements.tsv
: >"$measurements"
ln -sfn "$run_id" "$root/bench/results/latest"

log() { printf '%s bench: %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

# ---- processes: everything started is recorded and stopped on exit -------------------------------
pids=()
spawn() { # spawn NAME CMD...: runs CMD in the background, output to $out/NAME.log; sets $spawned
  local name=$1
  shift
  "$@" >"$out/$name.log" 2>&1 &
  spawned=$!
  pids+=("$spawned")
}
stop() { # stop PID: SIGTERM, up to 30 s to exit, then SIGKILL
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do stop "$pid"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() { # wait_http URL PID SECONDS: until URL answers 2xx; fails if PID exits or time is up
  local url=$1 pid=$2 seconds=$3 i
  for i in $(seq 1 $((seconds * 50))); do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before $url answered (see $out/*.log)"
    if curl -sf -o /dev/null --max-time 1 "$url"; then return 0; fi
    sleep 0.02
  done
  die "$url did not answer within ${seconds}s"
}
now_ns() { date +%s%N; }
seconds_since() { awk -v a="$1" -v b="$(now_ns)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
rss_mib() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
record() { printf '%s\t%s\n' "$1" "$2" >>"$measurements"; }
# The JVMs being measured (the qhook server, the engine of the push scenario, and their baselines)
# run with the flags bin/qhook adds by default plus BENCH_JAVA_OPTS; the helpers (receiver, latency
# generator, report) with BENCH_JAVA_OPTS only, so that their own pauses are not charged to qhook.
extra_flags=()
read -r -a extra_flags <<<"${BENCH_JAVA_OPTS:-}"
java_flags=()
mapfile -t java_flags < <(qhook_jvm_defaults "${BENCH_JAVA_OPTS:-}")
java_flags+=(${extra_flags[@]+"${extra_flags[@]}"})
measured_java() { # measured_java CLASS ARGS...: a measured main of qhook-bench in the foreground
  local class=$1
  shift
  java "${java_flags[@]}" -cp "$BENCH_JAR" "dev.qhook.bench.$class" "$@"
}
bench_java() { # bench_java CLASS ARGS...: a helper main of qhook-bench in the foreground
  local class=$1
  shift
  java ${extra_flags[@]+"${extra_flags[@]}"} -cp "$BENCH_JAR" "dev.qhook.bench.$class" "$@"
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- parts -------------------------------------------------------------------------------------
build_jars() {
  $build || return 0
  log "building qhook-server and qhook-bench jars"
  mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl qhook-server,qhook-bench -am
  [ -f qhook-server/target/qhook.jar ] || die "qhook-server/target/qhook.jar was not built"
}

postgres_started=false
ensure_postgres() {
  $postgres_started && return 0
  log "starting PostgreSQL (.ci/start-postgres.sh)"
  .ci/start-postgres.sh >/dev/null
  postgres_started=true
}
reset_postgres() { # a fresh, empty benchmark database: never the one the tests use
  ensure_postgres
  su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qAt -c 'drop database if exists $PG_ADMIN_DB with (force)'" >/dev/null
  su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qAt -c 'create database $PG_ADMIN_DB owner qhook'" >/dev/null
  # Flush what earlier scenarios wrote now, not during the next measurement.
  su postgres -c "psql -p $PG_PORT -v ON_ERROR_STOP=1 -qAt -c 'checkpoint'" >/dev/null
}
mysql_started=false
ensure_mysql() {
  $mysql_started && return 0
  log "starting MariaDB (.ci/start-mariadb.sh)"
  .ci/start-mariadb.sh >/dev/null
  mysql_started=true
}
reset_mysql() { # a fresh, empty benchmark database on MariaDB, its dirty pages flushed
  ensure_mysql
  mariadb --protocol=socket -uroot -e "drop database if exists \`$PG_ADMIN_DB\`; create database \`$PG_ADMIN_DB\`; flush tables"
}
database_url() { # database_url sqlite|postgres|mysql NAME: a fresh database for one qhook run
  case $1 in
    sqlite) echo "sqlite:$work/$2.db" ;;
    postgres)
      reset_postgres
      echo "$PG_URL"
      ;;
    mysql)
      reset_mysql
      echo "$MY_URL"
      ;;
  esac
}

receiver_pid=
start_receiver() {
  [ -n "$receiver_pid" ] && return 0
  spawn receiver java ${extra_flags[@]+"${extra_flags[@]}"} -cp "$BENCH_JAR" dev.qhook.bench.Receiver --port "$RECEIVER_PORT"
  receiver_pid=$spawned
  wait_http "http://127.0.0.1:$RECEIVER_PORT/" "$receiver_pid" 30
}
stop_receiver() {
  [ -n "$receiver_pid" ] && stop "$receiver_pid"
  receiver_pid=
}

start_qhook() { # start_qhook NAME DB_URL [BenchConfig options]: bin/qhook start; sets $qhook_pid and $ready_s
  local name=$1 db_url=$2 config=$work/$1.yaml started
  shift 2
  bench_java BenchConfig --file "$config" --database "$db_url" --port "$QHOOK_PORT" \
    --receiver "http://127.0.0.1:$RECEIVER_PORT/hook" "$@"
  started=$(now_ns)
  spawn "qhook-$name" env JAVA_OPTS="${BENCH_JAVA_OPTS:-}" bin/qhook start -c "$config"
  qhook_pid=$spawned
  wait_http "http://127.0.0.1:$QHOOK_PORT/ready" "$qhook_pid" 60
  ready_s=$(seconds_since "$started")
}
start_bare() { # sets $bare_pid and $ready_s
  local started
  started=$(now_ns)
  spawn bare-server java "${java_flags[@]}" -cp "$BENCH_JAR" dev.qhook.bench.BareServer --port "$BARE_PORT"
  bare_pid=$spawned
  wait_http "http://127.0.0.1:$BARE_PORT/ready" "$bare_pid" 30
  ready_s=$(seconds_since "$started")
}

run_wrk() { # run_wrk KEY URL: warm-up, then the measured run; records KEY.rps/.p50_ms/.p99_ms/.errors
  local key=$1 url=$2 file=$out/wrk-$1.txt
  if [ "$WRK_WARMUP" -gt 0 ]; then
    wrk -t2 -c64 -d"${WRK_WARMUP}s" --timeout 10s -s bench/ingest.lua "$url" >/dev/null
  fi
  wrk -t2 -c64 -d"${WRK_SECONDS}s" --timeout 10s --latency -s bench/ingest.lua "$url" >"$file"
  local metric
  for metric in rps p50_ms p99_ms errors; do
    record "$key.$metric" "$(awk -v m="$metric" '$1 == "BENCH" && $2 == m { print $3 }' "$file")"
  done
  log "$key: $(awk '$1 == "BENCH" { printf "%s=%s ", $2, $3 }' "$file")"
}

# ---- scenarios -----------------------------------------------------------------------------------
scenario_ingest() {
  log "ingest: wrk -t2 -c64, ${WRK_SECONDS}s after ${WRK_WARMUP}s warm-up, 300-byte JSON"
  start_bare
  run_wrk ingest.bare "http://127.0.0.1:$BARE_PORT/events/bench/order.created"
  stop "$bare_pid"
  start_receiver
  local db
  for db in sqlite postgres mysql; do
    start_qhook "ingest-$db" "$(database_url "$db" "ingest")"
    run_wrk "ingest.$db" "http://127.0.0.1:$QHOOK_PORT/events/bench/order.created"
    stop "$qhook_pid"
  done
  stop_receiver
}

scenario_push() { # each side PUSH_REPEATS times, alternating; the table reports the medians
  local repeat db
  for repeat in $(seq "$PUSH_REPEATS"); do
    log "push ($repeat of $PUSH_REPEATS): db-scheduler with $SCHEDULER_TASKS no-op tasks after $PUSH_WARMUP_ROUNDS unmeasured rounds of $PUSH_WARMUP, $SCHEDULER_THREADS threads"
    reset_postgres
    measured_java DbSchedulerBaseline --url "$PG_JDBC_URL" --tasks "$SCHEDULER_TASKS" --warmup "$PUSH_WARMUP" \
      --warmup-rounds "$PUSH_WARMUP_ROUNDS" \
      --threads "$SCHEDULER_THREADS" --out "$measurements" 2>&1 | tee -a "$out/push.log"
    for db in sqlite postgres mysql; do
      log "push ($repeat of $PUSH_REPEATS): qhook on $db, $PUSH_EVENTS events, worker.max_concurrency $PUSH_CONCURRENCY"
      measured_java PushDeliveryRun --database "$(database_url "$db" "push-$repeat")" --events "$PUSH_EVENTS" \
        --warmup "$PUSH_WARMUP" --warmup-rounds "$PUSH_WARMUP_ROUNDS" \
        --max-concurrency "$PUSH_CONCURRENCY" --batch-size "$PUSH_BATCH" \
        --key "push.$db" --out "$measurements" 2>&1 | tee -a "$out/push.log"
    done
  done
}

scenario_latency() {
  local db
  for db in sqlite postgres; do
    log "latency: qhook on $db, $LATENCY_RATE events/s for ${LATENCY_SECONDS}s"
    start_qhook "latency-$db" "$(database_url "$db" latency)"
    bench_java LatencyRun --target "http://127.0.0.1:$QHOOK_PORT" --receiver-port "$RECEIVER_PORT" \
      --rate "$LATENCY_RATE" --seconds "$LATENCY_SECONDS" --warmup-seconds "$LATENCY_WARMUP" \
      --key "latency.$db" --out "$measurements" 2>&1 | tee -a "$out/latency.log"
    stop "$qhook_pid"
  done
}

# Steady load: the sustained capacity C (the highest rate whose backlog stays bounded for a step),
# latency at 10/25/50/75 % of C and at STEADY_FIXED events/s, a cold start at 25 % of C, and the
# same run's ingest-only rate I (wrk; the handler matches no event, so each is stored and no job
# made) and push-only rate P (a preloaded backlog, the server's default worker settings), so that C
# can be held against 1 / (1/I + 1/P). The server runs with its defaults throughout.
scenario_steady() {
  local db config ingest push combined from capacity cold_rate cold_pid
  for db in sqlite postgres; do
    log "steady ($db): ingest alone (wrk), then push alone ($STEADY_PUSH_EVENTS events)"
    config=$work/steady-ingest-$db.yaml
    bench_java BenchConfig --file "$config" --database "$(database_url "$db" steady-ingest)" \
      --port "$QHOOK_PORT" --receiver "http://127.0.0.1:$RECEIVER_PORT/hook" --handler-events "none.*"
    spawn "qhook-steady-ingest-$db" env JAVA_OPTS="${BENCH_JAVA_OPTS:-}" bin/qhook start -c "$config"
    qhook_pid=$spawned
    wait_http "http://127.0.0.1:$QHOOK_PORT/ready" "$qhook_pid" 60
    run_wrk "steady.$db.ingest" "http://127.0.0.1:$QHOOK_PORT/events/bench/order.created"
    stop "$qhook_pid"
    measured_java PushDeliveryRun --database "$(database_url "$db" steady-push)" \
      --events "$STEADY_PUSH_EVENTS" --warmup "$STEADY_PUSH_EVENTS" --warmup-rounds 1 \
      --key "steady.$db.push" --out "$measurements" 2>&1 | tee -a "$out/steady.log"
    ingest=$(awk -v k="steady.$db.ingest.rps" '$1 == k { v = $2 } END { print v + 0 }' "$measurements")
    push=$(awk -v k="steady.$db.push.rate" '$1 == k { v = $2 } END { print v + 0 }' "$measurements")
    combined=$(awk -v i="$ingest" -v p="$push" 'BEGIN { if (i > 0 && p > 0) printf "%.0f", 1 / (1 / i + 1 / p); else print 0 }')
    record "steady.$db.combined" "$combined"
    from=$(awk -v c="$combined" -v s="$smoke" 'BEGIN { r = (s == "true") ? 50 : c * 0.5; printf "%d", (r < 50 ? 50 : r) }')
    log "steady ($db): ingest $ingest/s, push $push/s, combination $combined/s; stepping from $from/s"
    start_qhook "steady-$db" "$(database_url "$db" steady)"
    bench_java SteadyRun --mode capacity --target "http://127.0.0.1:$QHOOK_PORT" \
      --receiver-port "$RECEIVER_PORT" --from "$from" --factor "$STEADY_FACTOR" \
      --max "$((from * 4))" --warmup-seconds "$STEADY_WARMUP" --step-seconds "$STEADY_STEP" \
      --load-seconds "$STEADY_LOAD" --fixed-rate "$STEADY_FIXED" \
      --key "steady.$db" --out "$measurements" 2>&1 | tee -a "$out/steady.log"
    stop "$qhook_pid"
    capacity=$(awk -v k="steady.$db.capacity" '$1 == k { v = $2 } END { print v + 0 }' "$measurements")
    cold_rate=$(awk -v c="$capacity" 'BEGIN { r = c / 4; printf "%d", (r < 1 ? 1 : r) }')
    log "steady ($db): cold start at $cold_rate/s (25 % of C) from the first second after /ready"
    bench_java SteadyRun --mode cold --target "http://127.0.0.1:$QHOOK_PORT" \
      --receiver-port "$RECEIVER_PORT" --rate "$cold_rate" --seconds "$STEADY_COLD" \
      --generator-warmup-seconds "$STEADY_COLD_GENERATOR_WARMUP" \
      --key "steady.$db" --out "$measurements" >"$out/steady-cold-$db.log" 2>&1 &
    cold_pid=$!
    pids+=("$cold_pid")
    # The generator first warms its own sender and receiver up (a user's are running services),
    # and the server starts only then, so the seconds after /ready measure the server's warm-up.
    until grep -q "generator warm" "$out/steady-cold-$db.log"; do
      kill -0 "$cold_pid" 2>/dev/null || die "the cold start run failed (see $out/steady-cold-$db.log)"
      sleep 0.2
    done
    start_qhook "steady-cold-$db" "$(database_url "$db" steady-cold)"
    wait "$cold_pid" || die "the cold start run failed (see $out/steady-cold-$db.log)"
    cat "$out/steady-cold-$db.log" | tee -a "$out/steady.log"
    stop "$qhook_pid"
  done
}

# The database's work per event (docs/scaling.md): one engine, then three on one PostgreSQL
# database, at the same total rate; and db-scheduler's per execution. Counts (commits, statements,
# rows, WAL bytes) do not depend on how busy the machine is; the CPU columns do. Needs the
# pg_stat_statements extension for the statement and WAL columns: loaded here (PostgreSQL restarted
# once) when the server does not have it.
ensure_pg_stat_statements() {
  ensure_postgres
  local loaded
  loaded=$(su postgres -c "psql -p $PG_PORT -qAt -c 'show shared_preload_libraries'")
  case $loaded in *pg_stat_statements*) return 0 ;; esac
  [ "$PG_PORT" = 5432 ] || die "load pg_stat_statements (shared_preload_libraries) on the server at port $PG_PORT"
  log "loading pg_stat_statements (restarts PostgreSQL once)"
  su postgres -c "psql -qAt -c \"alter system set shared_preload_libraries = 'pg_stat_statements'\"" >/dev/null
  local version
  version=$(ls -d /usr/lib/postgresql/*/bin/postgres | awk -F/ '{print $5}' | sort -V | tail -n 1)
  pg_ctlcluster "$version" main restart
  .ci/start-postgres.sh >/dev/null
}
scenario_scaling() {
  local k
  ensure_pg_stat_statements
  for k in 1 3; do
    log "scaling: $k engine(s) on one PostgreSQL database, $SCALING_EVENTS events at $SCALING_RATE/s"
    reset_postgres
    su postgres -c "psql -p $PG_PORT -qAt -d $PG_ADMIN_DB -c 'create extension if not exists pg_stat_statements'" >/dev/null
    measured_java DbWorkRun --database "$PG_URL" --jdbc "$PG_JDBC_URL" --instances "$k" \
      --events "$SCALING_EVENTS" --rate "$SCALING_RATE" --key "scaling.k$k" --out "$measurements" \
      2>&1 | grep -v "^scaling\." | tee -a "$out/scaling.log"
  done
  log "scaling: db-scheduler, $SCALING_EVENTS executions"
  reset_postgres
  su postgres -c "psql -p $PG_PORT -qAt -d $PG_ADMIN_DB -c 'create extension if not exists pg_stat_statements'" >/dev/null
  measured_java DbSchedulerBaseline --url "$PG_JDBC_URL" --tasks "$SCALING_EVENTS" \
    --threads "$SCHEDULER_THREADS" --stats-key scaling.dbscheduler --out "$measurements" \
    2>&1 | grep -v "^scaling\." | tee -a "$out/scaling.log"
}

# Large stores: ingest and push on a store holding LARGE_EVENTS events of history (30 days, each
# with a completed job and its attempt, as a month of traffic leaves them) against an empty store,
# and ingest while retention deletes that history. Targets: >= 0.8x in each case.
jdbc_url() { # jdbc_url sqlite|postgres NAME: the JDBC URL of database_url's database
  case $1 in
    sqlite) echo "jdbc:sqlite:$work/$2.db" ;;
    postgres) echo "$PG_JDBC_URL" ;;
  esac
}
scenario_large() {
  local db url ingest="http://127.0.0.1:$QHOOK_PORT/events/bench/order.created"
  start_receiver
  for db in sqlite postgres; do
    log "large ($db): ingest and push on an empty store"
    start_qhook "large-empty-$db" "$(database_url "$db" large-empty)" --handler-events "none.*" --keep-days 60
    run_wrk "large.$db.empty.ingest" "$ingest"
    stop "$qhook_pid"
    measured_java PushDeliveryRun --database "$(database_url "$db" large-empty-push)" \
      --events "$LARGE_PUSH_EVENTS" --warmup "$LARGE_PUSH_EVENTS" --keep-days 60 \
      --key "large.$db.empty.push" --out "$measurements" 2>&1 | tee -a "$out/large.log"
    log "large ($db): loading $LARGE_EVENTS events of history"
    url=$(database_url "$db" large)
    bench_java HistoryLoader --database "$url" --jdbc "$(jdbc_url "$db" large)" \
      --events "$LARGE_EVENTS" --days 30 2>&1 | tee -a "$out/large.log"
    log "large ($db): ingest and push on the large store"
    start_qhook "large-full-$db" "$url" --handler-events "none.*" --keep-days 60
    run_wrk "large.$db.full.ingest" "$ingest"
    stop "$qhook_pid"
    measured_java PushDeliveryRun --database "$url" --events "$LARGE_PUSH_EVENTS" \
      --warmup "$LARGE_PUSH_EVENTS" --keep-days 60 \
      --key "large.$db.full.push" --out "$measurements" 2>&1 | tee -a "$out/large.log"
    log "large ($db): ingest while retention (1 day) deletes the history"
    start_qhook "large-cleanup-$db" "$url" --handler-events "none.*" --keep-days 1
    run_wrk "large.$db.cleanup.ingest" "$ingest"
    stop "$qhook_pid"
  done
  stop_receiver
}

rss_under_load() { # rss_under_load PID URL: the highest RSS seen while wrk loads URL
  local pid=$1 url=$2 peak=0 wrk_pid rss
  wrk -t2 -c64 -d"${LOAD_SECONDS}s" --timeout 10s -s bench/ingest.lua "$url" >/dev/null &
  wrk_pid=$!
  pids+=("$wrk_pid")
  for _ in $(seq 1 $((LOAD_SECONDS * 4 + 40))); do
    kill -0 "$wrk_pid" 2>/dev/null || break
    rss=$(rss_mib "$pid")
    peak=$(awk -v a="$peak" -v b="$rss" 'BEGIN { print (b > a ? b : a) }')
    sleep 0.25
  done
  wait "$wrk_pid" || true
  echo "$peak"
}

scenario_footprint() {
  log "footprint: start to first answer, RSS idle after ${IDLE_SETTLE}s, peak RSS under ${LOAD_SECONDS}s of wrk"
  start_bare
  record footprint.bare.ready_s "$ready_s"
  sleep "$IDLE_SETTLE"
  record footprint.bare.rss_idle_mib "$(rss_mib "$bare_pid")"
  record footprint.bare.rss_load_mib "$(rss_under_load "$bare_pid" "http://127.0.0.1:$BARE_PORT/events/bench/order.created")"
  stop "$bare_pid"
  start_receiver
  start_qhook footprint "$(database_url sqlite footprint)"
  record footprint.qhook.ready_s "$ready_s"
  sleep "$IDLE_SETTLE"
  record footprint.qhook.rss_idle_mib "$(rss_mib "$qhook_pid")"
  record footprint.qhook.rss_load_mib "$(rss_under_load "$qhook_pid" "http://127.0.0.1:$QHOOK_PORT/events/bench/order.created")"
  stop "$qhook_pid"
  stop_receiver
}

# ---- pull: pull queues beside RabbitMQ (issue 11, item 8) ---------------------------------------
# RabbitMQ (Debian's rabbitmq-server) runs as a node of its own: name qhookbench@localhost, AMQP on
# base port + 3, Erlang distribution on + 4 and its own epmd on + 5, all on 127.0.0.1, with config,
# data and logs under the run's work dir, so it never meets a RabbitMQ of the machine. PerfTest
# (com.rabbitmq:perf-test, pinned in the parent POM) runs from qhook-bench/target/perf-test.
ensure_rabbitmq() { # installed from Debian's packages when missing and root, as wrk is
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing rabbitmq-server"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    # policy-rc.d 101 (unless the machine has its own): the package must not start a default node.
    local policy=false
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      policy=true
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null || true
    if $policy; then rm -f /usr/sbin/policy-rc.d; fi
  fi
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || die "rabbitmq-server is not installed (Debian: apt-get install -y rabbitmq-server)"
}

rabbit_dir=
rabbit_pid=
rabbit_env() { # rabbit_env CMD...: CMD with the environment of the kit's node
  env HOME="$rabbit_dir" \
    RABBITMQ_NODENAME=qhookbench@localhost \
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
    RABBITMQ_NODE_PORT="$RABBIT_PORT" \
    RABBITMQ_DIST_PORT="$((base_port + 4))" \
    ERL_EPMD_PORT="$((base_port + 5))" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    RABBITMQ_CONFIG_FILE="$rabbit_dir/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$rabbit_dir/advanced.config" \
    RABBITMQ_CONF_ENV_FILE="$rabbit_dir/rabbitmq-env.conf" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$rabbit_dir/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$rabbit_dir/mnesia" \
    RABBITMQ_LOG_BASE="$rabbit_dir/log" \
    RABBITMQ_PID_FILE="$rabbit_dir/rabbit.pid" \
    "$@"
}
start_rabbitmq() { # sets $rabbit_pid once the node accepts AMQP on $RABBIT_PORT
  local port
  for port in "$RABBIT_PORT" "$((base_port + 4))" "$((base_port + 5))"; do
    port_free "$port" || die "port $port (RabbitMQ) is in use; set QHOOK_BENCH_PORT to another base port"
  done
  rabbit_dir=$work/rabbitmq
  mkdir -p "$rabbit_dir"
  printf 'listeners.tcp.default = 127.0.0.1:%s\n' "$RABBIT_PORT" >"$rabbit_dir/rabbitmq.conf"
  echo '[].' >"$rabbit_dir/enabled_plugins"
  spawn rabbitmq rabbit_env /usr/lib/rabbitmq/bin/rabbitmq-server
  rabbit_pid=$spawned
  trap 'stop_rabbitmq; cleanup' EXIT # its epmd outlives the node: stop both on any exit
  local i
  for i in $(seq 1 600); do
    kill -0 "$rabbit_pid" 2>/dev/null || die "rabbitmq-server exited before it was ready (see $out/rabbitmq.log)"
    if rabbit_env /usr/lib/rabbitmq/bin/rabbitmqctl -q -n qhookbench@localhost await_startup --timeout 5 >/dev/null 2>&1 &&
      ! port_free "$RABBIT_PORT"; then
      return 0
    fi
    sleep 0.1
  done
  die "RabbitMQ did not start within 60s (see $out/rabbitmq.log)"
}
stop_rabbitmq() { # the node (waiting for its OS process to end), then its epmd (which would outlive it)
  [ -n "$rabbit_pid" ] || return 0
  rabbit_env timeout 60 /usr/lib/rabbitmq/bin/rabbitmqctl -q -n qhookbench@localhost stop \
    "$rabbit_dir/rabbit.pid" >/dev/null 2>&1 || true
  stop "$rabbit_pid"
  rabbit_env epmd -port "$((base_port + 5))" -kill >/dev/null 2>&1 || true
  rabbit_pid=
}

pull_rabbitmq() { # records pull.rabbitmq.rate (consumed msg/s) and, when PerfTest reports it, p99
  log "pull: RabbitMQ $(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null) with PerfTest: 1 producer, 1 consumer, 300-byte persistent messages, confirms (100 outstanding), multi-ack every 100, prefetch 300, durable classic queue; ${PULL_SECONDS}s, the first ${PULL_WARMUP}s not counted"
  start_rabbitmq
  local csv=$out/perftest-rabbitmq.csv
  java ${extra_flags[@]+"${extra_flags[@]}"} -cp "$root/qhook-bench/target/perf-test/*:$BENCH_JAR" \
    com.rabbitmq.perf.PerfTest \
    --uri "amqp://guest:guest@127.0.0.1:$RABBIT_PORT" \
    --producers 1 --consumers 1 --size 300 --flag persistent \
    --confirm 100 --multi-ack-every 100 --qos 300 \
    --queue qhook-bench-pull --auto-delete false --queue-args x-queue-type=classic \
    --time "$PULL_SECONDS" --output-file "$csv" --id rabbitmq >"$out/perftest-rabbitmq.log" 2>&1 ||
    die "PerfTest failed (see $out/perftest-rabbitmq.log)"
  stop_rabbitmq
  bench_java PerfTestResult --csv "$csv" --warmup-seconds "$PULL_WARMUP" --key pull.rabbitmq \
    --out "$measurements" 2>&1 | tee -a "$out/pull.log"
}

pull_qhook() { # records pull.{sqlite,postgres}[.batch].{rate,p99_ms} (PullRun)
  local db mode key
  for db in sqlite postgres; do
    for mode in single batch; do
      key=pull.$db
      [ "$mode" = batch ] && key=$key.batch
      log "pull: qhook on $db, $mode posts ($([ "$mode" = batch ] && echo "1 producer, 100 events per request to POST /events/bench" || echo "64 concurrent posts to /events/bench/order.created")), 1 consumer long-polling batch=100 and acking each batch; ${PULL_SECONDS}s, the first ${PULL_WARMUP}s not counted"
      start_qhook "pull-$db-$mode" "$(database_url "$db" "pull-$mode")" --handler-events "none.*" --queue pull
      bench_java PullRun --target "http://127.0.0.1:$QHOOK_PORT" --mode "$mode" \
        --seconds "$PULL_SECONDS" --warmup-seconds "$PULL_WARMUP" --key "$key" \
        --out "$measurements" 2>&1 | tee -a "$out/pull.log"
      stop "$qhook_pid"
    done
  done
}

scenario_pull() {
  if $smoke; then
    PULL_SECONDS=6 PULL_WARMUP=2
  else
    PULL_SECONDS=90 PULL_WARMUP=30
  fi
  RABBIT_PORT=$((base_port + 3))
  ensure_rabbitmq
  [ -d "$root/qhook-bench/target/perf-test" ] || die "qhook-bench/target/perf-test is missing: build qhook-bench (mvn package -pl qhook-bench -am)"
  pull_rabbitmq
  pull_qhook
}

# ---- workflow: step transitions against plain push (issue 12, item 8) ---------------------------
# A backlog of WORKFLOW_RUNS runs of http, http, choice, parallel of 2, http (5 transitions and 5
# HTTP calls each) started by ingest, then in the same JVM plain push of as many deliveries.
scenario_workflow() {
  local db
  for db in sqlite postgres; do
    log "workflow ($db): $WORKFLOW_RUNS runs after $WORKFLOW_WARMUP unmeasured, then plain push of $((5 * WORKFLOW_RUNS)) deliveries, worker.max_concurrency $PUSH_CONCURRENCY"
    measured_java WorkflowBenchRun --database "$(database_url "$db" workflow)" --runs "$WORKFLOW_RUNS" \
      --warmup "$WORKFLOW_WARMUP" --max-concurrency "$PUSH_CONCURRENCY" --batch-size "$PUSH_BATCH" \
      --key "workflow.$db" --out "$measurements" 2>&1 | tee -a "$out/workflow.log"
  done
}

# ---- the run -------------------------------------------------------------------------------------
machine_facts() {
  local pg="not used" my="not used" dirty=""
  if $postgres_started; then
    pg=$(su postgres -c "psql -p $PG_PORT -qAt -c 'show server_version'" 2>/dev/null || echo unknown)
  fi
  prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" pom.xml | head -n 1; }
  if $mysql_started; then
    my=$(mariadb --protocol=socket -uroot -N -e 'select version()' 2>/dev/null || echo unknown)
    my="$my, mariadb-java-client $(prop mariadb-java-client.version)"
  fi
  git diff --quiet HEAD 2>/dev/null || dirty=" (with uncommitted changes)"
  cat <<EOF
Run \`bench/run.sh $scenario$($smoke && echo " --smoke" || true)\` at $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$dirty.

| machine | |
|---|---|
| CPU | $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1) |
| RAM | $(free -g | awk '/^Mem:/ { print $2 }') GiB |
| OS | $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), kernel $(uname -r) |
| JDK | $(java -version 2>&1 | head -n 1) |
| PostgreSQL | $pg |
| MariaDB (the MySQL column) | $my |
| SQLite | sqlite-jdbc $(prop sqlite-jdbc.version) |
| wrk | $(wrk -v 2>&1 | head -n 1 | awk '{ print $2 }') |
| db-scheduler | $(prop db-scheduler.version) |
| JVM flags | ${BENCH_JAVA_OPTS:-none} plus bin/qhook's defaults $(qhook_jvm_defaults "${BENCH_JAVA_OPTS:-}" | tr '\n' ' ')for the measured JVMs (qhook, bare server, push engine, db-scheduler) |
| load average | $load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after |
| other JVMs at start | $other_jvms (builds or tests running beside the kit make every number noisier) |
EOF
}

ensure_wrk() { # the load generator, installed from Debian's packages when missing and root
  command -v wrk >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  fi
  command -v wrk >/dev/null || die "wrk is not installed (Debian: apt-get install -y wrk)"
}

ensure_wrk
command -v curl >/dev/null || die "curl is not installed"
for port in "$BARE_PORT" "$QHOOK_PORT" "$RECEIVER_PORT"; do
  port_free "$port" || die "port $port is in use; set QHOOK_BENCH_PORT to another base port"
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
other_jvms=$(pgrep -c -x java || true)

build_jars
if [ "$scenario" != footprint ]; then ensure_postgres; fi
case $scenario in
  all)
    scenario_footprint
    scenario_ingest
    scenario_push
    scenario_latency
    scenario_pull
    ;;
  *) "scenario_$scenario" ;;
esac

machine_facts >"$out/machine.md"
doc_args=()
if [ "$scenario" = all ] && ! $smoke; then doc_args=(--doc docs/benchmarks.md); fi
if [ "$scenario" = steady ] && ! $smoke; then doc_args=(--doc docs/benchmarks.md --section steady); fi
if [ "$scenario" = large ] && ! $smoke; then doc_args=(--doc docs/benchmarks.md --section large); fi
if [ "$scenario" = workflow ] && ! $smoke; then doc_args=(--doc docs/benchmarks.md --section workflow); fi
echo
bench_java Report --results "$measurements" --machine "$out/machine.md" --smoke "$smoke" \
  "${doc_args[@]}" | tee "$out/table.md"
log "results in ${out#"$root"/}"
