#!/usr/bin/env bash
# DTU scale benchmark: one DtuServer JVM polling DTUS dial-in DTUs played by load-generator JVMs over loopback.
#   benchmarks/dtu-scale.sh [DTUS] [POLL_INTERVAL_S] [MEASURE_S] [HEARTBEAT_S]
# Raises the open-file limit to what DTUS needs (the server holds DTUS sockets, each generator its share); where
# the hard limit forbids it (a container without CAP_SYS_RESOURCE), it says so and stops.
# The server and the generators are separate processes so that the server's heap and CPU are measured alone.
set -euo pipefail
cd "$(dirname "$0")/.."

DTUS=${1:-50000}
INTERVAL=${2:-30}
MEASURE=${3:-120}
HEARTBEAT=${4:-30}
PER_GENERATOR=${PER_GENERATOR:-15000}   # connections per generator JVM; 4 source addresses each
SERVER_HEAP=${SERVER_HEAP:-2g}
JAR=benchmarks/target/benchmarks.jar
LOG=${LOG:-target/dtu-scale}

need=$((DTUS + 2000))
if ! ulimit -n "$need" 2>/dev/null; then
  echo "cannot raise the open-file limit to $need (hard limit $(ulimit -Hn)); run with fewer DTUs" >&2
  exit 1
fi
[ -f "$JAR" ] || ./mvnw -B -q -pl benchmarks -am package -DskipTests
mkdir -p "$LOG"

java -Xms"$SERVER_HEAP" -Xmx"$SERVER_HEAP" -cp "$JAR" io.emms.benchmarks.dtu.DtuScaleServer \
  --dtus="$DTUS" --interval="$INTERVAL" --measure="$MEASURE" --heartbeat="$HEARTBEAT" >"$LOG/server.log" 2>&1 &
server=$!
until grep -q '^READY' "$LOG/server.log"; do
  kill -0 "$server" 2>/dev/null || { cat "$LOG/server.log"; exit 1; }
  sleep 0.5
done
port=$(awk '/^READY/ {print $2}' "$LOG/server.log")

generators=()
first=0
g=0
while [ "$first" -lt "$DTUS" ]; do
  count=$((DTUS - first < PER_GENERATOR ? DTUS - first : PER_GENERATOR))
  java -Xmx1g -cp "$JAR" io.emms.benchmarks.dtu.DtuLoadGenerator --port="$port" --first="$first" \
    --count="$count" --sources=4 --source-base=$((2 + 4 * g)) --heartbeat="$HEARTBEAT" \
    --duration=$((MEASURE + 2 * INTERVAL + 900)) >"$LOG/generator-$g.log" 2>&1 &
  generators+=("$!")
  first=$((first + count))
  g=$((g + 1))
done

wait "$server" || true
for pid in "${generators[@]}"; do kill "$pid" 2>/dev/null || true; done
grep -E '^(online|warm-up|RESULT)' "$LOG/server.log"
for f in "$LOG"/generator-*.log; do tail -n 1 "$f"; done
