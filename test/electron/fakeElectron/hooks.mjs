// Resolves `electron` to the stand-in next to this file. With SB_FAKE_KEYTAR=fail, importing `keytar` fails the way
// it does on a Linux without libsecret (the native addon cannot be loaded).
const KEYTAR_FAILS = `data:text/javascript,${encodeURIComponent(
  "throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');",
)}`;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: new URL('./electron.mjs', import.meta.url).href, shortCircuit: true };
  if (specifier === 'keytar' && process.env.SB_FAKE_KEYTAR === 'fail') return { url: KEYTAR_FAILS, shortCircuit: true };
  return next(specifier, context);
}
