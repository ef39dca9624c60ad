/**
 * What each ribbon button does, with Office reached through parameters so it can be tested:
 * run the workflow, show the outcome, and call event.completed() whatever happens.
 */
import type { HostAdapter } from '../core/host';
import { describeError } from '../excel/errors';
import { runClear, runValidation } from '../taskpane/workflow';
import { commandMessage, type CommandName } from './messages';

export interface CommandEnv {
  adapter: () => HostAdapter;
  /** A short dialog; must not throw. */
  showMessage: (message: string) => Promise<void>;
}

export async function perform(name: CommandName, event: { completed(): void }, env: CommandEnv): Promise<void> {
  try {
    const adapter = env.adapter();
    if (name === 'clearWarnings') {
      const outcome = await runClear(adapter);
      await env.showMessage(commandMessage(name, { clear: outcome }));
    } else {
      const outcome = await runValidation(adapter, name === 'validate' ? 'findings' : 'overview');
      // Success shows the findings or overview sheet; a message only when there is none to show,
      // or when notes or pictures on Interlock's old sheets were not carried over.
      if (!outcome.shown || outcome.notCarriedOver.length > 0)
        await env.showMessage(commandMessage(name, { report: outcome.report, notCarriedOver: outcome.notCarriedOver }));
    }
  } catch (e) {
    await env.showMessage(commandMessage(name, { error: describeError(e) })).catch(() => undefined);
  } finally {
    event.completed();
  }
}
