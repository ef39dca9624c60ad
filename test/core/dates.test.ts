import { parseDeadline, resolveDeadlineValue, inferPlanYear, compareDeadlines, findDates } from '../../src/core/dates';

const opts = { planYear: 2027, referenceDate: '2026-01-15' };

describe('parseDeadline reads the forms planners write', () => {
  test.each([
    ['Q2 2027', '2027-04-01', '2027-06-30', false],
    ['by Q3 FY27', '2027-07-01', '2027-09-30', false],
    ["Q4'27", '2027-10-01', '2027-12-31', false],
    ['2027 Q1', '2027-01-01', '2027-03-31', false],
    ['H1 2027', '2027-01-01', '2027-06-30', false],
    ['FY27', '2027-01-01', '2027-12-31', false],
    ['FY2028', '2028-01-01', '2028-12-31', false],
    ['end of Q2', '2027-04-01', '2027-06-30', true],
    ['by March 2027', '2027-03-01', '2027-03-31', false],
    ['by March', '2027-03-01', '2027-03-31', true],
    ['30/06/2027', '2027-06-30', '2027-06-30', false],
    ['06/30/2027', '2027-06-30', '2027-06-30', false],
    ['2027-06-30', '2027-06-30', '2027-06-30', false],
    ['June 30 2027', '2027-06-30', '2027-06-30', false],
    ['June 30, 2027', '2027-06-30', '2027-06-30', false],
    ['30 June 2027', '2027-06-30', '2027-06-30', false],
    ['within 18 months', '2026-01-15', '2027-07-15', true],
    ['by 2030', '2030-01-01', '2030-12-31', false],
    ['mid-2027', '2027-04-01', '2027-06-30', false],
    ['by the end of the year', '2027-01-01', '2027-12-31', true],
  ])('%s', (text, start, end, assumed) => {
    const d = parseDeadline(text, opts);
    expect(d).not.toBeNull();
    expect({ start: d!.start, end: d!.end }).toEqual({ start, end });
    expect(Boolean(d!.assumed)).toBe(assumed);
  });

  test.each([
    'Improve collaboration with sales',
    'respond within 24 hours of a ticket',
    'from the 2023 baseline of 6,061',
    'You may want to review this',
    'grow revenue 20% to $5M',
  ])('no deadline in %s', (text) => {
    expect(parseDeadline(text, opts)).toBeNull();
  });

  test('the latest date is the deadline when a cell names several', () => {
    expect(parseDeadline('Pilot in Q1 2027, roll out to all regions by Q3 2027.', opts)!.end).toBe('2027-09-30');
  });

  test('a year left out says what was assumed', () => {
    expect(parseDeadline('end of Q2', opts)!.assumed).toMatch(/no year; read as Q2 2027/);
  });

  test('before a month ends the day before it', () => {
    expect(parseDeadline('before March 2027', opts)!.end).toBe('2027-02-28');
  });

  test('an ambiguous day/month is read day first and says so', () => {
    const d = parseDeadline('01/02/2027', opts)!;
    expect(d.end).toBe('2027-02-01');
    expect(d.assumed).toMatch(/day first/);
  });
});

describe('fiscal year start', () => {
  const april = { ...opts, fiscalYearStart: 4 };
  test('FY28 with an April start runs April 2027 to March 2028', () => {
    expect(parseDeadline('FY28', april)).toMatchObject({ start: '2027-04-01', end: '2028-03-31' });
  });
  test('Q1 FY28 is April to June 2027', () => {
    expect(parseDeadline('Q1 FY28', april)).toMatchObject({ start: '2027-04-01', end: '2027-06-30' });
  });
  test('next quarter counts from the reference date', () => {
    expect(parseDeadline('next quarter', { ...april, referenceDate: '2026-05-02' })).toMatchObject({
      start: '2026-07-01',
      end: '2026-09-30',
    });
  });
});

describe('cell values', () => {
  test('a real date cell', () => {
    expect(resolveDeadlineValue({ date: '2027-06-30' }, opts)).toMatchObject({ end: '2027-06-30', kind: 'date' });
  });
  test('a year as a number', () => {
    expect(resolveDeadlineValue(2027, opts)).toMatchObject({ end: '2027-12-31' });
  });
  test('an Excel serial date', () => {
    expect(resolveDeadlineValue(46568, opts)).toMatchObject({ end: '2027-06-30' });
  });
  test('errors and booleans are no date', () => {
    expect(resolveDeadlineValue({ error: '#N/A' }, opts)).toBeNull();
    expect(resolveDeadlineValue(true, opts)).toBeNull();
  });
});

test('the plan year is the year the dates name most often', () => {
  expect(inferPlanYear(['by Q2 2027', 'H1 2027', 'FY28', 'end of Q2', 'from 2023 baseline'])).toBe(2027);
  expect(inferPlanYear(['no dates here'])).toBeNull();
});

test('dates compare across forms by the end of their period', () => {
  const q2 = parseDeadline('Q2 2027', opts)!;
  const june = parseDeadline('30/06/2027', opts)!;
  const march = parseDeadline('by March 2027', opts)!;
  expect(compareDeadlines(q2, june)).toBe(0);
  expect(compareDeadlines(march, q2)).toBeLessThan(0);
  expect(compareDeadlines(parseDeadline('FY27', opts)!, q2)).toBeGreaterThan(0);
});

test('findDates lists every date in order', () => {
  expect(findDates('Pilot by March 2027 and launch in Q3 2027', opts).map((d) => d.text)).toEqual([
    'by March 2027',
    'Q3 2027',
  ]);
});
