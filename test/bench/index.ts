// npm run bench            every section
// npm run bench -- speed   named sections only
// npm run bench -- --help  the list of sections
// Each section prints its own table beside its targets. The bench reports; it
// never fails a build for a missed target (only for a crash).
export {}; // a module, for top-level await

interface Section {
  readonly name: string;
  readonly load: () => Promise<{ run(): Promise<void> }>;
}

// Add a section with one line. Loaded lazily, so one section's imports do not
// slow another's.
const SECTIONS: readonly Section[] = [
  { name: 'quality', load: () => import('./sections/quality') },
  { name: 'speed', load: () => import('./sections/speed') },
  { name: 'robustness', load: () => import('./sections/robustness') },
  { name: 'attachments-speed', load: () => import('./sections/attachments-speed') },
  { name: 'heldout', load: () => import('./sections/heldout') },
  { name: 'blind', load: () => import('./sections/blind') },
  { name: 'standards', load: () => import('./sections/standards') },
  { name: 'attachments', load: () => import('./sections/attachments') },
  { name: 'attachments2', load: () => import('./sections/attachments2') },
  { name: 'fresh', load: () => import('./sections/fresh') },
  { name: 'fresh2', load: () => import('./sections/fresh2') },
  { name: 'fresh3', load: () => import('./sections/fresh3') },
  { name: 'fresh4', load: () => import('./sections/fresh4') },
  { name: 'store', load: () => import('./sections/store') },
  { name: 'sizes', load: () => import('./sections/sizes') },
  { name: 'outlook', load: () => import('./sections/outlook') },
  { name: 'manager', load: () => import('./sections/manager') },
];

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(`usage: npm run bench [-- <section>...] [--verbose]\nsections: ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(0);
}
const wanted = args.filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !SECTIONS.some((s) => s.name === w));
if (unknown.length > 0) {
  console.error(`unknown bench section(s): ${unknown.join(', ')}; choose from ${SECTIONS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

let crashed = false;
for (const section of SECTIONS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
  console.log(`\n=== ${section.name} ===`);
  try {
    await (await section.load()).run();
  } catch (error) {
    crashed = true;
    console.error(`bench section ${section.name} crashed:`, error);
  }
}
process.exitCode = crashed ? 1 : 0;
