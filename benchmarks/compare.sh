#!/usr/bin/env bash
# Side by side: `odradek perf` against Apache Kafka's own ProducerPerformance (kafka-producer-perf-test), on one
# embedded Kafka broker, alternately, ROUNDS rounds each, per scenario; prints a table per scenario (median per side
# and the ratio odradek/Kafka) and writes benchmarks/results/compare-<date>.csv (every run),
# compare-<date>-medians.csv and compare.svg (the chart).
#
# Builds nothing. First, once:   cd <repo> && mvn -DskipTests package
# (needs tools/target/odradek.jar and benchmarks/target/benchmarks.jar). Kafka's tool classpath (kafka-tools, the
# broker's Kafka version) is resolved by Maven from benchmarks/kafka-tools.pom.xml (downloaded on first use).
#
# Options (environment):
#   SCENARIOS="S1 S3"     subset to run (default: S1 S1C S2 S3 S4 S5 S6 S7 S9)
#   ROUNDS=3              rounds per side per scenario (default 3; each round runs odradek then Kafka, or the
#                         other way round on odd rounds, so drift hits both sides alike)
#   RECORDS_SCALE=0.1     multiply every scenario's record count (a quick check; default 1)
#   HEAP=1g               -Xmx of every client JVM, both sides (default 1g)
#   ODRADEK_JVM_FLAGS=... JVM flags added to odradek's plain `java -Xmx$HEAP` (default none)
#   KAFKA_JVM_FLAGS=...   the same for Kafka's tool (default none; KAFKA_JVM_FLAGS=launcher: what kafka-run-class.sh
#                         sets for kafka-producer-perf-test)
#   LAUNCHER=0            leave out the third side, odradek through its launcher tools/bin/odradek (default 1)
#   KAFKA_PROPS="k=v ..." producer properties given to Kafka's tool only, after the scenario's (default none), to
#                         see how much of a ratio is a default: e.g. send.buffer.bytes=-1, odradek's default
#   WARMUP_RECORDS=2000000 records each tool sends once, unrecorded, before the first scenario (default 2M; 0 for
#                         none): a broker fresh from start-up runs its produce path interpreted, and the first
#                         measured round would pay for that alone (with 1M each, the broker's C2 was still busy
#                         and the first S1 round, odradek's, came out ~35% below the next two). With S7 listed,
#                         each tool also runs a quarter as many in transactions of 100 ms.
#   RESULTS_DIR=...       where CSV and SVG go (default benchmarks/results)
#
# Scenarios (issue 5):
#   S1 4M x 100 B, 6 partitions, acks=all enable.idempotence=true batch.size=1000000 linger.ms=5
#   S2 4M x 100 B, 6 partitions, every setting at its default
#   S3 1M x 100 B at --throughput 100000, defaults
#   S4 200k x 10 KB (10000 B), 6 partitions, acks=all
#   S5 S1 + compression.type=lz4
#   S1C S1 through Kafka's Producer interface (odradek perf --compat: OdradekKafkaProducer from
#      kafka-clients-compat) against S1 through Odradek's own API, both odradek perf, alternately; the ratio is
#      compat/own (the aim: within 10%). Not in the chart, which is against Kafka's producer.
#   S6 S1 from 4 threads to 12 partitions: odradek perf --threads 4 in one process; Kafka's tool has one thread, so
#      4 ProducerPerformance processes run at once with num-records/4 each: records/s, MB/s, CPU and peak RSS are
#      summed over the 4, latency percentiles are the worst of the 4.
#   S7 S1 in transactions of 100 ms (issue 11): both tools with --transaction-duration-ms 100, each under its own
#      made-up transactional.id (performance-producer-<uuid>), committing as Kafka's tool does
#   S8 S1 over TLS: both tools connect to the broker's TLS listener (odradek broker --tls true: a self-signed
#      certificate for 127.0.0.1) with --producer.config holding security.protocol=SSL and the truststore; TLS 1.3,
#      host name checked, each side's JDK TLS. Not in the default list; SCENARIOS=S8 runs it.
#   S9 many partitions (issue 12): 4M x 100 B under random keys (100,000 of them) to one topic of 1,000 partitions,
#      every setting at its default. Kafka's ProducerPerformance sends no keys, so Kafka's side is Kafka's own
#      KafkaProducer driven by odradek perf's loop (--kafka-producer: same keys, payloads and statistics), under
#      Kafka's JVM flags.
# Client CPU = user+sys of the client process and peak RSS, from /usr/bin/time -f '%U %S %M'.
set -euo pipefail

here="$(cd -P "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
SCENARIOS="${SCENARIOS:-S1 S1C S2 S3 S4 S5 S6 S7 S9}"
ROUNDS="${ROUNDS:-3}"
KAFKA_PROPS="${KAFKA_PROPS:-}"
RECORDS_SCALE="${RECORDS_SCALE:-1}"
HEAP="${HEAP:-1g}"
# Both tools run the way an application embeds a library: plain `java -Xmx$HEAP`, the JVM's default collector, no
# other flag (issue 12: the library's margins must hold in the user's JVM, not only in ours). ODRADEK_JVM_FLAGS and
# KAFKA_JVM_FLAGS add flags to one side; KAFKA_JVM_FLAGS=launcher gives Kafka's tool what kafka-run-class.sh sets
# for kafka-producer-perf-test (KAFKA_JVM_PERFORMANCE_OPTS).
ODRADEK_JVM_FLAGS="${ODRADEK_JVM_FLAGS:-}"
KAFKA_JVM_FLAGS="${KAFKA_JVM_FLAGS:-}"
if [ "$KAFKA_JVM_FLAGS" = launcher ]; then
  KAFKA_JVM_FLAGS="-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true"
fi
# LAUNCHER=1 (default) adds a third side per round, odradek-launcher: `odradek perf` through tools/bin/odradek with
# that launcher's own JVM flags (Serial GC, ...; -Xmx$HEAP), a tool's choice reported as such. LAUNCHER=0 skips it.
LAUNCHER="${LAUNCHER:-1}"
RESULTS_DIR="${RESULTS_DIR:-$here/results}"
odradek_jar="$root/tools/target/odradek.jar"
bench_jar="$here/target/benchmarks.jar"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

for jar in "$odradek_jar" "$bench_jar"; do
  if [ ! -f "$jar" ]; then
    echo "compare.sh: $jar not found; build first: (cd $root && mvn -DskipTests package)" >&2
    exit 1
  fi
done
if [ ! -x /usr/bin/time ]; then
  echo "compare.sh: /usr/bin/time is needed for client CPU and RSS (apt-get install time)" >&2
  exit 1
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/odradek-compare.XXXXXX")"
broker_pid=""
cleanup() {
  if [ -n "$broker_pid" ] && kill -0 "$broker_pid" 2>/dev/null; then
    kill "$broker_pid" 2>/dev/null || true
    wait "$broker_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

kafka_cp_file="$here/target/kafka-tools.classpath"
if [ ! -s "$kafka_cp_file" ]; then
  echo "compare.sh: resolving Kafka's ProducerPerformance classpath (kafka-tools) with Maven..." >&2
  mvn -q -o -f "$here/kafka-tools.pom.xml" dependency:build-classpath -Dmdep.outputFile="$kafka_cp_file" >&2 \
    || mvn -q -f "$here/kafka-tools.pom.xml" dependency:build-classpath -Dmdep.outputFile="$kafka_cp_file" >&2
fi
kafka_cp="$(cat "$kafka_cp_file")"

echo "compare.sh: starting the embedded broker (6 partitions by default)..." >&2
tls_flag=false
case " $SCENARIOS " in *" S8 "*) tls_flag=true ;; esac
"$java_bin" -jar "$odradek_jar" broker --data-dir "$work/broker" --partitions 6 --tls "$tls_flag" \
  >"$work/broker.out" 2>"$work/broker.err" &
broker_pid=$!
bootstrap=""
for _ in $(seq 1 360); do
  if grep -q '^bootstrap.servers=' "$work/broker.out" 2>/dev/null; then
    bootstrap="$(sed -n 's/^bootstrap.servers=//p' "$work/broker.out" | head -1)"
    break
  fi
  if ! kill -0 "$broker_pid" 2>/dev/null; then
    echo "compare.sh: the broker exited:" >&2
    cat "$work/broker.err" >&2
    exit 1
  fi
  sleep 0.5
done
if [ -z "$bootstrap" ]; then
  echo "compare.sh: the broker did not start within 180 s" >&2
  exit 1
fi
echo "compare.sh: broker at $bootstrap" >&2
ssl_bootstrap=""
ssl_config=""
if [ "$tls_flag" = true ]; then
  for _ in $(seq 1 20); do
    ssl_config="$(sed -n 's/^ssl.client.config=//p' "$work/broker.out" | head -1)"
    [ -n "$ssl_config" ] && break
    sleep 0.5
  done
  ssl_bootstrap="$(sed -n 's/^ssl.bootstrap.servers=//p' "$work/broker.out" | head -1)"
  echo "compare.sh: TLS listener at $ssl_bootstrap (client settings: $ssl_config)" >&2
fi

mkdir -p "$RESULTS_DIR"
stamp="$(date -u +%Y%m%d-%H%M%S)"
runs_csv="$RESULTS_DIR/compare-$stamp.csv"
reference_failures="$work/reference-failures.txt"
echo "scenario,side,round,processes,records,records_per_sec,mb_per_sec,avg_ms,max_ms,p50_ms,p95_ms,p99_ms,p999_ms,cpu_s,peak_rss_kb,description" >"$runs_csv"

scaled() { awk -v n="$1" -v s="$RECORDS_SCALE" 'BEGIN { v = int(n * s); if (v < 1) v = 1; print v }'; }

# Per scenario: records, record size, partitions, throughput, threads, producer props, description, and perf flags
# both tools get (optional).
scenario() {
  local s1_props="acks=all enable.idempotence=true batch.size=1000000 linger.ms=5"
  case "$1" in
    S1) echo "$(scaled 4000000)|100|6|-1|1|$s1_props|throughput: 100 B records; 6 partitions; $s1_props" ;;
    S1C) echo "$(scaled 4000000)|100|6|-1|1|$s1_props|compat: S1 through Kafka's Producer interface (odradek-compat) vs Odradek's API (odradek)" ;;
    S2) echo "$(scaled 4000000)|100|6|-1|1||defaults: 100 B records; 6 partitions; every setting at its default" ;;
    S3) echo "$(scaled 1000000)|100|6|100000|1||latency: 100 B records at --throughput 100000; 6 partitions; defaults" ;;
    S4) echo "$(scaled 200000)|10000|6|-1|1|acks=all|large records: 10000 B records; 6 partitions; acks=all" ;;
    S5) echo "$(scaled 4000000)|100|6|-1|1|$s1_props compression.type=lz4|lz4: S1 + compression.type=lz4" ;;
    S6) echo "$(scaled 4000000)|100|12|-1|4|$s1_props|many threads: S1 from 4 threads to 12 partitions" ;;
    S7) echo "$(scaled 4000000)|100|6|-1|1|$s1_props|transactions: S1 in transactions of 100 ms|--transaction-duration-ms 100" ;;
    S8) echo "$(scaled 4000000)|100|6|-1|1|$s1_props|TLS: S1 over the broker's TLS listener (security.protocol=SSL)" ;;
    S9) echo "$(scaled 4000000)|100|1000|-1|1||many partitions: 100 B records under random keys; 1000 partitions; defaults|--random-keys 100000" ;;
    *) echo "compare.sh: unknown scenario $1 (S1, S1C, S2..S9)" >&2; return 1 ;;
  esac
}

# The numbers of the summary line both tools print (same format):
# records, records/s, MB/s, avg ms, max ms, p50, p95, p99, p99.9
summary_numbers() {
  if ! grep -q '99.9th' "$1"; then
    echo "compare.sh: no summary line in $1:" >&2
    tail -5 "$1" >&2
    return 1
  fi
  grep '99.9th' "$1" | tail -1 | sed -E 's/^([0-9]+) records sent, ([0-9.]+) records\/sec \(([0-9.]+) MB\/sec\), ([0-9.]+) ms avg latency, ([0-9.]+) ms max latency, ([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99.9th\.?$/\1 \2 \3 \4 \5 \6 \7 \8 \9/'
}

create_topic() {
  "$java_bin" -Xmx256m -cp "$bench_jar" io.odradek.benchmarks.CreateTopic "$bootstrap" "$1" "$2" \
    >"$work/create-topic.log" 2>&1 || { cat "$work/create-topic.log" >&2; return 1; }
}

# The run's data is not needed once its numbers are read; see DeleteTopic.
delete_topic() {
  "$java_bin" -Xmx256m -cp "$bench_jar" io.odradek.benchmarks.DeleteTopic "$bootstrap" "$1" \
    >"$work/delete-topic.log" 2>&1 || { cat "$work/delete-topic.log" >&2; return 1; }
  # What the broker still holds dirty (its own logs, __transaction_state) is written back now, between runs,
  # not by the kernel's flusher during the next one.
  sync
}

# run_client OUT_PREFIX COMMAND...: runs one client JVM under /usr/bin/time; OUT_PREFIX.out/.err/.time
run_client() {
  local prefix="$1"
  shift
  /usr/bin/time -f '%U %S %M' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err" || {
    echo "compare.sh: client failed: $*" >&2
    tail -20 "$prefix.err" >&2
    return 1
  }
}

# run_reference_client OUT_PREFIX COMMAND...: as run_client, for Kafka's producer driven by odradek perf's loop. In
# S9 Kafka's producer expires records (delivery.timeout.ms) where Odradek's delivers them all: that is a result, not
# a broken run, so a run whose only failure is failed records is kept (its records/s counts only the acknowledged
# ones) and the count is reported under the tables. A run that printed no summary still stops the comparison.
run_reference_client() {
  local prefix="$1"
  shift
  if /usr/bin/time -f '%U %S %M' -o "$prefix.time" "$@" >"$prefix.out" 2>"$prefix.err"; then
    return 0
  fi
  local failed
  failed="$(sed -n 's/^odradek perf: \([0-9][0-9]*\) records failed$/\1/p' "$prefix.err" | tail -1)"
  if [ -n "$failed" ] && grep -q '99.9th' "$prefix.out"; then
    # /usr/bin/time put "Command exited with non-zero status 1" before the numbers run_kafka reads.
    sed -i '/^Command exited/d' "$prefix.time"
    echo "$(basename "$prefix"): Kafka's producer failed $failed records" >>"$reference_failures"
    echo "compare.sh: $(basename "$prefix"): Kafka's producer failed $failed records; the run is kept" >&2
    return 0
  fi
  echo "compare.sh: client failed: $*" >&2
  tail -20 "$prefix.err" >&2
  return 1
}

# odradek_perf OUT_PREFIX PERF_ARGS...: `odradek perf` as plain `java -Xmx$HEAP $ODRADEK_JVM_FLAGS -jar odradek.jar`.
odradek_perf() {
  local prefix="$1"
  shift
  # shellcheck disable=SC2086
  run_client "$prefix" "$java_bin" "-Xmx$HEAP" $ODRADEK_JVM_FLAGS -jar "$odradek_jar" perf "$@"
}

# odradek_launcher_perf OUT_PREFIX PERF_ARGS...: `odradek perf` through tools/bin/odradek, its own JVM flags.
odradek_launcher_perf() {
  local prefix="$1"
  shift
  ODRADEK_HEAP="$HEAP" run_client "$prefix" "$root/tools/bin/odradek" perf "$@"
}

# kafka_perf OUT_PREFIX PERF_ARGS...: Kafka's ProducerPerformance with -Xmx$HEAP and KAFKA_JVM_FLAGS; for flags its
# tool lacks (--random-keys), Kafka's KafkaProducer driven by odradek perf's loop (--kafka-producer) instead.
kafka_perf() {
  local prefix="$1"
  shift
  if [[ " $* " == *" --random-keys "* ]]; then
    # shellcheck disable=SC2086
    run_reference_client "$prefix" "$java_bin" "-Xmx$HEAP" $KAFKA_JVM_FLAGS -jar "$odradek_jar" perf --kafka-producer "$@"
    return
  fi
  # shellcheck disable=SC2086
  run_client "$prefix" "$java_bin" "-Xmx$HEAP" $KAFKA_JVM_FLAGS -cp "$kafka_cp" \
    org.apache.kafka.tools.ProducerPerformance "$@"
}

perf_args() { # records size throughput props [scenario]: S8 goes to the TLS listener with its client settings
  local records="$1" size="$2" throughput="$3" props="$4" name="${5:-}"
  if [ "$name" = S8 ]; then
    echo "--num-records $records --record-size $size --throughput $throughput --producer.config $ssl_config --producer-props bootstrap.servers=$ssl_bootstrap $props"
  else
    echo "--num-records $records --record-size $size --throughput $throughput --producer-props bootstrap.servers=$bootstrap $props"
  fi
}

run_odradek() { # scenario round [side]: odradek (default), odradek-compat (perf --compat) or odradek-launcher
  local name="$1" round="$2" side="${3:-odradek}"
  IFS='|' read -r records size partitions throughput threads props description flags <<<"$(scenario "$name")"
  local topic="compare-$name-$side-$round-$RANDOM"
  create_topic "$topic" "$partitions"
  local prefix="$work/$name-$side-$round"
  local compat_flag=""
  if [ "$side" = odradek-compat ]; then
    compat_flag="--compat"
  fi
  local runner=odradek_perf
  if [ "$side" = odradek-launcher ]; then
    runner=odradek_launcher_perf
  fi
  # shellcheck disable=SC2046,SC2086
  "$runner" "$prefix" --topic "$topic" --threads "$threads" $compat_flag $flags \
    $(perf_args "$records" "$size" "$throughput" "$props" "$name")
  delete_topic "$topic"
  local numbers
  numbers="$(summary_numbers "$prefix.out")"
  read -r n rps mbps avg max p50 p95 p99 p999 <<<"$numbers"
  read -r user sys rss <"$prefix.time"
  local cpu
  cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
  echo "$name,$side,$round,1,$n,$rps,$mbps,$avg,$max,$p50,$p95,$p99,$p999,$cpu,$rss,$description" >>"$runs_csv"
  printf '  %s round %s %s: %s records/s, %s MB/s, p99 %s ms, cpu %s s, rss %s KB\n' \
    "$name" "$round" "$side" "$rps" "$mbps" "$p99" "$cpu" "$rss" >&2
}

run_kafka() { # scenario round
  local name="$1" round="$2"
  IFS='|' read -r records size partitions throughput threads props description flags <<<"$(scenario "$name")"
  local topic="compare-$name-kafka-$round-$RANDOM"
  create_topic "$topic" "$partitions"
  local processes="$threads" per_process=$((records / threads)) pids=() i
  local process_throughput="$throughput"
  if [ "$throughput" != "-1" ]; then
    process_throughput="$(awk -v t="$throughput" -v p="$processes" 'BEGIN { print t / p }')"
  fi
  for ((i = 0; i < processes; i++)); do
    # shellcheck disable=SC2046
    kafka_perf "$work/$name-kafka-$round-$i" --topic "$topic" $flags \
      $(perf_args "$per_process" "$size" "$process_throughput" "$props $KAFKA_PROPS" "$name") &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do
    wait "$pid"
  done
  delete_topic "$topic"
  # Sum rates, CPU and RSS over the processes; the worst latencies; the mean of the averages.
  local row
  local lines="" numbers
  for ((i = 0; i < processes; i++)); do
    numbers="$(summary_numbers "$work/$name-kafka-$round-$i.out")"
    lines+="$numbers $(cat "$work/$name-kafka-$round-$i.time")"$'\n'
  done
  row="$(printf '%s' "$lines" | awk '
    { n += $1; rps += $2; mbps += $3; avg += $4; if ($5 > max) max = $5; if ($6 > p50) p50 = $6;
      if ($7 > p95) p95 = $7; if ($8 > p99) p99 = $8; if ($9 > p999) p999 = $9; cpu += $10 + $11; rss += $12; k++ }
    END { printf "%d,%.1f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%.2f,%d", n, rps, mbps, avg / k, max, p50, p95, p99, p999, cpu, rss }')"
  echo "$name,kafka,$round,$processes,$row,$description${KAFKA_PROPS:+ (Kafka also: $KAFKA_PROPS)}" >>"$runs_csv"
  printf '  %s round %s kafka (%s process(es)): %s\n' "$name" "$round" "$processes" "$row" >&2
}

warm_up() {
  local records="${WARMUP_RECORDS:-2000000}"
  if [ "$records" -le 0 ]; then
    return
  fi
  echo "compare.sh: warming the broker up: $records records from each tool, not recorded" >&2
  create_topic compare-warmup 6
  local props="acks=all enable.idempotence=true batch.size=1000000 linger.ms=5"
  # shellcheck disable=SC2046
  odradek_perf "$work/warmup-odradek" --topic compare-warmup $(perf_args "$records" 100 -1 "$props")
  # shellcheck disable=SC2046
  kafka_perf "$work/warmup-kafka" --topic compare-warmup $(perf_args "$records" 100 -1 "$props")
  if [[ " $SCENARIOS " == *" S7 "* ]]; then
    # The broker creates __transaction_state (50 partitions) for the first transactional.id it sees, and its
    # transaction paths start interpreted: without this, the first S7 round (odradek's, on odd rounds) paid for
    # both, ~30% below the rounds after it.
    local txn_records=$((records / 4))
    # shellcheck disable=SC2046
    odradek_perf "$work/warmup-odradek-txn" --topic compare-warmup --transaction-duration-ms 100 \
      $(perf_args "$txn_records" 100 -1 "$props")
    # shellcheck disable=SC2046
    kafka_perf "$work/warmup-kafka-txn" --topic compare-warmup --transaction-duration-ms 100 \
      $(perf_args "$txn_records" 100 -1 "$props")
  fi
  delete_topic compare-warmup
}

warm_up
for name in $SCENARIOS; do
  scenario "$name" >/dev/null
  echo "compare.sh: $name — $(scenario "$name" | cut -d'|' -f7) — $ROUNDS round(s) each, alternating" >&2
  for ((round = 1; round <= ROUNDS; round++)); do
    if [ "$name" = S1C ]; then
      # Both sides are odradek perf: through Kafka's interface and through Odradek's own API.
      if ((round % 2 == 1)); then
        run_odradek "$name" "$round" odradek-compat
        run_odradek "$name" "$round" odradek
      else
        run_odradek "$name" "$round" odradek
        run_odradek "$name" "$round" odradek-compat
      fi
    elif ((round % 2 == 1)); then
      run_odradek "$name" "$round"
      run_kafka "$name" "$round"
      if [ "$LAUNCHER" = 1 ]; then run_odradek "$name" "$round" odradek-launcher; fi
    else
      if [ "$LAUNCHER" = 1 ]; then run_odradek "$name" "$round" odradek-launcher; fi
      run_kafka "$name" "$round"
      run_odradek "$name" "$round"
    fi
  done
done

"$java_bin" -cp "$bench_jar" io.odradek.benchmarks.CompareReport "$runs_csv" \
  "$RESULTS_DIR/compare-$stamp-medians.csv" "$RESULTS_DIR/compare.svg"
if [ -s "$reference_failures" ]; then
  cp "$reference_failures" "$RESULTS_DIR/compare-$stamp-reference-failures.txt"
  echo
  echo "Records Kafka's producer failed (not in its records/s; Odradek's runs failed none, or the script stops):"
  cat "$reference_failures"
fi
echo
echo "runs: $runs_csv"
echo "medians: $RESULTS_DIR/compare-$stamp-medians.csv"
echo "chart: $RESULTS_DIR/compare.svg"
echo "machine: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
