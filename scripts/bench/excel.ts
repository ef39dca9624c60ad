/**
 * The Office adapter on a 1,000 × 50 matrix, through the recording fake: how many context.sync()
 * calls reading the workbook and applying the plan take, and the largest request and response
 * (Excel on the web refuses either over 5 MB). A 10 × 5 matrix is shown beside it, to show the
 * count does not grow with the matrix. The read after applying leaves out the output the next run
 * rebuilds; what reading it too would cost is shown beside it.
 */
import { OfficeAdapter } from '../../src/excel/officeAdapter';
import { readWorkbookSnapshot, type ReadOptions } from '../../src/excel/readSnapshot';
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
  const total = apply.reduce((n, s) => n + s.requestBytes, 0);
  const read = async (options?: ReadOptions) => {
    excel.syncs = [];
    await readWorkbookSnapshot({ run: excel.run, isSetSupported: excel.isSetSupported }, undefined, options);
    const accepted = excel.syncs.filter((s) => !s.failed);
    const answers = accepted.reduce((n, s) => n + s.responseBytes, 0);
    const largest = Math.max(...accepted.map((s) => s.responseBytes));
    const refused = excel.syncs.length > accepted.length ? ', one answer refused over 5 MB, then read in chunks' : '';
    return `${excel.syncs.length} syncs (${mb(answers)} read, largest answer ${mb(largest)}${refused})`;
  };
  const lean = await read();
  const full = await read({ readRebuilt: true });
  log(
    `excel adapter ${depts} x ${objectives}: apply ${apply.length} syncs (${mb(total)} written, largest request ${mb(Math.max(...apply.map((s) => s.requestBytes)))}); ` +
      `read after apply ${lean}; reading the output it rebuilds too would take ${full}`,
  );
}

export async function run(log: Log = console.log): Promise<void> {
  await measure(10, 5, log);
  await measure(1000, 50, log);
}

if (require.main === module) void run();
