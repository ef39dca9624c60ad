import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { checkManifest, associatedFunctions } from '../../scripts/manifest/checks';
import { READ_REQUIREMENTS, WRITE_REQUIREMENTS } from '../../src/excel/requirements';

const root = join(__dirname, '..', '..');
const commandSources = readdirSync(join(root, 'src', 'commands'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(root, 'src', 'commands', f), 'utf8'));
const check = (xml: string) => checkManifest(xml, { projectDir: root, commandSources });
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', 'manifest', `${name}.xml`), 'utf8');

describe('manifest.xml', () => {
  it('passes the project checks', () => {
    expect(check(readFileSync(join(root, 'manifest.xml'), 'utf8'))).toEqual([]);
  });

  it('asks Excel for exactly the highest requirement set the adapter needs', () => {
    const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
    const declared = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(xml)?.[1];
    const minor = (v: string) => Number(v.split('.')[1]);
    const needed = Math.max(...[...READ_REQUIREMENTS, ...WRITE_REQUIREMENTS].map((r) => minor(r.version)));
    expect(declared).toBe(`1.${needed}`);
  });

  it('names a ribbon function for each ExecuteFunction button, all associated in src/commands', () => {
    const names = associatedFunctions(commandSources);
    expect([...names].sort()).toEqual(['buildCascade', 'clearWarnings', 'validate']);
  });
});

describe('broken manifests are rejected with a message naming the problem', () => {
  const cases: [string, RegExp, RegExp][] = [
    ['broken-element-order', /DefaultSettings is out of order/, /DefaultSettings/],
    [
      'broken-missing-sourcelocation',
      /ShowTaskpane action has no SourceLocation/,
      /Control\[id=Interlock\.OpenPane\] > Action/,
    ],
    ['broken-dangling-resid', /resid "BuildCascade\.Title" does not match any resource/, /Interlock\.BuildCascade/],
    ['broken-long-string', /"Validate\.Tooltip" is 285 characters; LongStrings allow at most 250/, /Validate\.Tooltip/],
    ['broken-function-name', /FunctionName "clearAll" has no handler/, /FunctionName/],
    ['broken-http-url', /uses http, not https: http:\/\/localhost:3000\/commands\.html/, /Commands\.Url/],
    ['broken-icon-size', /icon \/assets\/icon-64\.png is 64×64, but the manifest names it as 80×80/, /bt:Image/],
  ];
  it.each(cases)('%s', (name, message, element) => {
    const problems = check(fixture(name));
    expect(problems.length).toBeGreaterThan(0);
    const hit = problems.find((p) => message.test(p.message));
    expect(hit).toBeDefined();
    expect(hit!.element).toMatch(element);
    expect(hit!.line).toBeGreaterThan(0);
  });

  it('reports XML that is not well formed instead of throwing', () => {
    expect(check('<OfficeApp><Id>')[0].message).toMatch(/not well-formed/);
  });

  it('reports a duplicated resource id and a resid pointing to the wrong kind', () => {
    const xml = readFileSync(join(root, 'manifest.xml'), 'utf8')
      .replace('<Label resid="Group.Label"/>', '<Label resid="Validate.Tooltip"/>')
      .replace('<bt:String id="OpenPane.Label"', '<bt:String id="Validate.Label"');
    const messages = check(xml).map((p) => p.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/"Validate\.Tooltip" points to LongStrings, but Label needs one of ShortStrings/),
    );
    expect(messages).toContainEqual(expect.stringMatching(/resource id "Validate\.Label" is defined twice/));
  });
});
