/**
 * Goal IDs are stable across versions: people's team goals point at them. The ID is the
 * department's and objective's abbreviations and the last four base-36 digits of an FNV-1a hash
 * of both names as people read them; this pins that definition, written out the plain way.
 */
import fc from 'fast-check';
import { goalId } from '../../../src/core/cascade';
import { nameKey } from '../../../src/core/matrix/text';

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function abbreviation(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(0, 3) || 'X'
  );
}

function reference(department: string, objective: string): string {
  const hash = fnv1a(`${nameKey(department)}\u0000${nameKey(objective)}`)
    .toString(36)
    .toUpperCase()
    .padStart(4, '0')
    .slice(-4);
  return `${abbreviation(department)}-${abbreviation(objective)}-${hash}`;
}

describe('goalId', () => {
  it('is the abbreviations and the tail of the hash of both names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30, unit: 'grapheme' }), (d, o) => {
        expect(goalId(d, o)).toBe(reference(d, o));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the IDs earlier versions gave', () => {
    expect(goalId('Sales', 'Grow recurring revenue')).toBe('SAL-GRO-P2AH');
    expect(goalId('R&D / Labs: EMEA [2027]', 'Cut  costs')).toBe('RDL-CUT-OVW2');
    expect(goalId('Département Légal', 'Réduire 😀 les coûts')).toBe('DEP-RED-IYIY');
  });
});
