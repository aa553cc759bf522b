#!/usr/bin/env bash
# The main job: build and start the reference server on its embedded defaults — an embedded MariaDB under
# ./emms-data, a demo fleet of simulated DL/T 645 and Modbus meters on loopback, the API on http://127.0.0.1:8645/.
# It prints the URL and a one-time token to create the first administrator; Ctrl-C stops it cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -DskipTests -pl emms-server-reference -am package
exec java -jar emms-server-reference/target/emms-server.jar "$@"
