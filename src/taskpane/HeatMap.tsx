/**
 * The matrix at a glance: one small square per cell, coloured by verdict and worst severity.
 * Drawn on a canvas so a 1,000 × 50 matrix stays light; the summary is in its accessible name,
 * and the findings list is the keyboard path to each cell.
 */
import * as React from 'react';
import { makeStyles, tokens, Caption1 } from '@fluentui/react-components';
import type { CellResult, Report } from '../core/report';

/** What a square's colour says, in legend order; the legend names every colour drawn. */
type Kind = 'error' | 'warning' | 'blank' | 'pass' | 'note' | 'na';
const KINDS: { kind: Kind; color: string; label: string }[] = [
  { kind: 'error', color: '#E81123', label: 'error' },
  { kind: 'warning', color: '#F7B500', label: 'warning' },
  { kind: 'blank', color: '#FFE082', label: 'blank' },
  { kind: 'pass', color: '#4CAF50', label: 'pass' },
  { kind: 'note', color: '#8AB4F8', label: 'pass, with a note' },
  { kind: 'na', color: '#D0D0D0', label: 'n/a' },
];
const COLOR = Object.fromEntries(KINDS.map((k) => [k.kind, k.color])) as Record<Kind, string>;

/** A cell's colour: its worst severity, and its verdict where that says more. */
function kindOf(c: CellResult): Kind {
  if (c.verdict === 'n/a') return 'na';
  if (c.severity === 'error') return 'error';
  if (c.severity === 'warning') return c.verdict === 'blank' ? 'blank' : 'warning';
  if (c.verdict === 'pass') return c.severity === 'info' ? 'note' : 'pass';
  if (c.verdict === 'blank') return 'blank';
  return 'error';
}

const useStyles = makeStyles({
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXS },
  swatch: { display: 'inline-block', width: '10px', height: '10px', marginRight: tokens.spacingHorizontalXS, verticalAlign: 'middle' },
  canvas: { maxWidth: '100%', cursor: 'pointer', border: `1px solid ${tokens.colorNeutralStroke2}` },
});

export function HeatMap(props: { report: Report; onSelect?: (cell: CellResult) => void }): React.JSX.Element {
  const styles = useStyles();
  const ref = React.useRef<HTMLCanvasElement>(null);
  const { report } = props;
  const rows = report.matrix.departments.length;
  const cols = report.matrix.objectives.length;
  const size = Math.max(2, Math.min(16, Math.floor(300 / Math.max(1, cols))));
  const counts = React.useMemo(() => {
    const n = { pass: 0, fail: 0, blank: 0, 'n/a': 0 };
    for (const c of report.cells) n[c.verdict]++;
    return n;
  }, [report]);
  const byKind = React.useMemo(() => {
    const n: Record<Kind, number> = { error: 0, warning: 0, blank: 0, pass: 0, note: 0, na: 0 };
    for (const c of report.cells) n[kindOf(c)]++;
    // A position with no result is drawn as n/a.
    n.na += Math.max(0, rows * cols - report.cells.length);
    return n;
  }, [report, rows, cols]);
  const byPosition = React.useMemo(() => {
    const map = new Map<string, CellResult>();
    for (const c of report.cells) map.set(`${c.row},${c.col}`, c);
    return map;
  }, [report]);

  React.useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    ctx.fillStyle = '#FFFFFF';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    report.matrix.departments.forEach((d, i) =>
      report.matrix.objectives.forEach((o, j) => {
        const cell = byPosition.get(`${d.row},${o.col}`);
        ctx.fillStyle = COLOR[cell ? kindOf(cell) : 'na'];
        ctx.fillRect(j * size, i * size, size - (size > 4 ? 1 : 0), size - (size > 4 ? 1 : 0));
      }),
    );
  }, [report, byPosition, size]);

  const onClick = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    const scale = e.currentTarget.width / rect.width;
    const j = Math.floor(((e.clientX - rect.left) * scale) / size);
    const i = Math.floor(((e.clientY - rect.top) * scale) / size);
    const d = report.matrix.departments[i];
    const o = report.matrix.objectives[j];
    const cell = d && o ? byPosition.get(`${d.row},${o.col}`) : undefined;
    if (cell) props.onSelect?.(cell);
  };

  const label = `Heat map of ${rows} departments by ${cols} objectives: ${counts.pass} pass, ${counts.fail} fail, ${counts.blank} blank, ${counts['n/a']} not applicable.`;
  return (
    <div>
      <canvas
        ref={ref}
        role="img"
        aria-label={label}
        data-testid="heatmap"
        width={Math.max(1, cols * size)}
        height={Math.max(1, rows * size)}
        className={styles.canvas}
        onClick={onClick}
      />
      <div className={styles.legend} aria-hidden="true">
        {KINDS.filter((k) => byKind[k.kind] > 0).map((k) => (
          <Caption1 key={k.kind} data-testid="heatmap-legend" data-color={k.color}>
            <span className={styles.swatch} style={{ background: k.color }} />
            {k.label} {byKind[k.kind]}
          </Caption1>
        ))}
      </div>
    </div>
  );
}
