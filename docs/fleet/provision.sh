#!/usr/bin/env bash
# Example deployment step for one machine: pre-seed Servicebell's settings and put its secrets in the OS keychain,
# for one restaurant or several (each restaurant of the settings file has its own secrets).
#
# Run it AS THE USER WHO WILL USE SERVICEBELL, inside their session: the keychain is per user (Windows Credential
# Manager, macOS login keychain, Linux Secret Service on the session bus, which must be unlocked). Run as root or
# SYSTEM, it would fill the wrong keychain.
#
# Usage: provision.sh [--force] CONFIG_JSON
#   --force   replace an existing settings file (default: keep it, so local changes survive a re-run)
#
# Environment:
#   SERVICEBELL_SECRET_CMD  shell command that prints one secret on stdout; the secret's name is in $SECRET_NAME and
#                           its restaurant's settings id in $RESTAURANT. Default: HashiCorp Vault, one field per secret
#                           under secret/servicebell/<restaurant>. Other examples:
#                           'op read "op://Fleet/Servicebell-$RESTAURANT/$SECRET_NAME"' (1Password),
#                           'aws secretsmanager get-secret-value --secret-id "servicebell/$RESTAURANT/$SECRET_NAME" --query SecretString --output text'
#   SERVICEBELL_RESTAURANTS which restaurants to provision secrets for (ids, space-separated; default: every restaurant
#                           of CONFIG_JSON, as `servicebell config restaurants` lists them)
#   SERVICEBELL_SECRETS     which secrets each restaurant uses (default: all five; name only those your restaurants
#                           use, e.g. 'mqtt.password smsapi.token', when the secret store holds no others)
#   SERVICEBELL_CLI         the servicebell command (default: servicebell)
#
# Secret values only ever travel through a pipe: never on a command line (visible in `ps`), never in a file,
# never in this script's output.
set -euo pipefail

cli="${SERVICEBELL_CLI:-servicebell}"
secret_cmd="${SERVICEBELL_SECRET_CMD:-vault kv get -field=\"\$SECRET_NAME\" \"secret/servicebell/\$RESTAURANT\"}"
secrets="${SERVICEBELL_SECRETS:-vonage.backendToken privmx.apiKeySecret smsapi.token mqtt.password ntfy.token}"

force=0
if [ "${1:-}" = "--force" ]; then force=1; shift; fi
source_config="${1:?usage: provision.sh [--force] CONFIG_JSON}"

# The restaurants come from the file being deployed (the CLI validates it; an invalid file stops here).
if [ -n "${SERVICEBELL_RESTAURANTS:-}" ]; then
  restaurants="$SERVICEBELL_RESTAURANTS"
else
  restaurants="$($cli config restaurants --config "$source_config" | cut -f1)"
fi

# The CLI knows the per-OS settings path (the same one the tray app reads).
config_file="$($cli config path)"
if [ -e "$config_file" ] && [ "$force" -ne 1 ]; then
  echo "settings: kept existing $config_file (use --force to replace it)"
else
  mkdir -p "$(dirname "$config_file")"
  # Write next to the target, then rename: the app never sees a half-written file.
  tmp="$(mktemp "$config_file.XXXXXX")"
  cp "$source_config" "$tmp"
  chmod 0600 "$tmp"  # as the app itself writes it
  mv -f "$tmp" "$config_file"
  echo "settings: wrote $config_file"
fi

for restaurant in $restaurants; do
  for name in $secrets; do
    # If the secret store fails, pipefail stops here; the CLI refuses the empty input, so nothing half-set is stored.
    RESTAURANT="$restaurant" SECRET_NAME="$name" sh -c "$secret_cmd" | $cli credentials set "$name" --restaurant "$restaurant"
  done
done
