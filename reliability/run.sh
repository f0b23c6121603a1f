#!/usr/bin/env bash
# The reliability kit: reliability/run.sh [all|kill9|db-outage|receiver-outage|fuzz|config-fuzz]
#                                         [--smoke] [--no-build]
#
# Starts what each scenario needs (PostgreSQL through .ci/start-postgres.sh, the qhook server
# through bin/qhook, a receiver that records every delivery, producers that record every
# acknowledged event, the fuzzers), all on 127.0.0.1; kills the server, stops PostgreSQL or the
# receiver as the scenario says; then audits what was acknowledged against what was delivered.
# Every wait is bounded; everything started is stopped on exit (and PostgreSQL started again if the
# kit stopped it). Results go to reliability/results/<run>/; a full run of all scenarios also
# rewrites the generated section of docs/reliability.md. Exits 1 when a check failed.
#
# --smoke: every scenario in seconds (CI runs this). RELIABILITY_SEED fixes the fuzzers' seed.
# Environment: QHOOK_RELIABILITY_PORT (first of two ports, default 19400), QHOOK_RELIABILITY_DB
# (the PostgreSQL database, default qhook_reliability; must start with that name).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

scenario=all
smoke=false
build=true
for arg in "$@"; do
  case $arg in
    --smoke) smoke=true ;;
    --no-build) build=false ;;
    all | kill9 | db-outage | receiver-outage | fuzz | config-fuzz) scenario=$arg ;;
    -h | --help)
      sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "reliability/run.sh: unknown argument '$arg' (scenarios: all kill9 db-outage receiver-outage fuzz config-fuzz; flags: --smoke --no-build)" >&2
      exit 2
      ;;
  esac
done

if $smoke; then
  KILL_SECONDS=10 KILL_EVERY_MIN=2 KILL_EVERY_MAX=4 KILL_RATE=40
  DB_BEFORE=3 DB_DOWN=4 DB_AFTER=3 DB_RATE=40
  RCV_BEFORE=2 RCV_DOWN=2 RCV_AFTER=2 RCV_RATE=4
  FUZZ_SECONDS=8 FUZZ_RATE=100 CONFIG_FUZZ_SECONDS=5
  DRAIN_SECONDS=150
else
  KILL_SECONDS=180 KILL_EVERY_MIN=2 KILL_EVERY_MAX=6 KILL_RATE=100
  DB_BEFORE=20 DB_DOWN=30 DB_AFTER=20 DB_RATE=100
  RCV_BEFORE=15 RCV_DOWN=240 RCV_AFTER=15 RCV_RATE=10
  FUZZ_SECONDS=75 FUZZ_RATE=150 CONFIG_FUZZ_SECONDS=60
  DRAIN_SECONDS=300
fi
seed=${RELIABILITY_SEED:-$(date +%s)}

base_port=${QHOOK_RELIABILITY_PORT:-19400}
QHOOK_PORT=$base_port
RECEIVER_PORT=$((base_port + 1))
QHOOK_URL="http://127.0.0.1:$QHOOK_PORT"
RECEIVER_URL="http://127.0.0.1:$RECEIVER_PORT"
# The kit's own database: never qhook or the qhook_* databases that tests and benchmarks use.
# QHOOK_RELIABILITY_DB names another (for two kits on one machine); it is dropped and recreated.
PG_DB=${QHOOK_RELIABILITY_DB:-qhook_reliability}
case $PG_DB in
  qhook_reliability*) ;;
  *)
    echo "reliability/run.sh: QHOOK_RELIABILITY_DB must start with qhook_reliability, was '$PG_DB'" >&2
    exit 2
    ;;
esac
PG_URL="postgres://qhook:qhook@127.0.0.1:5432/$PG_DB"
KIT_CP=$root/qhook-reliability/target/qhook-reliability.jar:$root/qhook-server/target/qhook.jar

smoke_flag=
if $smoke; then smoke_flag=" --smoke"; fi
run_id=$(date -u +%Y%m%d-%H%M%S)${smoke_flag/ --/-}
out=$root/reliability/results/$run_id
mkdir -p "$out"
results=$out/results.tsv
: >"$results"
ln -sfn "$run_id" "$root/reliability/results/latest"
failed=false

log() { printf '%s reliability: %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$out/run.log" >&2; }
die() {
  log "FAILED: $*"
  exit 1
}

# ---- processes: everything started is recorded and stopped on exit -------------------------------
pids=()
spawn() { # spawn NAME CMD...: runs CMD in the background, output appended to $out/NAME.log; sets $spawned
  local name=$1
  shift
  "$@" >>"$out/$name.log" 2>&1 &
  spawned=$!
  pids+=("$spawned")
}
stop() { # stop PID: SIGTERM, up to 30 s to exit, then SIGKILL
  local pid=$1
  kill -0 "$pid" 2>/dev/null || {
    wait "$pid" 2>/dev/null || true
    return 0
  }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
await_exit() { # await_exit PID SECONDS: until PID exits with status 0; fails on time or another status
  local pid=$1 seconds=$2 status=0
  for _ in $(seq 1 $((seconds * 10))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$pid" 2>/dev/null && die "process $pid still running after ${seconds}s"
  wait "$pid" || status=$?
  [ "$status" = 0 ] || die "process $pid exited with status $status (see $out/*.log)"
}

pg_version=
pg_stopped=false
cleanup() {
  local pid
  for pid in "${pids[@]}"; do stop "$pid"; done
  if $pg_stopped; then
    log "starting PostgreSQL again (the kit stopped it)"
    pg_ctlcluster "$pg_version" main start || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() { # wait_http URL PID SECONDS: until URL answers 2xx; fails if PID exits or time is up
  local url=$1 pid=$2 seconds=$3
  for _ in $(seq 1 $((seconds * 20))); do
    kill -0 "$pid" 2>/dev/null || die "process $pid exited before $url answered (see $out/*.log)"
    if curl -sf -o /dev/null --max-time 1 "$url"; then return 0; fi
    sleep 0.05
  done
  die "$url did not answer within ${seconds}s"
}
kit() { # kit CLASS ARGS...: a main of qhook-reliability; returns its status
  local class=$1 pid
  shift
  # In the background and waited for, so that a signal to the kit is handled at once (bash runs
  # traps only between foreground commands) and cleanup stops it too.
  java -XX:+UseSerialGC -cp "$KIT_CP" "dev.qhook.reliability.$class" "$@" &
  pid=$!
  pids+=("$pid")
  wait "$pid"
}
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
now_s() { date +%s; }
checked() { # checked CMD...: runs a main whose exit 3 means "checks failed": noted, the run goes on
  local status=0
  "$@" || status=$?
  case $status in
    0) ;;
    3) failed=true ;;
    *) die "$1 $2 exited with $status" ;;
  esac
}

# ---- parts -------------------------------------------------------------------------------------
build_jars() {
  $build || return 0
  log "building qhook-server and qhook-reliability jars"
  mvn -B -q -DskipTests -Dspotless.check.skip=true package -pl qhook-server,qhook-reliability -am
  [ -f qhook-server/target/qhook.jar ] || die "qhook-server/target/qhook.jar was not built"
}

ensure_postgres() {
  [ -n "$pg_version" ] && return 0
  log "starting PostgreSQL (.ci/start-postgres.sh)"
  .ci/start-postgres.sh >/dev/null
  pg_version=$(pg_lsclusters -h | awk '$2 == "main" && $3 == 5432 { print $1 }' | head -n 1)
  [ -n "$pg_version" ] || die "no PostgreSQL cluster 'main' on port 5432"
}
psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -qAt -c \"$1\"" >/dev/null; }
database_url() { # database_url sqlite|postgres NAME: a fresh, empty database for one scenario
  case $1 in
    sqlite) echo "sqlite:$out/$2.db" ;;
    postgres)
      ensure_postgres
      psql_admin "drop database if exists $PG_DB with (force)"
      psql_admin "create database $PG_DB owner qhook"
      echo "$PG_URL"
      ;;
  esac
}

receiver_pid=
start_receiver() { # start_receiver NAME: appends to $out/NAME.received.tsv
  spawn "$1.receiver" java -XX:+UseSerialGC -cp "$KIT_CP" dev.qhook.reliability.KeyReceiver \
    --port "$RECEIVER_PORT" --out "$out/$1.received.tsv"
  receiver_pid=$spawned
  wait_http "$RECEIVER_URL/up" "$receiver_pid" 30
}

qhook_pid=
start_qhook() { # start_qhook NAME: bin/qhook start with $out/NAME.yaml; log appended to NAME.qhook.log
  spawn "$1.qhook" bin/qhook start -c "$out/$1.yaml"
  qhook_pid=$spawned
  wait_http "$QHOOK_URL/ready" "$qhook_pid" 60
}

write_config() { # write_config PROFILE NAME STORE
  kit KitConfig --profile "$1" --file "$out/$2.yaml" --database "$(database_url "$3" "$2")" \
    --port "$QHOOK_PORT" --receiver "$RECEIVER_URL"
}

start_producer() { # start_producer NAME SECONDS RATE: sets $producer_pid
  spawn "$1.producer" java -XX:+UseSerialGC -cp "$KIT_CP" dev.qhook.reliability.Producer \
    --target "$QHOOK_URL/events/rel/order.created" --seconds "$2" --rate "$3" --threads 4 \
    --run "$1" --accepted "$out/$1.accepted.tsv" --stats "$out/$1.stats.tsv"
  producer_pid=$spawned
}

audit() { # audit NAME SCENARIO STORE NOTE [AUDIT ARGS...]
  local name=$1 scenario_name=$2 store=$3 note=$4
  shift 4
  log "$scenario_name on $store: draining (at most ${DRAIN_SECONDS}s) and auditing"
  checked kit Audit --scenario "$scenario_name" --store "$store" --api "$QHOOK_URL" \
    --accepted "$out/$name.accepted.tsv" --received "$out/$name.received.tsv" \
    --stats "$out/$name.stats.tsv" --wait "$DRAIN_SECONDS" --note "$note" \
    --results "$results" --details "$out/$name.details.txt" "$@"
}

log_errors() { # log_errors NAME: ERROR lines in the server's log
  grep -ac '^[^ ]* ERROR ' "$out/$1.qhook.log" || true
}

# ---- scenarios -----------------------------------------------------------------------------------
kill9_on() {
  local store=$1 name=kill9-$1 kills=0 end wait_s left
  log "kill -9 on $store: ${KILL_RATE} events/s for ${KILL_SECONDS}s, SIGKILL every ${KILL_EVERY_MIN}-${KILL_EVERY_MAX}s"
  write_config load "$name" "$store"
  start_receiver "$name"
  start_qhook "$name"
  start_producer "$name" "$KILL_SECONDS" "$KILL_RATE"
  end=$(($(now_s) + KILL_SECONDS))
  while true; do
    wait_s=$((KILL_EVERY_MIN + RANDOM % (KILL_EVERY_MAX - KILL_EVERY_MIN + 1)))
    left=$((end - $(now_s)))
    [ "$left" -gt "$wait_s" ] || break
    sleep "$wait_s"
    kill -KILL "$qhook_pid"
    wait "$qhook_pid" 2>/dev/null || true
    kills=$((kills + 1))
    start_qhook "$name"
  done
  await_exit "$producer_pid" $((KILL_SECONDS + 120))
  log "kill -9 on $store: $kills kills"
  audit "$name" "kill -9 under load" "$store" \
    "$kills SIGKILLs and restarts in ${KILL_SECONDS} s at ${KILL_RATE} events/s; $(log_errors "$name") ERROR log lines"
  stop "$qhook_pid"
  stop "$receiver_pid"
}
scenario_kill9() {
  kill9_on sqlite
  kill9_on postgres
}

scenario_db_outage() {
  local name=db-outage-postgres stopped_at started_at ready_s pid_before
  log "database outage: ${DB_RATE} events/s; PostgreSQL stopped after ${DB_BEFORE}s for ${DB_DOWN}s"
  write_config load "$name" postgres
  start_receiver "$name"
  start_qhook "$name"
  pid_before=$qhook_pid
  start_producer "$name" $((DB_BEFORE + DB_DOWN + DB_AFTER)) "$DB_RATE"
  sleep "$DB_BEFORE"
  stopped_at=$(date -u +%H:%M:%S)
  pg_stopped=true
  pg_ctlcluster "$pg_version" main stop -m fast
  log "PostgreSQL $pg_version/main stopped at $stopped_at UTC"
  sleep "$DB_DOWN"
  pg_ctlcluster "$pg_version" main start
  pg_stopped=false
  started_at=$(date -u +%H:%M:%S)
  log "PostgreSQL $pg_version/main started again at $started_at UTC"
  local t0 ready=false
  t0=$(date +%s%N)
  for _ in $(seq 1 1200); do
    kill -0 "$qhook_pid" 2>/dev/null || die "qhook exited during the database outage (see $out/$name.qhook.log)"
    if curl -sf -o /dev/null --max-time 1 "$QHOOK_URL/ready"; then
      ready=true
      break
    fi
    sleep 0.1
  done
  $ready || die "qhook not ready within 120 s of PostgreSQL's restart"
  ready_s=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
  await_exit "$producer_pid" $((DB_BEFORE + DB_DOWN + DB_AFTER + 120))
  [ "$qhook_pid" = "$pid_before" ] || die "qhook was restarted"
  audit "$name" "database outage" postgres \
    "PostgreSQL stopped for ${DB_DOWN} s under ${DB_RATE} events/s; /ready answered 200 ${ready_s} s after it was back, same process, no restart; $(log_errors "$name") ERROR log lines" \
    --answers-required true
  stop "$qhook_pid"
  stop "$receiver_pid"
}

receiver_outage_on() {
  local store=$1 name=receiver-outage-$1
  log "receiver outage on $store: ${RCV_RATE} events/s; receiver down after ${RCV_BEFORE}s for ${RCV_DOWN}s"
  write_config receiver-outage "$name" "$store"
  start_receiver "$name"
  start_qhook "$name"
  start_producer "$name" $((RCV_BEFORE + RCV_DOWN + RCV_AFTER)) "$RCV_RATE"
  sleep "$RCV_BEFORE"
  stop "$receiver_pid"
  log "receiver down"
  sleep "$RCV_DOWN"
  start_receiver "$name"
  log "receiver back"
  await_exit "$producer_pid" $((RCV_BEFORE + RCV_DOWN + RCV_AFTER + 120))
  audit "$name" "receiver outage" "$store" \
    "receiver down ${RCV_DOWN} s under ${RCV_RATE} events/s; handler retry {max: 3, interval: 1s, max_interval: 10s}" \
    --excuse-dead true --breaker-skips true
  stop "$qhook_pid"
  stop "$receiver_pid"
}
scenario_receiver_outage() {
  receiver_outage_on sqlite
  receiver_outage_on postgres
}

fuzz_on() {
  local store=$1 name=fuzz-$1 health alive=yes probe problems
  log "fuzz on $store: ${FUZZ_SECONDS}s of random requests, seed $seed"
  write_config fuzz "$name" "$store"
  start_receiver "$name"
  start_qhook "$name"
  checked kit HttpFuzz --port "$QHOOK_PORT" --receiver-port "$RECEIVER_PORT" --seconds "$FUZZ_SECONDS" \
    --seed "$seed" --threads 2 --rate "$FUZZ_RATE" --accepted "$out/$name.accepted.tsv" \
    --stats "$out/$name.stats.tsv" --failures "$out/$name.failures.txt" \
    >>"$out/$name.fuzz.log" 2>&1
  kill -0 "$qhook_pid" 2>/dev/null || alive=no
  health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$QHOOK_URL/health" || true)
  # A plain event after the fuzz must still be accepted and delivered.
  probe=$(curl -s --max-time 10 -H 'Authorization: Bearer fuzz-token' -H 'Content-Type: application/json' \
    -d '{"id":"probe-after-fuzz","amount":1}' "$QHOOK_URL/events/app/probe.after.fuzz" || true)
  printf '%s\t%s\n' "$(sed -n 's/.*"event_id":"\([^"]*\)".*/\1/p' <<<"$probe")" \
    "$(sed -n 's/.*"jobs_created":\([0-9]*\).*/\1/p' <<<"$probe")" >>"$out/$name.accepted.tsv"
  problems=
  [ "$alive" = yes ] || problems+="the server died; "
  [ "$health" = 200 ] || problems+="/health answered $health after the fuzz; "
  [ -n "$probe" ] || problems+="no answer to a plain event after the fuzz; "
  audit "$name" "HTTP fuzz" "$store" \
    "seed $seed, ${FUZZ_SECONDS} s; server alive after: $alive, /health $health; probe event accepted after the fuzz: $([ -n "$probe" ] && echo yes || echo no); $(log_errors "$name") ERROR log lines" \
    --mode jobs --all-5xx true --token fuzz-token --failure "$problems"
  stop "$qhook_pid"
  stop "$receiver_pid"
}
scenario_fuzz() {
  fuzz_on sqlite
  fuzz_on postgres
}

scenario_config_fuzz() {
  log "config fuzz: ${CONFIG_FUZZ_SECONDS}s of mutated example configs through qhook validate, seed $seed"
  checked kit ConfigFuzz --examples examples --seconds "$CONFIG_FUZZ_SECONDS" --seed "$seed" \
    --out "$out/config-fuzz" --results "$results" >>"$out/config-fuzz.log" 2>&1
}

# ---- the run -------------------------------------------------------------------------------------
run_facts() {
  local pg="not used" dirty=""
  if [ -n "$pg_version" ]; then
    pg=$(su postgres -c "psql -qAt -c 'show server_version'" 2>/dev/null || echo unknown)
  fi
  git diff --quiet HEAD 2>/dev/null || dirty=" (with uncommitted changes)"
  cat <<EOF
Run \`reliability/run.sh $scenario$smoke_flag\` at $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$dirty, fuzz seed $seed;
$(nproc) cores ($(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -n 1)), $(java -version 2>&1 | head -n 1), PostgreSQL $pg, load average $load_before before and $(cut -d' ' -f1-3 /proc/loadavg) after.
EOF
}

command -v curl >/dev/null || die "curl is not installed"
for port in "$QHOOK_PORT" "$RECEIVER_PORT"; do
  port_free "$port" || die "port $port is in use; set QHOOK_RELIABILITY_PORT to another base port"
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(now_s)

build_jars
case $scenario in
  kill9 | fuzz | receiver-outage | db-outage | all) ensure_postgres ;;
esac
case $scenario in
  all)
    scenario_config_fuzz
    scenario_fuzz
    scenario_kill9
    scenario_receiver_outage
    scenario_db_outage
    ;;
  *) "scenario_${scenario//-/_}" ;;
esac

run_facts >"$out/facts.md"
doc_args=()
if [ "$scenario" = all ] && ! $smoke; then doc_args=(--doc docs/reliability.md); fi
echo
checked kit Report --results "$results" --facts "$out/facts.md" ${doc_args[@]+"${doc_args[@]}"} >"$out/table.md"
cat "$out/table.md"
log "done in $(($(now_s) - started)) s; results in ${out#"$root"/}"
if $failed; then
  log "FAILED: a check failed (see the notes above and $out/*.details.txt, *.failures.txt)"
  exit 1
fi
