/*
 * Ribbon commands (ExecuteFunction, no shared runtime): Validate, Build cascade, Clear warnings.
 * Function names match manifest.xml's FunctionName values. What each does is in handlers.ts.
 *
 * The dialog that reports an error or a Clear is this same page opened with `?message=`: it then
 * shows the message and nothing else.
 */
import { OfficeAdapter } from '../excel/officeAdapter';
import { perform, type CommandEnv } from './handlers';

function showDialog(message: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      const url = `${location.origin}${location.pathname}?message=${encodeURIComponent(message)}`;
      Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, () => resolve());
    } catch {
      resolve();
    }
  });
}

function showMessagePage(message: string): void {
  document.title = 'Interlock';
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.style.cssText = 'font: 14px/1.4 "Segoe UI", sans-serif; margin: 16px;';
  p.textContent = message;
  document.body.appendChild(p);
}

const env: CommandEnv = { adapter: () => new OfficeAdapter(), showMessage: showDialog };

const message = new URLSearchParams(location.search).get('message');
if (message !== null) {
  showMessagePage(message);
} else if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('validate', (event: Office.AddinCommands.Event) => perform('validate', event, env));
    Office.actions.associate('buildCascade', (event: Office.AddinCommands.Event) =>
      perform('buildCascade', event, env),
    );
    Office.actions.associate('clearWarnings', (event: Office.AddinCommands.Event) =>
      perform('clearWarnings', event, env),
    );
  });
}
