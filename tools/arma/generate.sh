#!/bin/sh
# Regenerates emms-analytics/src/test/resources/arma from R and statsmodels (Debian: python3-statsmodels,
# r-base-core). Prints the timing anchors of R and statsmodels on the n = 35040 benchmark series.
set -e
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../emms-analytics/src/test/resources/arma"
tmp=$(mktemp -d)
/usr/bin/python3 "$here/reference.py" data "$data"
/usr/bin/python3 "$here/reference.py" bench "$data" "$tmp/bench.csv" > "$tmp/sm-bench.txt"
cp "$data"/cases.csv "$tmp"/ && for f in "$data"/*.csv; do cp "$f" "$tmp"/; done
Rscript "$here/reference.R" "$tmp" "$tmp"
/usr/bin/python3 "$here/reference.py" refs "$data" "$tmp"
cat "$tmp/sm-bench.txt"
rm -rf "$tmp"
