// The admin's command-line checker (issue #2):
//   npm run check -- --settings <settings.json> [--at <ISO-8601>] [--json] <message.eml>...
// Thin on purpose: it reads files and prints; the engine decides.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { checkDraft, describeAttachmentNote, formatLocalDateTime, fromLocal, parseSettings, resolveSettings } from '../compose-check/index';
import type { Decision, Fix, ResolvedSettings, Settings, SupportedTimeZone } from '../compose-check/index';
import { emlToDraft } from './eml';

export interface Io {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** 0: every message checked; 1: a message could not be checked; 2: bad usage or settings. */
export type ExitCode = 0 | 1 | 2;

const USAGE = 'usage: npm run check -- --settings <settings.json> [--at <ISO-8601>] [--json] <message.eml>...';

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        settings: { type: 'string' },
        at: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.err(`check: ${errorText(error)}`);
    io.err(USAGE);
    return 2;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (!values.settings || files.length === 0) {
    io.err(`check: ${!values.settings ? '--settings is required' : 'name at least one .eml file'}`);
    io.err(USAGE);
    return 2;
  }

  const settings = await loadSettings(values.settings, io);
  if (!settings) return 2;

  let at: Date | undefined;
  if (values.at !== undefined) {
    at = parseSendTime(values.at, resolveSettings(settings).timeZone);
    if (!at) {
      io.err(`check: --at ${JSON.stringify(values.at)} is not an ISO-8601 date and time, e.g. 2026-03-10T19:10:00Z`);
      return 2;
    }
  }

  let failed = false;
  for (const file of files) {
    const result = await checkFile(file, settings, at);
    if ('error' in result) {
      failed = true;
      io.err(`${file}: error: ${result.error}`);
      continue;
    }
    if (values.json) {
      io.out(JSON.stringify({
        file,
        verdict: result.decision.verdict,
        reasons: result.decision.reasons.map((r) => r.code),
        findings: result.decision.findings,
        attachments: result.decision.attachments,
      }));
    } else {
      io.out(report(file, result.decision, result.settings, result.at));
    }
  }
  return failed ? 1 : 0;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * `--at` with a zone (Z or ±hh:mm) is an instant. Without one it is the
 * school's wall-clock time, not the machine's: an admin asking "what if this
 * went at 19:10?" means 19:10 in the school.
 */
export function parseSendTime(text: string, timeZone: SupportedTimeZone): Date | undefined {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = '0', zone] = m;
  const fields = [y, mo, d, h, mi].map(Number) as [number, number, number, number, number];
  const [year, month, day, hour, minute] = fields;
  const second = Number(s);
  // Date.UTC rolls 31 February over into March; a round trip catches it.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const instant = zone
    ? new Date(text.trim())
    : new Date(fromLocal(year, month, day, hour, minute, timeZone).getTime() + second * 1000);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

async function loadSettings(path: string, io: Io): Promise<Settings | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    io.err(`${path}: cannot read settings: ${errorText(error)}`);
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    io.err(`${path}: settings are not valid JSON: ${errorText(error)}`);
    return undefined;
  }
  const result = parseSettings(json);
  if (!result.ok) {
    io.err(`${path}: invalid settings:`);
    for (const message of result.errors) io.err(`  ${message}`);
    return undefined;
  }
  return result.settings;
}

type FileResult =
  | { readonly decision: Decision; readonly settings: ResolvedSettings; readonly at: Date }
  | { readonly error: string };

async function checkFile(file: string, settings: Settings, at: Date | undefined): Promise<FileResult> {
  let raw: Buffer;
  try {
    raw = await readFile(file);
  } catch (error) {
    return { error: `cannot read: ${errorText(error)}` };
  }
  let parsed;
  try {
    parsed = await emlToDraft(raw);
  } catch (error) {
    return { error: `cannot parse: ${errorText(error)}` };
  }
  const now = at ?? parsed.date;
  if (!now) return { error: 'no send time: the message has no valid Date header; pass --at <ISO-8601>' };
  // Resolved per message: with no school domains configured, each sender's own domain stands in.
  const resolved = resolveSettings(settings, parsed.draft.from);
  return { decision: checkDraft(parsed.draft, { now, settings: resolved }), settings: resolved, at: now };
}

function describeFix(fix: Fix, settings: ResolvedSettings): string {
  switch (fix.kind) {
    case 'apply-label':
      return `apply the encrypting sensitivity label ${fix.labelId}`;
    case 'add-subject-tag':
      return `add ${fix.tag} to the subject`;
    case 'schedule':
      return `schedule delivery for ${formatLocalDateTime(fix.at, settings.timeZone)} (${settings.timeZone})`;
    case 'remove-recipient':
      return `remove ${fix.email} (${fix.reason})`;
    case 'move-to-bcc':
      return `move ${fix.emails.join(', ')} to Bcc${fix.senderToTo ? ` and put ${fix.senderToTo} in To` : ''}`;
  }
}

function report(file: string, decision: Decision, settings: ResolvedSettings, at: Date): string {
  const lines = [`${file}: ${decision.verdict.toUpperCase()} (sent ${formatLocalDateTime(at, settings.timeZone)} ${settings.timeZone})`];
  for (const reason of decision.reasons) {
    lines.push(`  ${reason.severity} ${reason.code}: ${reason.message}`);
    lines.push(`    policy, ${reason.clause.section}: "${reason.clause.quote}"`);
  }
  if (decision.findings.length > 0) {
    lines.push('  findings:');
    for (const f of decision.findings) lines.push(`    - ${f.evidence} (${f.kind}, ${f.confidence} confidence)`);
  }
  if (decision.attachments.length > 0) {
    lines.push('  attachments:');
    for (const note of decision.attachments) lines.push(`    - ${describeAttachmentNote(note)}`);
  }
  if (decision.fixes.length > 0) {
    lines.push('  suggested fixes:');
    for (const fix of decision.fixes) lines.push(`    - ${describeFix(fix, settings)}`);
  }
  return lines.join('\n');
}

// Run only as the entry point, so tests can import main() without side effects.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const code = await main(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  process.exitCode = code;
}
