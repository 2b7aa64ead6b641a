#!/bin/sh
# `servicebell` on Linux installs (deb: /usr/bin/servicebell points here, at /opt/Servicebell/resources/servicebell-cli).
#
# The app binary is also the command line (the RunAsNode fuse is off), but Chromium needs a display to start and
# exits with "Missing X server or $DISPLAY" over SSH, on a text console or in a provisioning script. Every CLI
# command therefore runs with Chromium's headless Ozone platform, which needs no display; anything else (no
# argument, a servicebell:// activation, Chromium switches) starts the tray app as before.
# The commands listed here must match CLI_COMMANDS in main/core/headless/cliProgram.ts (a test checks it).
set -eu

self=$(readlink -f "$0")
app="$(dirname "$(dirname "$self")")/servicebell"

case "${1:-}" in
  headless | credentials | check | config | diagnostics | help | --help | -h | --version | -V | -v)
    exec "$app" --ozone-platform=headless "$@"
    ;;
  *)
    exec "$app" "$@"
    ;;
esac
