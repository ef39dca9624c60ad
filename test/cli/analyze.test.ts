/** `interlock analyze`, in-process through main() and once through the built bin. */
import { PassThrough } from 'stream';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { forEachLineChunk } from '../../src/cli/analyze';

function capture(stdinText?: string): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
  };
  if (stdinText !== undefined) {
    const s = new PassThrough();
    s.end(stdinText);
    io.stdin = s;
  }
  return { io, out: () => out, err: () => err };
}

describe('interlock analyze', () => {
  test('arguments, readable output', async () => {
    const c = capture();
    const code = await main(
      ['analyze', 'Launch a webinar series by Q2, projected to generate 200 qualified leads', 'Improve teamwork'],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.out()).toMatch(/^PASS/m);
    expect(c.out()).toMatch(/^FAIL {2}"Improve teamwork"/m);
    expect(c.out()).toMatch(/no-impact: /);
    expect(c.out()).toMatch(/→ /);
  });

  test('--json: one object per statement with the per-cell fields', async () => {
    const c = capture();
    await main(['analyze', '--json', 'Cut DSO from 52 to 40 days by year end', 'n/a'], c.io);
    const lines = c
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    for (const k of [
      'text',
      'verdict',
      'measurable',
      'impact',
      'impactQuantified',
      'initiative',
      'timeBound',
      'vague',
    ]) {
      expect(lines[0]).toHaveProperty(k);
    }
    expect(lines[0].verdict).toBe('pass');
    expect(lines[1].verdict).toBe('n/a');
  });

  test('stdin, one statement per line, blank lines kept', async () => {
    const c = capture('Grow ARR by 10% in FY27\n\nTBD\r\nLaunch new website');
    const code = await main(['analyze', '--json'], c.io);
    expect(code).toBe(0);
    const verdicts = c
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).verdict);
    expect(verdicts).toEqual(['pass', 'blank', 'fail', 'fail']);
  });

  test('streams 100,000 lines', async () => {
    const line = 'Run 4 webinars per quarter to generate 300 MQLs\n';
    const c = capture(line.repeat(100000));
    const code = await main(['analyze', '--json'], c.io);
    expect(code).toBe(0);
    let n = 0;
    for (let i = c.out().indexOf('\n'); i >= 0; i = c.out().indexOf('\n', i + 1)) n++;
    expect(n).toBe(100000);
  });

  test('an unknown option is a usage error (exit 2)', async () => {
    const c = capture();
    expect(await main(['analyze', '--frobnicate'], c.io)).toBe(2);
    expect(c.err()).toMatch(/unknown option "--frobnicate"/);
  });

  test('"--" lets a statement start with dashes', async () => {
    const c = capture();
    await main(['analyze', '--json', '--', '--json'], c.io);
    expect(JSON.parse(c.out())).toMatchObject({ text: '--json', verdict: 'fail' });
  });

  test('the built bin', () => {
    const root = path.join(__dirname, '..', '..');
    const lib = path.join(root, 'lib', 'cli', 'analyze.js');
    if (!fs.existsSync(lib))
      execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], { cwd: root });
    const out = execFileSync(process.execPath, ['bin/interlock.js', 'analyze', '--json'], {
      cwd: root,
      input: 'Lift NPS from 32 to 45 by Q4\nTBD\n',
    }).toString();
    expect(
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).verdict),
    ).toEqual(['pass', 'fail']);
  });
});

describe('forEachLineChunk: lines as readline splits them, across any chunking', () => {
  async function linesOf(chunks: (string | Buffer)[]): Promise<string[]> {
    const s = new PassThrough();
    for (const c of chunks) s.write(c);
    s.end();
    const got: string[] = [];
    await forEachLineChunk(s, (lines) => {
      got.push(...lines);
      return undefined;
    });
    return got;
  }

  test.each<[string, (string | Buffer)[], string[]]>([
    ['lone and paired line ends', ['a\r\nb\rc\n\nd'], ['a', 'b', 'c', '', 'd']],
    ['"\\r\\n" split across chunks is one line end', ['a\r', '\nb'], ['a', 'b']],
    ['"\\r" at a chunk end then text', ['a\r', 'b\n'], ['a', 'b']],
    ['a trailing "\\r" ends the last line', ['a\r'], ['a']],
    ['no line end on the last line', ['a\nb'], ['a', 'b']],
    ['a final line end adds no empty line', ['a\n'], ['a']],
    ['empty input', [], []],
    [
      'UTF-8 split inside a character',
      [Buffer.from([0x4e, 0x50, 0x53, 0x20, 0xe2, 0x86]), Buffer.from([0x92, 0x0a])],
      ['NPS →'],
    ],
  ])('%s', async (_name, chunks, expected) => {
    expect(await linesOf(chunks)).toEqual(expected);
  });

  test('output is written in large pieces, not one write per line', async () => {
    const writes: string[] = [];
    const s = new PassThrough();
    s.end('Run 4 webinars per quarter\n'.repeat(1000));
    const code = await main(['analyze', '--json'], {
      stdout: { write: (x: string) => (writes.push(x), true) },
      stderr: { write: () => true },
      stdin: s,
    });
    expect(code).toBe(0);
    expect(writes.join('').split('\n').length - 1).toBe(1000);
    expect(writes.length).toBeLessThan(50);
  });
});
