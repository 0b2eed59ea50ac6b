import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

// Pages live under src/ so the dev server serves them at /teams/index.html,
// /outlook/taskpane.html and /dev/compose.html. The /dev pages are for the
// local demo only and are left out of the production build (issue #7).
export default defineConfig(({ mode }) => ({
  root: src(''),
  publicDir: false,
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: false },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: src('index.html'),
        ...(mode === 'production' ? {} : {}),
      },
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
