/**
 * The Office adapter on a 1,000 × 50 matrix, through the recording fake: how many context.sync()
 * calls reading the workbook and applying the plan take, and the largest request and response
 * (Excel on the web refuses either over 5 MB). A 10 × 5 matrix is shown beside it, to show the
 * count does not grow with the matrix.
 */
import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { FakeExcel } from '../../test/excel/fakeExcel';
import { addMatrix, makePlan } from '../../test/excel/planFixtures';

type Log = (line: string) => void;

const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;

async function measure(depts: number, objectives: number, log: Log): Promise<void> {
  const excel = new FakeExcel();
  addMatrix(excel, depts, objectives);
  const adapter = new OfficeAdapter({ run: excel.run, isSetSupported: excel.isSetSupported });
  const plan = makePlan(depts, objectives);
  await adapter.applyPlan(plan);
  const apply = excel.syncs.slice();
  excel.syncs = [];
  await adapter.readSnapshot();
  const read = excel.syncs.slice();
  const total = apply.reduce((n, s) => n + s.requestBytes, 0);
  log(
    `excel adapter ${depts} x ${objectives}: apply ${apply.length} syncs (${mb(total)} written, largest request ${mb(Math.max(...apply.map((s) => s.requestBytes)))}); ` +
      `read after apply ${read.length} syncs (largest answer ${mb(Math.max(...read.filter((s) => !s.failed).map((s) => s.responseBytes)))}${read.some((s) => s.failed) ? '; the one-request read was refused over 5 MB as on the web, then read in chunks' : ''})`,
  );
}

export async function run(log: Log = console.log): Promise<void> {
  await measure(10, 5, log);
  await measure(1000, 50, log);
}

if (require.main === module) void run();
