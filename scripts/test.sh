#!/usr/bin/env bash
# The whole test suite, from a fresh machine: system packages, build, every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build
