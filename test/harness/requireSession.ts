// Refuses to run outside `npm test`: the tests would otherwise talk to the caller's own bus and keychain.
export default function requireSession(): void {
  if (process.env.SERVICEBELL_TEST_SESSION !== '1') {
    throw new Error('Run the tests with `npm test`: it starts a private D-Bus session and keyring for them.');
  }
}
