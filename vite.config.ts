import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
// .js extensions on the config's own imports: vite's coming native config loader needs them.
import { officeJsFromCdn } from './src/outlook/vite-office-js.js';
import { fileURLToPath } from 'node:url';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

/** Every .html page under src/, keyed by its path; src/dev/ is left out unless asked for. */
function pages(includeDev: boolean): Record<string, string> {
  const root = src('');
  const found: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      const rel = relative(root, full);
      if (entry.isDirectory()) {
        if (!includeDev && rel === 'dev') continue;
        walk(full);
      } else if (entry.name.endsWith('.html')) {
        found[rel.replace(/\.html$/, '')] = full;
      }
    }
  };
  walk(root);
  return found;
}

// Pages live under src/ so the dev server serves them at /teams/index.html,
// /outlook/taskpane.html and /dev/compose.html. The /dev pages are for the
// local demo only and are left out of the production build (issue #7).
export default defineConfig(({ mode }) => ({
  root: src(''),
  publicDir: false,
  // Production add-in pages load office.js from Microsoft's CDN (issue #7).
  plugins: [react(), officeJsFromCdn()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: false },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // No maps in a deployable build (issue #10): `npm run package` writes them beside dist/ instead.
    sourcemap: mode !== 'production',
    rollupOptions: {
      // `vite build --mode demo` keeps the local-only pages for end-to-end tests.
      input: pages(mode !== 'production'),
    },
  },
  test: {
    root: projectRoot,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: projectRoot,
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // The first jsdom test in a file pays for jsdom, React and Fluent's import; on
          // 2 busy cores that alone passed vitest's 5 s default (DemoSignIn, ManagerView).
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: projectRoot,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
}));
