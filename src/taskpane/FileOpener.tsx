/** File mode's way in: a file input and a drop zone for one .xlsx. */
import * as React from 'react';
import { Body1, Caption1, makeStyles, shorthands, tokens } from '@fluentui/react-components';
import type { FileAdapter } from './fileAdapter';

const useStyles = makeStyles({
  zone: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    ...shorthands.border('2px', 'dashed', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
});

export function FileOpener(props: {
  onOpen: (f: FileAdapter) => void;
  onError: (message: string) => void;
  current?: string;
}): React.JSX.Element {
  const styles = useStyles();
  const [over, setOver] = React.useState(false);
  const [loading, setLoading] = React.useState(false);
  const inputId = React.useId();

  const open = async (f: File | undefined) => {
    if (!f) return;
    setLoading(true);
    try {
      // ExcelJS comes in here, in its own chunk: the Excel build never loads it.
      const { FileAdapter } = await import(/* webpackChunkName: "filemode" */ './fileAdapter');
      props.onOpen(await FileAdapter.open(await f.arrayBuffer(), f.name));
    } catch (e) {
      props.onError(`${f.name}: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(false);
    }
  };

  return (
    <div
      className={over ? `${styles.zone} ${styles.over}` : styles.zone}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void open(e.dataTransfer.files[0]);
      }}
    >
      <Body1>Not running in Excel: open an .xlsx here to validate it in your browser. Nothing is uploaded.</Body1>
      <label htmlFor={inputId}>
        <Body1>Open a workbook (.xlsx), or drop it here: </Body1>
      </label>
      <input id={inputId} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="file-input" onChange={(e) => void open(e.target.files?.[0])} />
      {loading && <Caption1 aria-live="polite">Opening…</Caption1>}
      {props.current && !loading && <Caption1 aria-live="polite">Opened {props.current}</Caption1>}
    </div>
  );
}
