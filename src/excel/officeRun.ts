/** How the adapter reaches Excel: injected so tests can hand in a recording fake. */
import type { IsSetSupported } from './requirements';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeDeps {
  run: ExcelRun;
  isSetSupported: IsSetSupported;
}

/** The real Office.js globals; only call inside Excel after Office.onReady. */
export function officeGlobals(): OfficeDeps {
  return {
    run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}
