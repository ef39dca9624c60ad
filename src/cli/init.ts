/**
 * `interlock init <file.xlsx>`: a starter matrix in the layout Interlock reads without
 * configuration (title, objective attribute rows, Function/Serves/Capacity columns, a
 * Dependencies sheet and a settings sheet), filled with examples that pass every check.
 * Never overwrites: an existing file is refused.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Io, UsageError } from './io';

const OBJECTIVES = [
  {
    name: 'Grow recurring revenue',
    metric: 'ARR',
    target: '$24M',
    deadline: 'Q4',
    perspective: 'Financial',
    owner: 'CFO',
    weight: 0.4,
  },
  {
    name: 'Improve customer retention',
    metric: 'Net revenue retention',
    target: '110%',
    deadline: 'Q4',
    perspective: 'Customer',
    owner: 'COO',
    weight: 0.35,
  },
  {
    name: 'Build a faster delivery process',
    metric: 'Lead time to production',
    target: '5 days',
    deadline: 'Q3',
    perspective: 'Internal process',
    owner: 'CTO',
    weight: 0.15,
  },
  {
    name: 'Develop our people',
    metric: 'Regretted attrition',
    target: '< 8%',
    deadline: 'Q4',
    perspective: 'Learning & growth',
    owner: 'CHRO',
    weight: 0.1,
  },
];

function departments(year: number) {
  return [
    {
      name: 'Sales',
      fn: 'Customer-facing',
      serves: '',
      capacity: 3,
      cells: [
        `Launch a partner channel with 10 resellers to add $3M in new ARR by Q3 ${year}.`,
        `Run quarterly business reviews with the top 50 accounts to lift renewal rates from 88% to 93% by Q4 ${year}.`,
        'n/a',
        'n/a',
      ],
    },
    {
      name: 'Customer Success',
      fn: 'Customer-facing',
      serves: '',
      capacity: 2,
      cells: [
        `Introduce an expansion playbook for 120 mid-market accounts to generate $1.2M in upsell ARR by Q4 ${year}.`,
        `Roll out health scoring across all accounts to cut gross churn from 9% to 6% by Q4 ${year}.`,
        'n/a',
        'n/a',
      ],
    },
    {
      name: 'IT',
      fn: 'Support',
      serves: 'Sales',
      capacity: 2,
      cells: [
        `For Sales: migrate the CRM to a single instance to cut customer record load time from 9 seconds to 2 by Q2 ${year}.`,
        'n/a',
        `Automate the release pipeline to cut lead time to production from 12 days to 5 by Q3 ${year}.`,
        'n/a',
      ],
    },
    {
      name: 'HR',
      fn: 'Support',
      serves: 'Customer Success',
      capacity: 2,
      cells: [
        'n/a',
        `For Customer Success: run a dedicated recruiting pod to reduce time to fill CSM vacancies from 60 to 35 days by Q2 ${year}.`,
        'n/a',
        `Launch a mentoring programme for every people manager to cut regretted attrition from 12% to 8% by Q4 ${year}.`,
      ],
    },
  ];
}

export function buildStarterWorkbook(year = new Date().getFullYear() + 1): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Interlock';
  const ws = wb.addWorksheet('Alignment Matrix');
  const firstObjective = 6; // column F
  const lastCol = firstObjective + OBJECTIVES.length - 1;
  ws.getCell('B2').value = `Alignment matrix ${year}`;
  ws.getCell('B2').font = { bold: true, size: 16 };
  ws.mergeCells(2, 2, 2, lastCol);
  ws.getCell('B3').value =
    'One row per department, one column per objective. In each cell: what the department will do, the impact it expects (with a number), and by when. Write n/a where a department does not contribute.';
  ws.getCell('B3').font = { italic: true, color: { argb: 'FF666666' } };

  const header = ['Department', 'Function', 'Serves', 'Capacity', ...OBJECTIVES.map((o) => o.name)];
  header.forEach((h, i) => {
    const c = ws.getCell(5, 2 + i);
    c.value = h;
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  const attrs: [string, (o: (typeof OBJECTIVES)[number]) => ExcelJS.CellValue][] = [
    ['Metric', (o) => o.metric],
    ['Target', (o) => o.target],
    ['Deadline', (o) => `${o.deadline} ${year}`],
    ['Perspective', (o) => o.perspective],
    ['Owner', (o) => o.owner],
    ['Weight', (o) => o.weight],
  ];
  attrs.forEach(([label, get], r) => {
    const row = 6 + r;
    ws.getCell(row, 2).value = label;
    ws.getCell(row, 2).font = { italic: true };
    OBJECTIVES.forEach((o, j) => {
      const c = ws.getCell(row, firstObjective + j);
      c.value = get(o);
      if (label === 'Weight') c.numFmt = '0%';
    });
  });
  departments(year).forEach((d, i) => {
    const row = 6 + attrs.length + i;
    ws.getCell(row, 2).value = d.name;
    ws.getCell(row, 2).font = { bold: true };
    ws.getCell(row, 3).value = d.fn;
    ws.getCell(row, 4).value = d.serves || null;
    ws.getCell(row, 5).value = d.capacity;
    d.cells.forEach((text, j) => {
      const c = ws.getCell(row, firstObjective + j);
      c.value = text;
      c.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  ws.getColumn(1).width = 3;
  ws.getColumn(2).width = 20;
  ws.getColumn(3).width = 16;
  ws.getColumn(4).width = 18;
  ws.getColumn(5).width = 10;
  for (let c = firstObjective; c <= lastCol; c++) ws.getColumn(c).width = 48;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 5 }];

  const dep = wb.addWorksheet('Dependencies');
  dep.addRow(['Department', 'Objective', 'Needs', 'From', 'Needed by']).font = { bold: true };
  dep.addRow(['Sales', 'Grow recurring revenue', 'single CRM instance', 'IT', `Q2 ${year}`]);
  dep.columns.forEach((c, i) => (c.width = [18, 30, 30, 14, 12][i]));

  const settings = wb.addWorksheet('Interlock Settings');
  settings.addRow(['Rule or setting', 'Value']).font = { bold: true };
  settings.addRow(['# One row per rule you want to change: error, warning, info or off.']);
  settings.addRow(['vague-language', 'info']);
  settings.addRow(['fiscal year start', 'January']);
  settings.addRow(['plan year', year]);
  settings.getColumn(1).width = 34;
  settings.getColumn(2).width = 16;
  return wb;
}

/** Writes without ever replacing a file: a temporary file, then a hard link that fails if the name exists. */
async function writeNew(file: string, data: Buffer): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, data, { flag: 'wx' });
  try {
    await fs.link(tmp, file);
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

export async function run(argv: string[], io: Io): Promise<number> {
  const files = argv.filter((a) => !a.startsWith('-'));
  const unknown = argv.filter((a) => a.startsWith('-'));
  if (unknown.length) throw new UsageError(`unknown option ${unknown[0]}. usage: interlock init <file.xlsx>`);
  if (files.length !== 1) throw new UsageError('usage: interlock init <file.xlsx>');
  const file = files[0];
  if (!/\.xlsx$/i.test(file)) throw new UsageError(`the file name must end in .xlsx ("${file}")`);
  if (await fs.stat(file).catch(() => null))
    throw new UsageError(`${file} already exists; init never overwrites a file`);
  const dir = path.dirname(file);
  if (!(await fs.stat(dir).catch(() => null))?.isDirectory()) throw new UsageError(`the folder ${dir} does not exist`);
  const data = Buffer.from(await buildStarterWorkbook().xlsx.writeBuffer());
  try {
    await writeNew(file, data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`${file} already exists; init never overwrites a file`);
    throw new UsageError(`${file} could not be written (${code ?? (e as Error).message})`);
  }
  io.stdout.write(
    `Wrote ${file}: a starter alignment matrix. Fill in your objectives and departments, then run \`interlock validate ${file}\`.\n`,
  );
  return 0;
}
