#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is compiled from src/cli into lib/ by `npm install` (prepare).
let main;
try {
  main = require('../lib/cli/main.js').main;
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('interlock: not built yet; run `npm install` (or `npm run prepare`) in the project first.\n');
    process.exit(2);
  }
  throw e;
}
// A reader that stops early (`interlock validate ... | head`) is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err && err.code === 'EPIPE') process.exit(process.exitCode || 0);
    throw err;
  });
}

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`interlock: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
