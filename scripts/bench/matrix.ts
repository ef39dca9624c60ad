/** The synthetic 1,000 × 50 matrix both the validate and the write-back benchmarks read. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';

export const DEPARTMENTS = 1000;
export const OBJECTIVES = 50;

const TEMPLATES = [
  (d: number, o: number) =>
    `Launch campaign ${d}-${o} targeting ${20 + (d % 30)} accounts to generate ${100 + o} qualified leads by Q${1 + (o % 4)} 2027.`,
  (d: number, o: number) =>
    `Automate process ${o} to cut cost per order from $${14 + (d % 5)} to $${9 + (o % 3)} by Q3 2027.`,
  (d: number) => `Improve collaboration with team ${d % 17}.`,
  () => 'n/a',
  (d: number, o: number) =>
    `Roll out health scoring to cut churn from ${8 + (d % 4)}% to ${5 + (o % 2)}% within 12 months.`,
  () => '',
];

export async function makeMatrix(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Plan');
  ws.getCell('B2').value = 'Alignment matrix (benchmark)';
  ws.addRow([]);
  ws.getRow(4).values = [
    null,
    'Department',
    'Capacity',
    ...Array.from({ length: OBJECTIVES }, (_, o) => `Objective ${o + 1}`),
  ];
  ws.getRow(5).values = [
    null,
    'Deadline',
    null,
    ...Array.from({ length: OBJECTIVES }, (_, o) => `Q${1 + (o % 4)} 2027`),
  ];
  for (let d = 0; d < DEPARTMENTS; d++) {
    const row = ws.getRow(6 + d);
    row.values = [
      null,
      `Department ${d + 1}`,
      40,
      ...Array.from({ length: OBJECTIVES }, (_, o) => TEMPLATES[(d * 7 + o * 3) % TEMPLATES.length](d, o) || null),
    ];
  }
  await wb.xlsx.writeFile(file);
}

/** Runs `f` on a freshly written bench matrix in a temporary folder, removed afterwards. */
export async function withBenchMatrix<T>(f: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'interlock-bench-'));
  try {
    const file = path.join(dir, 'matrix.xlsx');
    await makeMatrix(file);
    return await f(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
