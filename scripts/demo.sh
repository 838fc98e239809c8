#!/usr/bin/env bash
# grcsync's main job end to end against the built-in ServiceNow emulator, from a fresh machine:
# system packages (once), a debug build, then `grcsync demo` with any arguments given here
# (e.g. scripts/demo.sh --keep-running). The demo workspace is left in ./grcsync-demo of the directory
# you run this from, unless you pass --directory.
set -euo pipefail
here="$(pwd)"
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/bootstrap.sh"
echo "Building grcsync (the first build takes a few minutes)…" >&2
swift build --package-path "$root" --product grcsync >&2
cd "$here"
exec "$root/.build/debug/grcsync" demo "$@"
