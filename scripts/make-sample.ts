/**
 * Writes examples/sample-matrix.xlsx: a realistic FY27 alignment matrix laid out the way
 * planners do (a read-me sheet first, title rows, the matrix at B5, objective attribute rows,
 * Function/Serves/Capacity columns, a Dependencies sheet), where every rule fires at least once
 * and plenty of cells pass. It is the workbook as it stands after last quarter's run: Interlock's
 * sheets are there, and on the Sales cascade sheet people added a team goal and a KPI under a
 * department goal, and a team goal whose parent ID no longer exists (cascade-orphan).
 *   node -r ./scripts/ts-register.js scripts/make-sample.ts
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { openPackage, readWorkbookSnapshot } from '../src/xlsx/load';
import { nodeCodec } from '../src/xlsx/package/nodeCodec';
import { applyPlanToPackage } from '../src/xlsx/write/applyPlan';
import { findMatrix, isMatrixNotFound } from '../src/core/matrix';
import { validate } from '../src/core/validate';
import { buildPlan } from '../src/core/plan';
import { goalId } from '../src/core/cascade';

const OUT = path.join(__dirname, '..', 'examples', 'sample-matrix.xlsx');

const OBJECTIVES = [
  {
    name: 'Grow recurring revenue',
    metric: 'ARR',
    target: '$24M',
    deadline: 'Q4 2027',
    perspective: 'Financial',
    owner: 'CFO',
    weight: 0.25,
  },
  {
    name: 'Improve gross margin',
    metric: 'Gross margin',
    target: '62%',
    deadline: 'FY27',
    perspective: 'Financial',
    owner: 'CFO',
    weight: 0.15,
  },
  {
    name: 'Reduce operating costs',
    metric: 'Opex',
    target: '-8%',
    deadline: 'Q3 2027',
    perspective: 'Financial',
    owner: 'COO',
    weight: 0.15,
  },
  {
    name: 'Improve cash conversion',
    metric: 'DSO',
    target: '45 days',
    deadline: 'Q4 2027',
    perspective: 'Financial',
    owner: 'CFO',
    weight: 0.1,
  },
  {
    name: 'Raise customer retention',
    metric: 'Net revenue retention',
    target: '110%',
    deadline: 'Q4 2027',
    perspective: 'Customer',
    owner: 'CCO',
    weight: 0.15,
  },
  {
    name: 'Launch the analytics product',
    metric: 'Paying customers',
    target: '40',
    deadline: new Date(Date.UTC(2027, 8, 30)),
    perspective: 'Internal process',
    owner: 'CPO',
    weight: 0.1,
  },
  {
    name: 'Enter the DACH market',
    metric: 'DACH ARR',
    target: '$1.5M',
    deadline: 'FY28',
    perspective: 'Customer',
    owner: 'CEO',
    weight: 0.1,
  },
];

type Cell = string | null | { formula: string; error: string };
const NA = 'n/a';

/** Rows: department, function, serves, capacity, then one cell per objective (in OBJECTIVES order). */
const DEPARTMENTS: [string, string, string, number, ...Cell[]][] = [
  [
    'Sales',
    'Customer-facing',
    '',
    3,
    'Launch a partner channel with 10 resellers to add $3M in new ARR by Q3 2027.',
    'Introduce deal-desk pricing approval to raise average discount-adjusted margin from 58% to 61% by Q2 2027.',
    'Renegotiate travel contracts to cut sales travel cost by 15% by Q3 2027.',
    NA,
    'Run quarterly business reviews with the top 50 accounts to lift renewal rates from 88% to 93% by Q4 2027.',
    'Hire a specialist team of 6 to close $2M of analytics ARR by end of Q2.',
    NA,
  ],
  [
    'Marketing',
    'Customer-facing',
    '',
    4,
    'Launch an account-based marketing campaign targeting 50 key enterprise accounts, projected to generate 150 qualified leads by Q2 2027.',
    'Improve collaboration with Sales on pricing.',
    NA,
    NA,
    'Hold 12 customer webinars by Q3 2027.',
    'Send 50 enterprise accounts analytics launch content to grow pipeline by Q3 2027.',
    'TBD',
  ],
  [
    'Customer Success',
    'Customer-facing',
    '',
    3,
    'Introduce an expansion playbook for 120 mid-market accounts to generate $1.2M in upsell ARR by Q4 2027.',
    NA,
    'Launch self-service returns to reduce support costs from $2M to $3M by Q4 2027.',
    NA,
    'Roll out health scoring across all accounts to cut gross churn from 9% to 6% by Q4 2027.',
    NA,
    NA,
  ],
  [
    'R&D',
    'Customer-facing',
    '',
    3,
    NA,
    'Move the platform to reserved cloud capacity to cut hosting cost per customer from $410 to $300 by Q3 2027.',
    NA,
    NA,
    'Ship in-app onboarding to raise 90-day activation from 55% to 70% by Q2 2027.',
    'Ship the analytics product to general availability with 40 paying customers by Q4 2027.',
    NA,
  ],
  [
    'Operations',
    'Customer-facing',
    '',
    3,
    NA,
    'Automate order fulfilment to cut cost per order from $14 to $10 by Q3 2027.',
    'Automate order fulfilment to cut cost per order from $14 to $10 by Q3 2027.',
    NA,
    'Increase first-contact resolution from 64% to 75% by Q4 2027.',
    NA,
    NA,
  ],
  [
    'Finance',
    'Support',
    'Sales',
    2,
    NA,
    NA,
    'Consolidate internal tools to cut monthly software spend from $120,000 to $80,000 by Q2 2027.',
    'Automate collections reminders to reduce DSO from 58 to 45 days by Q4 2027.',
    NA,
    NA,
    NA,
  ],
  [
    'IT',
    'Support',
    'Sales, Customer Success',
    3,
    'For Sales: migrate the CRM to a single instance to cut customer record load time from 9 seconds to 2 by Q2 2027.',
    NA,
    { formula: "'Old IT plan'!C7", error: '#REF!' },
    NA,
    'For Customer Success: move ticket routing to the new service desk to cut first response time from 8 hours to 2 by Q3 2027.',
    'For Customer Success: stand up an analytics support queue with 99.9% uptime by Q3 2027.',
    NA,
  ],
  [
    'HR',
    'Support',
    'Customer Success',
    2,
    NA,
    NA,
    NA,
    NA,
    'Leverage synergies across teams. Run a dedicated recruiting pod to reduce time to fill CSM vacancies from 60 to 35 days by Q2 2027.',
    NA,
    NA,
  ],
  [
    'Procurement',
    'Support',
    '',
    2,
    'Run a vendor onboarding portal to onboard 30 reseller partners by Q2 2027.',
    NA,
    'Renegotiate the top 20 supplier contracts to cut spend by 8% by Q3 2027.',
    NA,
    NA,
    NA,
    NA,
  ],
  ['Legal', 'Support', 'Sales', 1, null, NA, NA, NA, NA, NA, NA],
];

const DEPENDENCIES: (string | Date)[][] = [
  ['Sales', 'Launch the analytics product', 'analytics product at general availability', 'R&D', ''],
  ['Sales', 'Improve gross margin', 'updated discount policy', 'Finance', 'Q1 2027'],
  ['Customer Success', 'Raise customer retention', 'new service desk live', 'IT', new Date(Date.UTC(2027, 5, 30))],
];

function build(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Strategy office';
  wb.created = wb.modified = new Date('2026-11-01T00:00:00Z');

  const readme = wb.addWorksheet('Read me');
  readme.getColumn(1).width = 100;
  [
    'FY27 planning: alignment matrix',
    'Each department writes, for each corporate objective, the initiative it commits to and the impact it expects, with a number and a deadline.',
    'Write n/a where a department does not contribute. Dependencies on other departments go on the Dependencies sheet.',
    'Support functions name the customer-facing department they serve (the Serves column, or in the cell: "For Sales: ...").',
    'Questions: strategy office.',
  ].forEach((t, i) => {
    const c = readme.getCell(i + 1, 1);
    c.value = t;
    if (i === 0) c.font = { bold: true, size: 14 };
  });

  const ws = wb.addWorksheet('Plan FY27');
  const firstObj = 6; // F
  const lastCol = firstObj + OBJECTIVES.length - 1;
  ws.getCell('B2').value = 'FY27 alignment matrix: corporate objectives × departments';
  ws.getCell('B2').font = { bold: true, size: 16 };
  ws.mergeCells(2, 2, 2, lastCol);
  ws.getCell('B3').value = 'Draft v3 for the planning offsite. Figures in USD.';
  ws.getCell('B3').font = { italic: true, color: { argb: 'FF666666' } };

  const header = ['Department', 'Function', 'Serves', 'Capacity', ...OBJECTIVES.map((o) => o.name)];
  header.forEach((h, i) => {
    const c = ws.getCell(5, 2 + i);
    c.value = h;
    c.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
    c.alignment = { wrapText: true, vertical: 'middle' };
  });
  const attrs: [string, (o: (typeof OBJECTIVES)[number]) => ExcelJS.CellValue][] = [
    ['Metric', (o) => o.metric],
    ['Target', (o) => o.target],
    ['Deadline', (o) => o.deadline],
    ['Perspective', (o) => o.perspective],
    ['Owner', (o) => o.owner],
    ['Weight', (o) => o.weight],
  ];
  attrs.forEach(([label, get], k) => {
    const row = 6 + k;
    ws.getCell(row, 2).value = label;
    ws.getCell(row, 2).font = { italic: true, color: { argb: 'FF444444' } };
    OBJECTIVES.forEach((o, j) => {
      const c = ws.getCell(row, firstObj + j);
      c.value = get(o);
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      if (label === 'Weight') c.numFmt = '0%';
      if (label === 'Deadline' && o.deadline instanceof Date) c.numFmt = 'dd/mm/yyyy';
    });
  });
  DEPARTMENTS.forEach(([name, fn, serves, capacity, ...cells], i) => {
    const row = 6 + attrs.length + i;
    ws.getCell(row, 2).value = name;
    ws.getCell(row, 2).font = { bold: true };
    ws.getCell(row, 3).value = fn;
    if (serves) ws.getCell(row, 4).value = serves;
    ws.getCell(row, 5).value = capacity;
    // Wrapped initiatives need the room: viewers that do not size rows themselves would overlap them.
    ws.getRow(row).height = 62;
    for (let c = 2; c <= 5; c++) ws.getCell(row, c).alignment = { vertical: 'top' };
    cells.forEach((v, j) => {
      const c = ws.getCell(row, firstObj + j);
      if (v === null) return;
      c.value =
        typeof v === 'string' ? v : ({ formula: v.formula, result: { error: v.error } } as ExcelJS.CellFormulaValue);
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  const last = 6 + attrs.length + DEPARTMENTS.length;
  ws.getCell(last + 1, 2).value = 'Note: capacity is the number of objectives a department can carry at once.';
  ws.getCell(last + 1, 2).font = { italic: true, color: { argb: 'FF666666' } };
  ws.getColumn(1).width = 3;
  ws.getColumn(2).width = 18;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 24;
  ws.getColumn(5).width = 10;
  for (let c = firstObj; c <= lastCol; c++) ws.getColumn(c).width = 42;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 5 }];
  // Printed (or rendered to PDF) as planners look at it: the whole matrix across one landscape page.
  ws.pageSetup = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 };

  const dep = wb.addWorksheet('Dependencies');
  dep.addRow(['Department', 'Objective', 'Needs', 'From', 'Needed by']).font = { bold: true };
  for (const d of DEPENDENCIES) dep.addRow(d.map((v) => (v === '' ? null : v)));
  [18, 32, 40, 14, 14].forEach((w, i) => (dep.getColumn(i + 1).width = w));
  dep.getColumn(5).numFmt = 'dd/mm/yyyy';

  const settings = wb.addWorksheet('Interlock Settings');
  settings.addRow(['Rule or setting', 'Value']).font = { bold: true };
  settings.addRow(['plan year', 2027]);
  settings.addRow(['no-initiative', 'info']);
  settings.getColumn(1).width = 30;
  return wb;
}

/** Runs Interlock once over the plan, then types the rows people add on a cascade sheet. */
async function afterLastRun(plan: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const pkg = await openPackage(new Uint8Array((await plan.xlsx.writeBuffer()) as ArrayBuffer), nodeCodec);
  const snapshot = await readWorkbookSnapshot(pkg);
  const matrix = findMatrix(snapshot);
  if (isMatrixNotFound(matrix)) throw new Error(`sample: ${matrix.reason}`);
  await applyPlanToPackage(pkg, buildPlan(validate(matrix, snapshot, { referenceDate: '2026-11-01' }), snapshot));
  // People then type into the validated workbook: ExcelJS stands in for them.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await pkg.toBytes()) as unknown as ArrayBuffer);
  const sales = wb.getWorksheet('Cascade Sales');
  if (!sales) throw new Error('sample: the first run wrote no "Cascade Sales" sheet');
  let last = 0;
  sales.eachRow((row, n) => {
    if (row.getCell(1).value !== null && row.getCell(1).value !== undefined) last = n;
  });
  const parent = goalId('Sales', 'Grow recurring revenue');
  const rows: (string | null)[][] = [
    [
      'Team goal',
      'SAL-T1',
      parent,
      null,
      'Channel team: sign 10 resellers, 4 of them in the Nordics, by Q2 2027.',
      'Priya Shah',
    ],
    [
      'Individual KPI',
      'SAL-K1',
      'SAL-T1',
      null,
      'Partner manager: 3 resellers live and selling by Q1 2027.',
      'Tom Berg',
    ],
    [
      'Team goal',
      'SAL-T2',
      'SAL-FY26-04',
      null,
      'Inside sales: book 400 demos from the retired web funnel.',
      'Ana Ruiz',
    ],
  ];
  rows.forEach((values, i) => values.forEach((v, c) => v !== null && (sales.getCell(last + 1 + i, c + 1).value = v)));
  return wb;
}

async function main(): Promise<void> {
  await fs.mkdir(path.dirname(OUT), { recursive: true });
  await fs.writeFile(OUT, Buffer.from(await (await afterLastRun(build())).xlsx.writeBuffer()));
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
