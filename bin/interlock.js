#!/usr/bin/env node
'use strict';
// Thin launcher: the command line is compiled from src/cli into lib/ by `npm install` (prepare).
const fs = require('fs');
const path = require('path');

/** The newest modification time of a .ts file under `dir` (0 when there is none). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(file));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(file).mtimeMs);
  }
  return newest;
}

// In a checkout, lib/ is compiled once at install: after src/ changes it would run the old code
// without a word. A copy installed without src/ has nothing to compare; without lib/ the require
// below says what to do.
const builtMain = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
// The folders tsconfig.cli.json compiles into lib/.
const compiled = ['core', 'xlsx', 'cli', 'excel']
  .map((d) => path.join(__dirname, '..', 'src', d))
  .filter((d) => fs.existsSync(d));
if (compiled.length > 0 && fs.existsSync(builtMain)) {
  const built = fs.statSync(builtMain).mtimeMs;
  if (Math.max(...compiled.map(newestSource)) > built)
    process.stderr.write(
      'interlock: src/ has changed since lib/ was built; run `npm run prepare` to use the changes.\n',
    );
}

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
