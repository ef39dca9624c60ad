/** src/core is pure: it imports only itself, so every host (Office.js, ExcelJS, a browser) can use it. */
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

const CORE = join(__dirname, '..', '..', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test.each(files(CORE).map((f) => [relative(CORE, f), f]))('%s imports nothing outside src/core', (_name, file) => {
  const source = readFileSync(file, 'utf8');
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1]);
  for (const s of specifiers) {
    expect(s.startsWith('.')).toBe(true);
    expect(relative(CORE, join(file, '..', s)).startsWith('..')).toBe(false);
  }
  // No host globals either (comments aside).
  const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  expect(code).not.toMatch(/\b(Office|Excel|document|window|process|Buffer)\./);
});
