// Reads vitest JSON reports and fails when a suite failed, was skipped, or ran no test.
// Prints one closing line per report and a total: "N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let bad = false;
for (const file of process.argv.slice(2)) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const skip = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skip} skipped (${r.numTotalTestSuites} suites)`);
  for (const suite of r.testResults ?? []) {
    const skippedHere = (suite.assertionResults ?? []).filter((a) => a.status === 'pending' || a.status === 'skipped' || a.status === 'todo');
    if (skippedHere.length) console.log(`  skipped in ${suite.name}: ${skippedHere.map((a) => a.title).join('; ')}`);
  }
  if (r.numTotalTests === 0 || skip > 0 || r.numFailedTests > 0 || r.success === false) bad = true;
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += skip;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(bad ? 1 : 0);
