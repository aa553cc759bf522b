#!/usr/bin/env bash
# The main job until the reference server exists: build the CLI, start two simulated DL/T 645-2007 meters on
# loopback TCP, and read energy, voltages, currents, power, frequency, relay state and clock through the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${EMMS_DEMO_PORT:-16450}"
JAR=emms-cli/target/emms.jar

./mvnw -B -q -DskipTests -pl emms-cli -am package
java -jar "$JAR" simulate dlt645 --tcp "$PORT" --meters 000102030425,000102030426 --zone Asia/Shanghai &
SIM=$!
trap 'kill $SIM 2>/dev/null; wait $SIM 2>/dev/null || true' EXIT

for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.5
done

for meter in 000102030425 000102030426; do
  java -jar "$JAR" read dlt645 --tcp "127.0.0.1:$PORT" --address "$meter" --zone Asia/Shanghai \
    --di 00010000 --di 0001FF00 --di 0201FF00 --di 0202FF00 --di 02030000 --di 02060000 \
    --di 02800002 --di 04000503 --di 04000101 --di 04000102
done
