// Library members newer than ES2017 that a dependency bundled into
// launchevent.js calls: vite's es2017 target rewrites syntax, never the
// standard library. @noble/hashes (SHA-256, HMAC) calls Object.hasOwn (ES2022)
// when its hashers are created, at load time, so without it the whole script
// would fail to load in an ES2017 runtime and no send check would run.
// Imported first by launchevent.ts; defines only what is missing.
const objectWith = Object as ObjectConstructor & { hasOwn?: (o: object, key: PropertyKey) => boolean };
if (typeof objectWith.hasOwn !== 'function') {
  Object.defineProperty(Object, 'hasOwn', {
    value: (o: object, key: PropertyKey): boolean => Object.prototype.hasOwnProperty.call(o, key),
    configurable: true,
    writable: true,
  });
}
export {};
