// Vite plugin for launchevent.js: the standard built-ins it uses become
// parameters of a function around the bundle, bound once at load, so code
// reading Math or String in a loop reads a local rather than the global object.
// Why: a host's global object may be the embedder's own (node:vm's is one,
// where every global lookup goes through an interceptor, about 100 ns each):
// Math.imul per character of a 2,000-row sheet cost the send handler 250 ms.
// Only ES2017's own globals are listed, which every runtime it supports has;
// what may be missing (TextDecoder, Intl) is still looked up when used.
import type { Plugin } from 'vite';

export const BOUND_BUILTINS = [
  'Array', 'Date', 'Error', 'Float64Array', 'Int32Array', 'JSON', 'Map', 'Math', 'Number', 'Object', 'Promise', 'RangeError',
  'RegExp', 'Set', 'String', 'Symbol', 'TypeError', 'Uint16Array', 'Uint32Array', 'Uint8Array', 'WeakMap', 'isFinite', 'isNaN', 'parseInt',
] as const;

/**
 * `var Name = (function (Math, …) { <the IIFE bundle, which declares Name> return Name; })(Math, …);`:
 * the bundle's global stays where it was (a harness reads it).
 */
export function boundBuiltins(): Plugin {
  const list = BOUND_BUILTINS.join(', ');
  return {
    name: 'aup-guard:bound-builtins',
    outputOptions(options) {
      const name = options.name;
      if (options.format !== 'iife' || !name) throw new Error('bound-builtins: for an IIFE bundle with a global name only');
      return { ...options, banner: `var ${name} = (function (${list}) {`, footer: `return ${name};\n})(${list});` };
    },
  };
}
