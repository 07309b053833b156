#!/usr/bin/env bash
# Chat fan-out benchmark (README: Benchmarks). Two query-side nodes in one JVM and command-side in a process
# of its own, on the local PostgreSQL, Redis and the MongoDB stand-in, N STOMP subscribers across both nodes
# on loopback, messages at three rising rates: first a baseline (write the view document, publish to Redis
# directly), then the pipeline (command-side REST -> Group aggregate -> event store -> announcement ->
# chat processor -> views -> Redis -> both nodes). After a warm-up, bounded: 3 rates x SECONDS each.
#   SUBSCRIBERS=200 SECONDS_PER_RATE=5 RATES="10 20 40" bench/chat-fanout.sh
set -euo pipefail
cd "$(dirname "$0")/.."
read -r r1 r2 r3 <<<"${RATES:-10 20 40}"
bin/local-services
# the modules query-side's tests need, and command-side's jar, which the benchmark starts
./mvnw -q -B -pl command-side,query-side -am install -DskipTests
./mvnw -q -B -pl query-side verify -Dit.test=ChatFanOutBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.subscribers="${SUBSCRIBERS:-200}" -Dbench.seconds="${SECONDS_PER_RATE:-5}" \
  -Dbench.rate1="$r1" -Dbench.rate2="$r2" -Dbench.rate3="$r3" 2>&1 | tee /tmp/chat-fanout.log | grep -A4 "chat fan-out:"
