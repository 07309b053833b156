#!/usr/bin/env bash
# Chat fan-out benchmark (README: Benchmarks). Two query-side nodes in one JVM on the local PostgreSQL,
# Redis and the MongoDB stand-in (or MONGODB_URI), N STOMP subscribers across both on loopback, messages at
# three rising rates: first a baseline (write the view document, publish to Redis directly), then the
# pipeline (event store -> chat processor -> views -> Redis -> both nodes). Bounded: 3 rates x SECONDS each.
#   SUBSCRIBERS=200 SECONDS=5 RATES="10 20 40" bench/chat-fanout.sh
set -euo pipefail
cd "$(dirname "$0")/.."
read -r r1 r2 r3 <<<"${RATES:-10 20 40}"
./mvnw -o -q -B -pl query-side verify -Dit.test=ChatFanOutBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.subscribers="${SUBSCRIBERS:-200}" -Dbench.seconds="${SECONDS_PER_RATE:-5}" \
  -Dbench.rate1="$r1" -Dbench.rate2="$r2" -Dbench.rate3="$r3" 2>&1 | tee /tmp/chat-fanout.log | grep -A4 "chat fan-out:"
