#!/usr/bin/env bash
# The whole test suite, from a fresh machine: system packages, build, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --build-tests
# Serial: end-to-end suites each run an in-process emulator, and on a 2-core machine suites running
# side by side can starve one another of Swift concurrency threads. The timeout turns a hang into a
# failure instead of a silent wait.
timeout 2700 swift test --skip-build --no-parallel
