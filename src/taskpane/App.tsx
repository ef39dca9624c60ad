/**
 * The task pane. In Excel it works on the open workbook through the Office adapter; in a plain
 * browser (file mode) it opens an .xlsx, runs the same workflow through the ExcelJS adapter, and
 * offers the validated copy for download. ExcelJS is loaded only in file mode.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { HostAdapter, Progress } from '../core/host';
import type { CellResult, Finding, Report } from '../core/report';
import type { HostKind } from './host';
import { DOCUMENT_SETTINGS_KEY } from '../core/settingsKey';
import { HeatMap } from './HeatMap';
import { Findings } from './Findings';
import { RuleSettings, parseChoices, settingsJson, type RuleChoices, type RuleInfo } from './RuleSettings';
import { FileOpener } from './FileOpener';
import { withDocumentSettings } from './settingsAdapter';
import type { FileAdapter } from './fileAdapter';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL, maxWidth: '720px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  matrix: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  names: { color: tokens.colorNeutralForeground2 },
});

type Busy = { label: string; value?: number };

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function excelApi() {
  return import(/* webpackChunkName: "excel-adapter" */ './excelApi');
}

/** The checker, rules and planner: requested as soon as the pane is drawn, awaited where used. */
async function engine() {
  return import(/* webpackChunkName: "engine" */ './engine');
}

export function App(props: { hostPromise: Promise<HostKind> }): React.JSX.Element {
  const styles = useStyles();
  const [host, setHost] = React.useState<HostKind | undefined>();
  const [file, setFile] = React.useState<FileAdapter | null>(null);
  const [range, setRange] = React.useState<string>('');
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<string | null>(null);
  // Notes, pictures... people had put on Interlock's sheets that the run did not keep (both modes).
  const [lost, setLost] = React.useState<string[]>([]);
  const [report, setReport] = React.useState<Report | null>(null);
  // In Excel, the matrix found when the pane opens (before any Validate), or why none was.
  const [found, setFound] = React.useState<Report['matrix'] | null>(null);
  const [notFound, setNotFound] = React.useState<string | null>(null);
  const [pointed, setPointed] = React.useState<string | null>(null);
  const [choices, setChoices] = React.useState<RuleChoices>({});
  const [download, setDownload] = React.useState<{ url: string; name: string } | null>(null);
  const [rules, setRules] = React.useState<readonly RuleInfo[] | undefined>();

  React.useEffect(() => {
    let live = true;
    engine().then(
      (e) => live && setRules(e.RULE_INFO),
      (e) => live && setError(`Interlock's checker did not load: ${describe(e)}. Reopen the pane to try again.`),
    );
    return () => {
      live = false;
    };
  }, []);

  React.useEffect(() => {
    let live = true;
    props.hostPromise.then((h) => live && setHost(h));
    return () => {
      live = false;
    };
  }, [props.hostPromise]);

  // Inside Excel: read the workbook once to show the matrix and the rule settings saved in it.
  React.useEffect(() => {
    if (host !== 'excel') return;
    let live = true;
    (async () => {
      const api = await excelApi();
      try {
        const { check } = await engine();
        const snapshot = await api.excelAdapter().readSnapshot();
        if (!live) return;
        setChoices(parseChoices(snapshot.documentSettings?.[DOCUMENT_SETTINGS_KEY]));
        setFound(check(snapshot).matrix);
      } catch (e) {
        if (!live) return;
        // By name: the error's class is in the engine, which may be what failed to load.
        if (e instanceof Error && e.name === 'NoMatrixError') setNotFound(e.message);
        else setError(api.describeError(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [host]);

  const progress: Progress = (done, total, stage) =>
    setBusy({ label: stage, value: total > 0 ? Math.min(1, done / total) : undefined });

  const adapter = async (): Promise<HostAdapter | null> => {
    if (host === 'excel') return (await excelApi()).excelAdapter();
    if (!file) return null;
    // On a file, the pane's rule choices apply to this run (a file has no document settings).
    return withDocumentSettings(file, settingsJson(choices));
  };

  const run = async (what: 'validate' | 'cascade' | 'clear') => {
    const a = await adapter();
    if (!a) return;
    setError(null);
    setNotice(null);
    setLost([]);
    setBusy({ label: 'Starting' });
    try {
      const { runClear, runValidation } = await engine();
      if (what === 'clear') {
        const out = await runClear(a, progress);
        setLost(out.notCarriedOver.map((l) => l.message));
        setReport(null);
        setNotice(
          out.removed.length || out.kept.length
            ? `Cleared Interlock's warnings and ${out.removed.length} sheet(s).${out.kept.length ? ` Kept ${out.kept.join(', ')}: they hold rows people typed.` : ''}`
            : "There was nothing of Interlock's to clear.",
        );
      } else {
        const out = await runValidation(a, what === 'validate' ? 'findings' : 'overview', { range: range || undefined, progress });
        setLost(out.notCarriedOver.map((l) => l.message));
        setReport(out.report);
        setFound(out.report.matrix);
        setNotFound(null);
        if (what === 'cascade' && out.shown) setNotice(`Cascade sheets written; ${out.shown} shows the line of sight.`);
      }
      if (file) {
        const { validatedName } = await import(/* webpackChunkName: "filemode" */ './fileAdapter');
        const bytes = await file.toBytes();
        if (download) URL.revokeObjectURL(download.url);
        const blob = new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
        setDownload({ url: URL.createObjectURL(blob), name: validatedName(file.fileName) });
      }
    } catch (e) {
      setError(host === 'excel' ? (await excelApi()).describeError(e) : describe(e));
    } finally {
      setBusy(null);
    }
  };

  const select = async (sheet: string, address: string) => {
    setPointed(`${sheet}!${address}`);
    if (host !== 'excel' || !address) return;
    try {
      await (await excelApi()).selectCell(sheet, address);
    } catch (e) {
      setError((await excelApi()).describeError(e));
    }
  };

  const useSelection = async () => {
    try {
      setRange(await (await excelApi()).selectedRange());
    } catch (e) {
      setError((await excelApi()).describeError(e));
    }
  };

  const saveSettings = async () => {
    try {
      await (await excelApi()).saveSettings(settingsJson(choices));
      setNotice('Rule settings saved in this workbook. They apply from the next Validate.');
    } catch (e) {
      setError((await excelApi()).describeError(e));
    }
  };

  const onFile = (f: FileAdapter, initialSettings?: string) => {
    setFile(f);
    setReport(null);
    setDownload(null);
    setError(null);
    setChoices(parseChoices(initialSettings));
  };

  const ready = host === 'excel' || (host === 'browser' && file !== null);
  const m = report?.matrix ?? found;
  return (
    <main className={styles.root}>
      <Title2 as="h1">Interlock</Title2>
      <Body1>Checks your alignment matrix: a measurable initiative with a stated impact in every cell.</Body1>
      {host === undefined && <Spinner size="tiny" label="Connecting to Excel…" />}
      {host === 'browser' && (
        <FileOpener
          onOpen={onFile}
          onError={(msg) => {
            setFile(null);
            setReport(null);
            setError(msg);
          }}
          current={file?.fileName}
        />
      )}

      {ready && (
        <section aria-label="Matrix" className={styles.matrix}>
          <Subtitle2 as="h2">Matrix</Subtitle2>
          {m ? (
            <>
              <Body1 data-testid="matrix-found">
                {`'${m.sheet}'!${m.range}`}: {m.objectives.length} objectives × {m.departments.length} departments
              </Body1>
              <Caption1 className={styles.names}>Objectives: {m.objectives.map((o) => o.name).join(' · ')}</Caption1>
              <Caption1 className={styles.names}>Departments: {m.departments.map((d) => d.name).join(' · ')}</Caption1>
            </>
          ) : (
            <Caption1>{range ? `Using ${range}.` : notFound ? notFound : 'Found automatically when you validate (a named range AlignmentMatrix, a table, or a header row of objectives).'}</Caption1>
          )}
          {host === 'excel' && (
            <div className={styles.actions}>
              <Button size="small" onClick={useSelection}>
                Use my selection
              </Button>
              {range && (
                <Button size="small" appearance="subtle" onClick={() => setRange('')}>
                  Find it automatically
                </Button>
              )}
            </div>
          )}
        </section>
      )}

      {ready && (
        <div className={styles.actions} role="group" aria-label="Actions">
          <Button appearance="primary" disabled={busy !== null} onClick={() => run('validate')}>
            Validate
          </Button>
          <Button disabled={busy !== null} onClick={() => run('cascade')}>
            Build cascade
          </Button>
          <Button disabled={busy !== null} onClick={() => run('clear')}>
            Clear
          </Button>
        </div>
      )}

      {busy && (
        <Field validationMessage={busy.label} validationState="none" aria-live="polite">
          <ProgressBar value={busy.value} aria-label={busy.label} />
        </Field>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {lost.map((line) => (
        <MessageBar key={line} intent="warning" role="status" data-testid="not-carried">
          <MessageBarBody>{line}</MessageBarBody>
        </MessageBar>
      ))}

      {download && (
        <Button as="a" appearance="primary" href={download.url} download={download.name} data-testid="download">
          Download {download.name}
        </Button>
      )}
      {report && (
        <>
          <section aria-label="Summary" className={styles.matrix}>
            <Subtitle2 as="h2">Results</Subtitle2>
            <Body1 data-testid="summary" aria-live="polite">
              {report.summary.errors} errors, {report.summary.warnings} warnings, {report.summary.infos} infos in {report.cells.length} cells.
            </Body1>
          </section>
          <HeatMap report={report} onSelect={(c: CellResult) => select(report.matrix.sheet, c.address)} />
          {pointed && (
            <Caption1 role="status" data-testid="pointed">
              Selected {pointed}
              {host === 'excel' ? ' in Excel' : ''}
            </Caption1>
          )}
          <Findings findings={report.findings} onSelect={(f: Finding) => select(f.sheet, f.address)} />
        </>
      )}

      {ready && (
        <Accordion collapsible>
          <AccordionItem value="settings">
            <AccordionHeader as="h2">Rule settings</AccordionHeader>
            <AccordionPanel>
              <RuleSettings
                rules={rules}
                choices={choices}
                onChange={setChoices}
                onSave={host === 'excel' ? saveSettings : undefined}
                saveNote={
                  host === 'excel'
                    ? 'Saved in the workbook (document settings), so they travel with the file.'
                    : 'Applied to this file when you validate. To keep them in the file, use an "Interlock Settings" sheet.'
                }
              />
            </AccordionPanel>
          </AccordionItem>
        </Accordion>
      )}
    </main>
  );
}
