/**
 * RuleTester-style tables: for each rule, workbooks where it must stay quiet (valid) and where it
 * must report exactly the listed cells (invalid). The workbooks are the committed fixtures.
 */
import { readFixture } from '../../fixtures/read';
import { findMatrix, isMatrixNotFound } from '../../../src/core/matrix';
import { validate } from '../../../src/core/validate';
import { RULES, RULE_IDS } from '../../../src/core/rules';
import { RULE_CASES, ruleCaseFile } from '../../fixtures/specs';

async function reportFor(file: string) {
  const snapshot = await readFixture(file);
  const matrix = findMatrix(snapshot);
  if (isMatrixNotFound(matrix)) throw new Error(`${file}: ${matrix.reason}`);
  return validate(matrix, snapshot, { referenceDate: '2026-11-01' });
}

describe.each(RULE_IDS.filter((id) => id !== 'cascade-orphan'))('%s', (rule) => {
  const cases = RULE_CASES.map((c, i) => ({ c, file: ruleCaseFile(c, i) })).filter(({ c }) => c.rule === rule);
  test('has valid and invalid cases', () => {
    expect(cases.some(({ c }) => c.expect.length === 0)).toBe(true);
    expect(cases.some(({ c }) => c.expect.length > 0)).toBe(true);
  });
  test.each(cases.map(({ c, file }) => [c.name, c, file] as const))('%s', async (_name, c, file) => {
    const report = await reportFor(file);
    const mine = report.findings.filter((f) => f.rule === rule);
    expect(mine.map((f) => f.address).sort()).toEqual([...c.expect].sort());
    if (c.message) expect(mine[0].message).toContain(c.message);
    for (const f of mine) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.suggestion.length).toBeGreaterThan(10);
      expect(f.severity).toBe(RULES.find((r) => r.id === rule)!.severity);
    }
  });
});

test('every rule has an id, a default severity and a description', () => {
  expect(new Set(RULE_IDS).size).toBe(RULES.length);
  for (const r of RULES) {
    expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['error', 'warning', 'info']).toContain(r.severity);
    expect(r.description.length).toBeGreaterThan(20);
  }
});

test('the registry holds every rule id of the design', () => {
  expect([...RULE_IDS].sort()).toEqual(
    [
      'blank-cell',
      'placeholder',
      'not-measurable',
      'no-impact',
      'impact-not-quantified',
      'not-time-bound',
      'no-initiative',
      'vague-language',
      'contradictory-target',
      'beyond-objective-deadline',
      'formula-error',
      'duplicate-initiative',
      'objective-uncovered',
      'department-unaligned',
      'support-without-customer',
      'customer-not-committed',
      'dependency-unmet',
      'dependency-late',
      'department-overloaded',
      'unbalanced-objectives',
      'cascade-orphan',
    ].sort(),
  );
});
