// Refuses to run outside `npm test`: the tests would otherwise talk to the caller's own bus and keychain.
// `npm run test:portable` runs only the files that need neither (vitest.portable.config.ts), with a fresh home.
export default function requireSession(): void {
  const session = process.env.SERVICEBELL_TEST_SESSION;
  const portableRun = process.env.SERVICEBELL_TEST_PORTABLE_CONFIG === '1';
  if (session === '1' || (session === 'portable' && portableRun)) return;
  throw new Error(
    session === 'portable'
      ? 'A portable run (`npm run test:portable`) has no desktop session: run the whole suite with `npm test`.'
      : 'Run the tests with `npm test`: it starts a private D-Bus session and keyring for them.',
  );
}
