#!/usr/bin/env bash
# Debian/Ubuntu packages Servicebell's tests and demo need: libsecret headers (keytar builds from source),
# gnome-keyring + dbus (a private keychain and session bus per test run), libnotify-bin, Xvfb, Chromium (page tests),
# and the real push servers the MQTT/ntfy tests start: mosquitto (+ clients), nats-server, and ntfy (see below).
set -euo pipefail
packages=(libsecret-1-dev gnome-keyring dbus dbus-x11 libnotify-bin xvfb chromium mosquitto mosquitto-clients nats-server)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
else
  echo "installing: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# The distribution's mosquitto service is not what the tests use (they start their own on free ports); leave it be.

bash "$(dirname "$0")/fetch-ntfy.sh"
