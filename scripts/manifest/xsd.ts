/** Schema validation of manifest.xml against Microsoft's XSDs, offline, through xmllint-wasm. */
import { existsSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { validateXML } from 'xmllint-wasm';
import type { Problem } from './checks';

export const ROOT_SCHEMA = 'OfficeAppManifestV1_1.xsd';

export async function validateWithXsd(xml: string, schemaDir: string): Promise<Problem[]> {
  if (!existsSync(join(schemaDir, ROOT_SCHEMA))) throw new Error(`no ${ROOT_SCHEMA} in ${schemaDir}`);
  const files = readdirSync(schemaDir).filter((f) => f.endsWith('.xsd'));
  const file = (name: string) => ({ fileName: name, contents: readFileSync(join(schemaDir, name), 'utf8') });
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [file(ROOT_SCHEMA)],
    preload: files.filter((f) => f !== ROOT_SCHEMA).map(file),
  });
  return result.errors.map((e) => ({
    line: e.loc?.lineNumber ?? 0,
    element: '(schema)',
    message: e.message.trim(),
  }));
}
