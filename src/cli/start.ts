// `npm start`: the local demo. The Graph emulator on 4010 (data in
// .data/demo.sqlite, seeded with the demo school the first time) beside vite's
// dev server on 5173. Ctrl+C closes both.
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { startEmulator, DEMO_USERS } from '../emulator/index';

const EMULATOR_PORT = Number(process.env.AUP_EMULATOR_PORT ?? 4010);
const DATA_FILE = resolve(process.env.AUP_EMULATOR_DATA ?? '.data/demo.sqlite');

const emulator = await startEmulator({ port: EMULATOR_PORT, dataFile: DATA_FILE, seed: 'demo' });
const vite = await createServer({ configFile: new URL('../../vite.config.ts', import.meta.url).pathname });
await vite.listen();

vite.printUrls();
console.log(`  ➜  Graph emulator: ${emulator.url}/v1.0  (data: ${DATA_FILE})`);
console.log(`  ➜  Demo users: ${emulator.url}/_dev/users — try ${DEMO_USERS.staff} (staff), ${DEMO_USERS.manager} (manager), ${DEMO_USERS.admin} (admin)`);

let stopping = false;
const stop = async (signal: string): Promise<void> => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the dev server and the emulator`);
  const results = await Promise.allSettled([vite.close(), emulator.close()]);
  process.exit(results.every((r) => r.status === 'fulfilled') ? 0 : 1);
};
process.once('SIGINT', () => void stop('SIGINT'));
process.once('SIGTERM', () => void stop('SIGTERM'));
