// A release must be signed, and notarized on macOS, but electron-builder only logs a warning and builds an unsigned
// app when the variables are missing. `npm run release` runs this first so a release job fails loudly instead.
// Usage: node scripts/checkSigningEnv.mjs [darwin|win32|linux]   (default: this machine's platform)
const platform = process.argv[2] ?? process.platform;
const set = (...names) => names.every((n) => (process.env[n] ?? '') !== '');
const missing = [];

if (platform === 'darwin') {
  if (!set('CSC_LINK', 'CSC_KEY_PASSWORD') && !set('CSC_NAME')) {
    missing.push('signing: CSC_LINK + CSC_KEY_PASSWORD (Developer ID Application .p12), or CSC_NAME (identity in the keychain)');
  }
  if (!set('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER')) {
    missing.push('notarization: APPLE_API_KEY (path to the AuthKey_<id>.p8 file), APPLE_API_KEY_ID, APPLE_API_ISSUER');
  }
} else if (platform === 'win32') {
  const certificate = set('CSC_LINK', 'CSC_KEY_PASSWORD') || set('WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD');
  const azure = set('AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET');
  if (!certificate && !azure) {
    missing.push('signing: CSC_LINK + CSC_KEY_PASSWORD (.pfx), or AZURE_TENANT_ID + AZURE_CLIENT_ID + AZURE_CLIENT_SECRET with win.azureSignOptions');
  }
}
// Linux: AppImage and deb are not code-signed; their integrity comes from the https feed's sha512 in latest-linux.yml.

if (missing.length > 0) {
  process.stderr.write(`release for ${platform} would not be signed; missing:\n${missing.map((m) => `  - ${m}\n`).join('')}`);
  process.exit(1);
}
process.stdout.write(`signing variables for ${platform}: present\n`);
