#!/usr/bin/env bash
# Installs the system libraries grcsync builds against (Debian 12 / Ubuntu), once. Idempotent: it
# checks with dpkg first and only calls apt-get for what is missing.
set -euo pipefail

packages=(libgit2-dev zlib1g-dev libmbedtls-dev libcurl4-openssl-dev libyaml-dev libxml2-dev pkg-config
          libcmark-gfm-dev libcmark-gfm-extensions-dev git openssh-client)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH: install Swift 6 (swift.org) first." >&2; exit 1; }
