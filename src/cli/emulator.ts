// `npm run emulator -- [--port 4010] [--data .data/emulator.sqlite] [--empty] [--faults 0.2]`
//
// Runs the local Microsoft Graph emulator on its own. A new data file gets the
// demo school unless --empty; an existing one is used as it is.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startEmulator, DEMO_USERS, type FaultKind } from '../emulator/index';

const USAGE = `Usage: npm run emulator -- [options]

  --port <n>          port to listen on (default 4010; 0 picks a free one)
  --data <file>       SQLite data file (default .data/emulator.sqlite; ':memory:' keeps nothing)
  --empty             a new data file gets staff and groups only, no lists (for provisioning)
  --faults <rate>     fail this fraction of requests (0..1) with 429 or 503
  --fault-kinds <k>   comma-separated: 429, 503, commit-then-503 (default 429,503)
  --retry-after <s>   seconds in the 429s' Retry-After (default 1)
  --help              this text`;

export async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '4010' },
      data: { type: 'string', default: '.data/emulator.sqlite' },
      empty: { type: 'boolean', default: false },
      faults: { type: 'string' },
      'fault-kinds': { type: 'string', default: '429,503' },
      'retry-after': { type: 'string', default: '1' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${values.port}`);
  const rate = values.faults === undefined ? 0 : Number(values.faults);
  if (!(rate >= 0 && rate <= 1)) throw new Error(`--faults must be a fraction between 0 and 1, got ${values.faults}`);
  const kinds = values['fault-kinds'].split(',').map((k) => k.trim()) as FaultKind[];
  const dataFile = values.data === ':memory:' ? values.data : resolve(values.data);

  const emulator = await startEmulator({
    port,
    dataFile,
    seed: values.empty ? 'empty' : 'demo',
    ...(rate > 0 ? { faults: { rate, kinds, retryAfterSeconds: Number(values['retry-after']) } } : {}),
  });
  // Tests and scripts wait for this exact line.
  console.log(`Graph emulator listening on ${emulator.url} (Graph: ${emulator.url}/v1.0, data: ${dataFile})`);
  console.log(`  Demo sign-in: POST ${emulator.url}/_dev/token {"upn": "${DEMO_USERS.staff}"}; all users: GET ${emulator.url}/_dev/users`);
  if (rate > 0) console.log(`  Injecting faults into ${Math.round(rate * 100)}% of requests (${kinds.join(', ')})`);

  const stop = (signal: string): void => {
    console.log(`Graph emulator: ${signal}, closing`);
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
