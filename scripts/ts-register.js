'use strict';
// Lets the project's own scripts (eval, bench, fixtures) run TypeScript from src/ directly with
// `node -r ./scripts/ts-register.js script.ts`: each .ts file is transpiled on load, no type check
// (that is `npm run typecheck`'s job).
const fs = require('fs');
const ts = require('typescript');

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      jsx: ts.JsxEmit.ReactJSX,
      esModuleInterop: true,
      sourceMap: false,
    },
  });
  module._compile(out.outputText, filename);
}

require.extensions['.ts'] = compile;
require.extensions['.tsx'] = compile;
