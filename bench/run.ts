/** `npm run bench`: every benchmark, each printing its figure against a baseline from the same run. */
const benches = [
  ['order intake', () => import('./intake.bench.ts')],
  ['tracking ingest', () => import('./tracking.bench.ts')],
] as const;

const only = process.argv[2];
for (const [name, load] of benches) {
  if (only && !name.includes(only)) continue;
  console.log(`\n### ${name}`);
  const mod = await load();
  await mod.run();
}
