#!/usr/bin/env bash
# Builds grcsync-benchmark in release mode and runs it: grcsync against the real git on the same content,
# with an in-process ServiceNow emulator. Arguments are passed on; without any, it measures 1,000, 10,000
# and 100,000 statements three times each and rewrites the results in docs/performance.md.
#
#   scripts/benchmark.sh                                  # the full benchmark (long: 100,000 takes a while)
#   scripts/benchmark.sh --statements 1000 --runs 1       # a quick look, printed only
#   scripts/benchmark.sh --help                           # every option
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap.sh
swift build -c release --product grcsync-benchmark
binary="$(swift build -c release --show-bin-path)/grcsync-benchmark"

if [ $# -eq 0 ]; then
  set -- --statements 1000,10000,100000 --runs 3 --latency-ms 50 --concurrency 5 --push 1000 \
    --output docs/performance.md
fi
exec "$binary" "$@"
