/** The design's per-cell labels, picked from an analysis in one place for every output that shows them. */
import type { StatementAnalysis } from './types';

export type CellLabels = Pick<
  StatementAnalysis,
  'measurable' | 'impact' | 'impactQuantified' | 'initiative' | 'timeBound' | 'vague'
>;

/** Works on an analysis or on anything carrying the same labels (a report's cell). */
export function cellLabels(a: CellLabels): CellLabels {
  return {
    measurable: a.measurable,
    impact: a.impact,
    impactQuantified: a.impactQuantified,
    initiative: a.initiative,
    timeBound: a.timeBound,
    vague: a.vague,
  };
}
