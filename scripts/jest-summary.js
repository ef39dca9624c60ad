#!/usr/bin/env node
'use strict';
// Prints Jest's result as the plain line CI reads: `N passed, N failed` (and skipped, if any).
// Usage: node scripts/jest-summary.js jest-result.json
const fs = require('fs');
const file = process.argv[2];
let result;
try {
  result = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (e) {
  console.log('0 passed, 1 failed');
  console.error(`jest-summary: no readable Jest result at ${file}: ${e.message}`);
  process.exit(1);
}
// A suite that fails to load has no test results; count it as a failure so it cannot hide.
const brokenSuites = result.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const failed = result.numFailedTests + brokenSuites;
const skipped = result.numPendingTests + result.numTodoTests;
console.log(`${result.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && result.numTotalTests > 0 ? 0 : 1);
