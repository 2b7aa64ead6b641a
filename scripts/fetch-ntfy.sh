#!/usr/bin/env bash
# The ntfy server for the tests and benchmarks. It is not in bookworm; Debian trixie packages ntfy 2.11, whose binary
# runs on bookworm (it links only libc and libsqlite3). Fetched with apt from the mirror the system already uses, but
# with a private sources list and private state/cache folders: the system's apt sources and state are never touched.
# Unpacked with `dpkg-deb -x` into .cache/ntfy/ in the repository (the harness looks there). Idempotent: a present,
# working binary is kept, and the downloaded .deb is cached per user, so a second run needs no network.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
target="$repo/.cache/ntfy"
bin="$target/usr/bin/ntfy"
if [ -x "$bin" ] && "$bin" --help >/dev/null 2>&1; then
  echo "ntfy server: present ($bin)"
  exit 0
fi
apt_dir="${XDG_CACHE_HOME:-$HOME/.cache}/servicebell/apt-trixie"
mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs"
deb="$(ls "$apt_dir"/debs/ntfy_*.deb 2>/dev/null | head -n1 || true)"
if [ -z "$deb" ]; then
  # Same URIs and Signed-By as the system's Debian source, suite trixie only.
  uris="http://deb.debian.org/debian"
  keyring="/usr/share/keyrings/debian-archive-keyring.gpg"
  system_sources=/etc/apt/sources.list.d/debian.sources
  if [ -f "$system_sources" ]; then
    found_uri="$(awk '/^URIs:/{print $2; exit}' "$system_sources")"
    found_key="$(awk '/^Signed-By:/{print $2; exit}' "$system_sources")"
    [ -n "$found_uri" ] && uris="$found_uri"
    [ -n "$found_key" ] && keyring="$found_key"
  fi
  printf 'Types: deb\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uris" "$keyring" >"$apt_dir/sources/trixie.sources"
  opts=(-o "Dir::Etc::sourcelist=/dev/null" -o "Dir::Etc::sourceparts=$apt_dir/sources" -o "Dir::State::Lists=$apt_dir/lists"
        -o "Dir::Cache=$apt_dir/cache" -o "Dir::State::status=/var/lib/dpkg/status" -o "APT::Sandbox::User=root")
  echo "ntfy server: fetching the trixie package (private apt state in $apt_dir)"
  apt-get "${opts[@]}" -qq update
  (cd "$apt_dir/debs" && apt-get "${opts[@]}" -qq download ntfy)
  deb="$(ls "$apt_dir"/debs/ntfy_*.deb | head -n1)"
fi
rm -rf "$target"
mkdir -p "$target"
dpkg-deb -x "$deb" "$target"
"$bin" --help >/dev/null
echo "ntfy server: $("$bin" --help 2>&1 | grep -m1 -io 'ntfy [0-9][0-9.]*' || basename "$deb") in $target"
