/*
 * Ribbon commands (ExecuteFunction, no shared runtime): Validate, Build cascade, Clear warnings.
 * Each runs the same workflow as the task pane through the Office adapter, always calls
 * event.completed() (or Excel keeps the button busy), and leaves something visible: the findings
 * or overview sheet activated on success, a short dialog with the reason otherwise.
 *
 * The dialog is this same page opened with `?message=`: it then shows the message and nothing else.
 */
import { OfficeAdapter } from '../excel/officeAdapter';
import { describeError } from '../excel/errors';
import { runClear, runValidation } from '../taskpane/workflow';
import { commandMessage, type CommandName } from './messages';

function showDialog(message: string): Promise<void> {
  return new Promise((resolve) => {
    const url = `${location.origin}${location.pathname}?message=${encodeURIComponent(message)}`;
    Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, () => resolve());
  });
}

async function perform(name: CommandName, event: Office.AddinCommands.Event): Promise<void> {
  try {
    const adapter = new OfficeAdapter();
    if (name === 'clearWarnings') {
      const outcome = await runClear(adapter);
      await showDialog(commandMessage(name, { clear: outcome }));
    } else {
      const outcome = await runValidation(adapter, name === 'validate' ? 'findings' : 'overview');
      if (!outcome.shown) await showDialog(commandMessage(name, { report: outcome.report }));
    }
  } catch (e) {
    await showDialog(commandMessage(name, { error: describeError(e) })).catch(() => undefined);
  } finally {
    event.completed();
  }
}

function showMessagePage(message: string): void {
  document.title = 'Interlock';
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.cssText = 'font: 14px/1.4 "Segoe UI", sans-serif; margin: 16px;';
  p.textContent = message;
  document.body.appendChild(p);
}

const message = new URLSearchParams(location.search).get('message');
if (message !== null) {
  showMessagePage(message);
} else if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('validate', (event: Office.AddinCommands.Event) => perform('validate', event));
    Office.actions.associate('buildCascade', (event: Office.AddinCommands.Event) => perform('buildCascade', event));
    Office.actions.associate('clearWarnings', (event: Office.AddinCommands.Event) => perform('clearWarnings', event));
  });
}
