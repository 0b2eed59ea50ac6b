// A script that stands in for an ES2017 engine's RegExp, to run in a node:vm
// context before the code under test. Bundlers lower regex literals the target
// can't parse into RegExp(...) calls, which then throw at load time in such an
// engine: this RegExp rejects ES2018+ syntax (property escapes, named
// backreferences, lookbehind, named groups) and the dotAll flag, as classic
// Outlook's runtime may.
export const ES2017_REGEXP = String.raw`(() => {
  const Native = RegExp;
  const es2018 = /\\[pPk][{<]|\(\?<[=!]|\(\?<[A-Za-z]/;
  const Limited = function (pattern, flags) {
    const source = pattern instanceof Native ? pattern.source : String(pattern);
    const f = flags === undefined ? (pattern instanceof Native ? pattern.flags : '') : String(flags);
    if (es2018.test(source) || f.includes('s')) throw new SyntaxError('Invalid regular expression in ES2017: /' + source + '/' + f);
    return new Native(pattern, flags);
  };
  Limited.prototype = Native.prototype;
  globalThis.RegExp = Limited;
})();`;
