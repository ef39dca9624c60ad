/**
 * The matrix at a glance: one small square per cell, coloured by verdict and worst severity.
 * Drawn on a canvas so a 1,000 × 50 matrix stays light; the summary is in its accessible name,
 * and the findings list is the keyboard path to each cell.
 */
import * as React from 'react';
import { makeStyles, tokens, Caption1 } from '@fluentui/react-components';
import type { CellResult, Report } from '../core/report';

const COLORS = {
  error: '#E81123',
  warning: '#F7B500',
  info: '#8AB4F8',
  pass: '#4CAF50',
  blank: '#FFE082',
  na: '#D0D0D0',
};

function colorOf(c: CellResult): string {
  if (c.verdict === 'n/a') return COLORS.na;
  if (c.severity === 'error') return COLORS.error;
  if (c.severity === 'warning') return c.verdict === 'blank' ? COLORS.blank : COLORS.warning;
  if (c.verdict === 'pass') return c.severity === 'info' ? COLORS.info : COLORS.pass;
  if (c.verdict === 'blank') return COLORS.blank;
  return COLORS.error;
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
        ctx.fillStyle = cell ? colorOf(cell) : COLORS.na;
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
        {(
          [
            ['pass', COLORS.pass, counts.pass],
            ['fail', COLORS.error, counts.fail],
            ['blank', COLORS.blank, counts.blank],
            ['n/a', COLORS.na, counts['n/a']],
          ] as const
        ).map(([name, color, n]) => (
          <Caption1 key={name}>
            <span className={styles.swatch} style={{ background: color }} />
            {name} {n}
          </Caption1>
        ))}
      </div>
    </div>
  );
}
