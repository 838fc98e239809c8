#!/usr/bin/env bash
# Builds grcsync in release mode and installs it as $PREFIX/bin/grcsync (PREFIX defaults to ~/.local),
# after installing the system packages it needs (scripts/bootstrap.sh). Says so when that folder is not
# on your PATH.
#
#   scripts/install.sh                   # ~/.local/bin/grcsync
#   PREFIX=/usr/local scripts/install.sh  # /usr/local/bin/grcsync (may need sudo)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix="${PREFIX:-$HOME/.local}"
"$root/scripts/bootstrap.sh"
echo "Building grcsync in release mode (the first build takes a few minutes)…" >&2
swift build --package-path "$root" -c release --product grcsync >&2
binary="$(swift build --package-path "$root" -c release --show-bin-path)/grcsync"
install -D -m 755 "$binary" "$prefix/bin/grcsync"
echo "Installed $prefix/bin/grcsync."
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "$prefix/bin is not on your PATH: add  export PATH=\"$prefix/bin:\$PATH\"  to your shell's profile." ;;
esac
