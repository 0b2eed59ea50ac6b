// Flat config: one lint tool for the whole repo (issue #2).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Hosts and I/O the pure engine must never reach: Outlook's send-time runtime
// has no DOM, no network and no Intl (office-js issue #4631).
const hostModules = [
  'react', 'react-dom', 'react/*', 'react-dom/*',
  '@fluentui/*', '@microsoft/teams-js', '@microsoft/microsoft-graph-client',
  '@azure/*', 'node:*', 'fs', 'path', 'http', 'https', 'better-sqlite3',
];

// Classic Outlook on Windows runs the send handler in an ES2017 runtime: ES2018
// regular expressions (property escapes, lookbehind, named groups, dotAll) are a
// SyntaxError there when the bundle loads, so no message could be checked.
const ES2017_REGEXP = "Classic Outlook's send-time runtime is ES2017: no \\p{…}, lookbehind, named groups or the s flag in the engine's regular expressions.";
// ES2018+ regular expression syntax, as an esquery regex: \p{ or \P{, (?<= or (?<!, (?<name>, \k<name>.
const ES2018_REGEXP_SYNTAX = String.raw`/\\[pP]\{|\(\?<[=!]|\(\?<[A-Za-z]|\\k</`;

// Shared by both blocks below: a later block's no-restricted-syntax replaces, not extends, an earlier one's.
const engineSyntax = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Never read the clock inside the engine: take the time as an argument.' },
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Never read the clock inside the engine: take the time as an argument.' },
  { selector: "MemberExpression[property.name=/^toLocale/]", message: 'toLocale* uses Intl, which the send-time runtime lacks.' },
];
const es2017RegExpSyntax = [
  { selector: `Literal[regex.pattern=${ES2018_REGEXP_SYNTAX}]`, message: ES2017_REGEXP },
  { selector: 'Literal[regex.flags=/s/]', message: ES2017_REGEXP },
  { selector: `NewExpression[callee.name='RegExp'] Literal[value=${ES2018_REGEXP_SYNTAX}]`, message: ES2017_REGEXP },
  { selector: `NewExpression[callee.name='RegExp'] TemplateElement[value.raw=${ES2018_REGEXP_SYNTAX}]`, message: ES2017_REGEXP },
  { selector: "NewExpression[callee.name='RegExp'] > Literal.arguments:nth-child(2)[value=/s/]", message: ES2017_REGEXP },
];

// Globals the pure engine must not touch, shared by the blocks below for the same reason.
const engineGlobals = [
  { name: 'Intl', message: "Outlook's send-time runtime lacks Intl (office-js #4631)." },
  { name: 'window', message: 'No DOM in the engine.' },
  { name: 'document', message: 'No DOM in the engine.' },
  { name: 'fetch', message: 'No network in the engine.' },
  { name: 'localStorage', message: 'No storage in the engine.' },
  { name: 'navigator', message: 'No DOM in the engine.' },
];
// Everything launchevent.js bundles runs in classic Outlook's ES2017 runtime:
// library members newer than ES2017 would be undefined there (vite's es2017
// target rewrites syntax, never the library), and TextDecoder/TextEncoder may
// be missing (text-decode.ts looks TextDecoder up on globalThis and falls back).
const ES2017_LIBRARY = "Classic Outlook's send-time runtime is ES2017: this library member is newer.";
const es2017Library = ['flat', 'flatMap', 'fromEntries', 'matchAll', 'replaceAll', 'trimStart', 'trimEnd', 'at', 'allSettled', 'any', 'hasOwn', 'findLast', 'findLastIndex']
  .map((property) => ({ property, message: ES2017_LIBRARY }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/compose-check/**/*.ts', 'src/policy/**/*.ts'],
    ignores: ['**/__tests__/**', '**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: hostModules, message: 'src/compose-check and src/policy are pure: no host, DOM or network imports.' },
          { group: ['**/graph/**', '**/teams/**', '**/outlook/**', '**/emulator/**', '**/cli/**'], message: 'Dependencies point inward: the engine imports nothing from adapters.' },
        ],
      }],
      'no-restricted-globals': ['error', ...engineGlobals],
      'no-restricted-syntax': ['error', ...engineSyntax],
    },
  },
  {
    // src/ui is shared by the Teams tab and the Outlook pane, so it may not reach back into either.
    files: ['src/ui/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/teams/**', '**/outlook/**'], message: 'src/ui is shared: it imports nothing from the Teams tab or the Outlook add-in.' }],
      }],
    },
  },
  {
    // Only what launchevent.js bundles runs in classic Outlook's ES2017 runtime: the
    // engine and the clauses it cites. The policy page's slugger runs in browsers and keeps \p{L}.
    files: ['src/compose-check/**/*.ts', 'src/policy/clauses.ts'],
    ignores: ['**/__tests__/**', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': ['error', ...engineSyntax, ...es2017RegExpSyntax],
    },
  },
  {
    // What launchevent.js bundles (test/outlook checks the bundle itself parses as ES2017).
    files: ['src/compose-check/**/*.ts', 'src/policy/clauses.ts', 'src/policy/hash.ts', 'src/outlook/launchevent.ts',
      'src/outlook/send/**/*.ts', 'src/outlook/office/**/*.ts', 'src/outlook/cache/**/*.ts', 'src/outlook/present/**/*.ts'],
    ignores: ['**/__tests__/**', '**/*.test.ts'],
    rules: {
      'no-restricted-properties': ['error', ...es2017Library],
    },
  },
  {
    files: ['src/compose-check/extract/**/*.ts'],
    ignores: ['**/__tests__/**', '**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...engineGlobals,
        { name: 'TextDecoder', message: 'The send-time runtime may lack TextDecoder: use text-decode.ts.' },
        { name: 'TextEncoder', message: 'The send-time runtime may lack TextEncoder.' },
        { name: 'Buffer', message: 'Node only: use Uint8Array.' },
      ],
      'no-restricted-properties': ['error', ...es2017Library],
    },
  },
);
