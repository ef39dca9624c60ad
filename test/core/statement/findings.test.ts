/** Finding tables: which finding ids a statement gets, and that messages use the cell's words. */
import { analyzeStatement } from '../../../src/core/statement';
import type { CellRuleId } from '../../../src/core/statement';

const ids = (text: string): CellRuleId[] => analyzeStatement(text).findings.map((f) => f.rule);

describe('findings per statement', () => {
  test.each<[string, CellRuleId[]]>([
    ['Launch a partner referral scheme by Q2, projected to add 90 qualified leads', []],
    ['TBD', ['placeholder']],
    [
      'Grow ARR by X% by Q4 through upsell bundles',
      ['placeholder', 'not-measurable', 'impact-not-quantified', 'vague-language'],
    ],
    ['Launch the new intranet', ['not-measurable', 'no-impact', 'not-time-bound']],
    ['Run 6 customer webinars per quarter', ['no-impact']],
    [
      'Increase qualified leads',
      ['not-measurable', 'impact-not-quantified', 'not-time-bound', 'no-initiative', 'vague-language'],
    ],
    ['Reduce churn from 3% to 5% by Q2', ['contradictory-target', 'no-initiative']],
    ['Increase win rate from 30% to 20% in FY27', ['contradictory-target', 'no-initiative']],
    ['Cut cycle time from 20 days to 12 days by Q3', ['no-initiative']],
    ['Publish 12 guides to support the new product line', ['no-impact', 'not-time-bound', 'vague-language']],
  ])('%s → %j', (text, expected) => {
    expect(ids(text).sort()).toEqual([...expected].sort());
  });
});

describe('messages', () => {
  test('a missing quantified impact names the metric and asks for a number and a date', () => {
    const f = analyzeStatement('Raise qualified leads through a partner webinar series').findings.find(
      (x) => x.rule === 'impact-not-quantified',
    );
    expect(f?.message).toMatch(/qualified leads/);
    expect(f?.suggestion).toMatch(/qualified leads/);
    expect(f?.suggestion).toMatch(/by when/);
  });
  test('the example change goes the way the cell says', () => {
    const suggestion = (text: string, rule: string) =>
      analyzeStatement(text).findings.find((x) => x.rule === rule)?.suggestion;
    expect(suggestion('Cut customer churn', 'impact-not-quantified')).toMatch(/fall.*"from 22% to 15% by Q4"/);
    expect(suggestion('Cut customer churn', 'not-measurable')).toMatch(/"from 22% to 15%"/);
    expect(suggestion('Grow qualified leads', 'impact-not-quantified')).toMatch(/rise.*"from 15% to 22% by Q4"/);
    expect(suggestion('Maintain uptime during the migration', 'impact-not-quantified')).toMatch(
      /level uptime should stay at.*"at 95% or above through Q4"/,
    );
  });
  test('an output count is named as the activity, not the effect', () => {
    const f = analyzeStatement('Run 6 customer webinars per quarter').findings.find((x) => x.rule === 'no-impact');
    expect(f?.message).toMatch(/6 customer webinars/);
  });
  test('a contradictory target says which way the numbers go', () => {
    const f = analyzeStatement('Reduce churn from 3% to 5% by Q2').findings.find(
      (x) => x.rule === 'contradictory-target',
    );
    expect(f?.message).toMatch(/3%/);
    expect(f?.message).toMatch(/5%/);
    expect(f?.suggestion).toMatch(/below 3%/);
  });
  test('a placeholder is quoted as written', () => {
    const f = analyzeStatement('Grow ARR by X% by Q4').findings.find((x) => x.rule === 'placeholder');
    expect(f?.message).toMatch(/"X%"/);
  });
  test('a baseline-only statement is told the number is a starting point', () => {
    const f = analyzeStatement('Grow revenue from the 2024 baseline of $3.1M').findings.find(
      (x) => x.rule === 'not-measurable',
    );
    expect(f?.message).toMatch(/starting point/);
  });
  test.each([
    ['Cut cycle time from 20 days to 12 days by Q3', /states a target/],
    ['Increase qualified leads', /names the result it wants/],
    ['Be more customer-centric in how we work', /does not name something the department will do/],
  ])('a missing initiative is described by what the cell does say: %s', (text, message) => {
    const f = analyzeStatement(text).findings.find((x) => x.rule === 'no-initiative');
    expect(f?.message).toMatch(message);
  });
  test('every finding has a message and a suggestion', () => {
    for (const t of ['Improve things', 'TBD', 'Increase leads', 'Launch X', 'Reduce churn from 3% to 5%']) {
      for (const f of analyzeStatement(t).findings) {
        expect(f.message.length).toBeGreaterThan(10);
        expect(f.suggestion.length).toBeGreaterThan(10);
      }
    }
  });
});

describe('vague words', () => {
  test.each<[string, string[]]>([
    ['Improve collaboration and foster trust', ['Improve', 'foster']],
    ['Optimise routing to reduce delivery times by 15%', []],
    ['Help sales close more deals', ['Help', 'more']],
    ['Provide Level 3 support to key accounts', []],
    ['Ensure alignment with group strategy', ['Ensure', 'alignment']],
    ['Quality is improved and coverage increased', ['improved', 'increased']],
    ['As needed', ['As needed']],
    ['TBD', []],
  ])('%s → %j', (text, vague) => {
    expect(analyzeStatement(text).vague).toEqual(vague);
  });
});
