#!/usr/bin/env bash
# The main job until the reference server exists: build the CLI, start two simulated DL/T 645-2007 meters on
# loopback TCP and read energy, voltages, currents, power, frequency, relay state and clock through the CLI; then
# poll a mixed fleet (docs/fleets/demo.yaml: those two meters, and DL/T 645 meters of both editions beside two
# Modbus RTU meters on one line behind a simulated transparent gateway) once with `emms poll`.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${EMMS_DEMO_PORT:-16450}"
LINE_PORT="${EMMS_DEMO_LINE_PORT:-16451}"
JAR=emms-cli/target/emms.jar

./mvnw -B -q -DskipTests -pl emms-cli -am package
java -jar "$JAR" simulate dlt645 --tcp "$PORT" --meters 000102030425,000102030426 --initial-kwh 1206.42 &
SIM=$!
java -jar "$JAR" simulate line --tcp "$LINE_PORT" --meter dlt645-2007:000000000011 \
  --meter dlt645-1997:000000000013 --meter modbus:1:sdm630 --meter modbus:2:ddsu666 &
LINE_SIM=$!
FLEET="$(mktemp)"
trap 'kill $SIM $LINE_SIM 2>/dev/null; wait $SIM $LINE_SIM 2>/dev/null || true; rm -f "$FLEET"' EXIT

for port in "$PORT" "$LINE_PORT"; do
  for _ in $(seq 1 60); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    sleep 0.5
  done
done

for meter in 000102030425 000102030426; do
  java -jar "$JAR" read dlt645 --tcp "127.0.0.1:$PORT" --address "$meter" \
    --di 00010000 --di 0001FF00 --di 0201FF00 --di 0202FF00 --di 02030000 --di 02060000 \
    --di 02800002 --di 04000503 --di 04000101 --di 04000102
done

# The mixed fleet, polled once: one JSON reading per line on stdout, the per-line and per-meter summary on stderr.
sed -e "s/127.0.0.1:16450/127.0.0.1:$PORT/" -e "s/127.0.0.1:16451/127.0.0.1:$LINE_PORT/" docs/fleets/demo.yaml > "$FLEET"
java -jar "$JAR" poll --fleet "$FLEET" --once
