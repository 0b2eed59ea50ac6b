// `npm run package [-- --env .env] [--out dist]`: builds the production
// site with the school's settings from .env and writes dist/teams-app.zip and
// dist/outlook-addin.xml beside it. docs/deployment.md walks through the rest.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { EnvError } from './package/env';
import { packageApp } from './package/run';

const rootDir = resolve(import.meta.dirname, '../..');

/** Exit codes: 0 done, 1 build or packaging failed, 2 .env missing or wrong, 64 bad command line. */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        env: { type: 'string', default: '.env' },
        out: { type: 'string', default: 'dist' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 64;
  }
  if (args.help) {
    console.log('Usage: npm run package -- [--env .env] [--out dist]\nBuilds the site for your school and writes teams-app.zip and outlook-addin.xml into the output folder.');
    return 0;
  }
  const envFile = resolve(rootDir, args.env);
  const outDir = resolve(rootDir, args.out);
  try {
    const result = await packageApp({ rootDir, envFile, outDir });
    console.log(`AUP Guard ${result.version} packaged for ${result.env.baseUrl}
  ${outDir}/          upload this folder to ${result.env.baseUrl}
  ${outDir}/teams-app.zip       Teams admin centre > Manage apps > Upload (app id ${result.teamsAppId}, manifest ${result.manifestVersion})
  ${outDir}/outlook-addin.xml   Microsoft 365 admin centre > Integrated apps > Upload custom apps (add-in id ${result.outlookAddinId})
Next steps: docs/deployment.md`);
    return 0;
  } catch (err) {
    if (err instanceof EnvError) {
      console.error(`Cannot package: ${err.message}\nNothing was written. See docs/deployment.md, "Fill in .env".`);
      return 2;
    }
    console.error(`Packaging failed, ${outDir} was left as it was:\n${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
