/** bin/interlock.js: it runs lib/, and says when src/ changed after lib/ was built. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'interlock.js');

/** A checkout in miniature: the launcher, a stub lib/cli/main.js, and one source file. */
function checkout(sourceNewer: boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'interlock-launcher-'));
  fs.mkdirSync(path.join(root, 'bin'));
  fs.copyFileSync(BIN, path.join(root, 'bin', 'interlock.js'));
  fs.mkdirSync(path.join(root, 'lib', 'cli'), { recursive: true });
  const main = path.join(root, 'lib', 'cli', 'main.js');
  fs.writeFileSync(main, "exports.main = async () => { process.stdout.write('ran\\n'); return 0; };\n");
  fs.mkdirSync(path.join(root, 'src', 'core'), { recursive: true });
  const source = path.join(root, 'src', 'core', 'a.ts');
  fs.writeFileSync(source, 'export const a = 1;\n');
  const now = Date.now() / 1000;
  fs.utimesSync(main, now, now);
  fs.utimesSync(source, now, sourceNewer ? now + 60 : now - 60);
  return root;
}

describe('the launcher', () => {
  test('runs lib/ quietly when it was built after the last change to src/', () => {
    const root = checkout(false);
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'interlock.js')], { encoding: 'utf8' });
    expect(r.stdout).toBe('ran\n');
    expect(r.stderr).toBe('');
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('says how to rebuild when src/ changed after lib/ was built, and still runs', () => {
    const root = checkout(true);
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'interlock.js')], { encoding: 'utf8' });
    expect(r.stdout).toBe('ran\n');
    expect(r.stderr).toMatch(/src\/ has changed since lib\/ was built; run `npm run prepare`/);
    fs.rmSync(root, { recursive: true, force: true });
  });

  test('a copy without src/ has nothing to compare', () => {
    const root = checkout(true);
    fs.rmSync(path.join(root, 'src'), { recursive: true, force: true });
    const out = execFileSync(process.execPath, [path.join(root, 'bin', 'interlock.js')], { encoding: 'utf8' });
    expect(out).toBe('ran\n');
    fs.rmSync(root, { recursive: true, force: true });
  });
});
