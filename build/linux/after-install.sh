#!/bin/bash
# Servicebell deb: after install. Written for Servicebell (electron-builder fills in the dollar-brace macros; plain
# shell variables below use $name only, since every dollar-brace name must be one of its macros).
# Differs from electron-builder's default in one place: /usr/bin/${executable} is the display-free CLI wrapper
# (resources/servicebell-cli), not the app binary itself. The .desktop entry starts the binary directly.
set -u

app_dir='/opt/${sanitizedProductName}'
wrapper="$app_dir/resources/servicebell-cli"
link='/usr/bin/${executable}'

chmod 0755 "$wrapper" || true
if command -v update-alternatives >/dev/null 2>&1; then
  # A plain symlink left by an older version would block the alternative.
  if [ -L "$link" ] && [ "$(readlink "$link")" != '/etc/alternatives/${executable}' ]; then rm -f "$link"; fi
  update-alternatives --install "$link" '${executable}' "$wrapper" 100 || ln -sf "$wrapper" "$link"
else
  ln -sf "$wrapper" "$link"
fi

# Chromium's sandbox: unprivileged user namespaces if the kernel allows them, else the setuid helper.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
  chmod 0755 "$app_dir/chrome-sandbox" || true
else
  chmod 4755 "$app_dir/chrome-sandbox" || true
fi

if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database /usr/share/applications || true; fi
if command -v update-mime-database >/dev/null 2>&1; then update-mime-database /usr/share/mime || true; fi

# Ubuntu 24.04+ restricts user namespaces through AppArmor: install the profile electron-builder ships, when this
# AppArmor accepts it (22.04 does not know its abi and runs the app without it).
profile_src="$app_dir/resources/apparmor-profile"
profile_dst='/etc/apparmor.d/${executable}'
if [ -f "$profile_src" ] && apparmor_status --enabled >/dev/null 2>&1; then
  if apparmor_parser --skip-kernel-load --debug "$profile_src" >/dev/null 2>&1; then
    cp -f "$profile_src" "$profile_dst"
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache "$profile_dst" || true
    fi
  fi
fi
exit 0
