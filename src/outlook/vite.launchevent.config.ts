// Second build (issue #6): the send-time handlers as ONE classic script.
// Classic Outlook on Windows loads launchevent.js into a JavaScript-only
// runtime that has no module loader, DOM, Intl or localStorage, so this is an
// IIFE with no imports left, targeting ES2017, written beside the main build
// (emptyOutDir: false keeps the pages the first build wrote).
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { boundBuiltins } from './vite-builtins';
import { packedVocabulary } from './vite-vocabulary';

export default defineConfig({
  publicDir: false,
  // Vite's dev-only `import.meta.env` is replaced at build time; production
  // keeps the harness-only seams out of the file Outlook loads.
  mode: 'production',
  plugins: [packedVocabulary(), boundBuiltins()],
  build: {
    target: 'es2017',
    outDir: fileURLToPath(new URL('../../dist/outlook', import.meta.url)),
    emptyOutDir: false,
    // None in dist/ (issue #10); `npm run package` asks for hidden maps and keeps them beside it.
    sourcemap: false,
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./launchevent.ts', import.meta.url)),
      name: 'AupGuardLaunchEvent',
      formats: ['iife'],
      fileName: () => 'launchevent.js',
    },
    rollupOptions: {
      // valibot builds its emoji, Intl.Segmenter-free-but-\p{Emoji} regexes at
      // module load. `\p{…}` is ES2018 and a SyntaxError in an ES2017 engine,
      // and the engine never uses them, so calls to RegExp are declared pure
      // and dropped when unused.
      treeshake: { manualPureFunctions: ['RegExp'] },
      // ES2017 has no class fields, so each is lowered: by default to a
      // defineProperty helper call per field, declared-only ones included (156
      // of them, noble's hashers' among them). As TypeScript's
      // useDefineForClassFields: false, a field with a value is assigned in the
      // constructor and a declared-only one is left to the constructor that
      // sets it. The same for these classes: none has a field over an accessor
      // or reads a field before setting it (0.4 KB gzip).
      transform: { assumptions: { setPublicClassFields: true }, typescript: { removeClassFieldsWithoutInitializer: true } },
    },
  },
});
