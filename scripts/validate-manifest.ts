/**
 * `npm run validate:manifest [manifest.xml]`: offline manifest validation.
 * 1. Against Microsoft's XSDs when the folder is present (../shared/schemas/office-manifest beside
 *    the project, or INTERLOCK_MANIFEST_XSD_DIR); nothing of it is copied into the project.
 * 2. Always, the project's own checks (scripts/manifest/checks.ts).
 * Exit 0 when valid, 1 when a problem is found, 2 when the file cannot be read.
 */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join, resolve } from 'path';
import { checkManifest, Problem } from './manifest/checks';
import { validateWithXsd } from './manifest/xsd';

const projectDir = resolve(__dirname, '..');

function commandSources(): string[] {
  const dir = join(projectDir, 'src', 'commands');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(ts|tsx|js)$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const file = resolve(args[0] ?? join(projectDir, 'manifest.xml'));
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`validate-manifest: cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const problems: Problem[] = [];
  const schemaDir =
    process.env.INTERLOCK_MANIFEST_XSD_DIR ?? resolve(projectDir, '..', 'shared', 'schemas', 'office-manifest');
  if (existsSync(schemaDir)) {
    const xsd = await validateWithXsd(xml, schemaDir);
    problems.push(...xsd);
    console.log(`XSD (${schemaDir}): ${xsd.length === 0 ? 'valid' : `${xsd.length} problem(s)`}`);
  } else {
    console.log(`XSD: skipped, no schema folder at ${schemaDir} (set INTERLOCK_MANIFEST_XSD_DIR)`);
  }
  const own = checkManifest(xml, { projectDir, commandSources: commandSources() });
  problems.push(...own);
  console.log(`project checks: ${own.length === 0 ? 'valid' : `${own.length} problem(s)`}`);
  for (const p of problems) console.error(`${file}:${p.line}: ${p.message}\n    at ${p.element}`);
  if (problems.length === 0) console.log(`${file} is valid`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`validate-manifest: ${(e as Error).message}`);
    process.exit(2);
  },
);
