/**
 * Findings grouped by severity, then rule, then department. Each finding is a button: in Excel it
 * selects its cell; on a file it points at it in the heat map. Long groups show their first items
 * and a "show all" button, so a 50,000-finding report stays responsive.
 */
import * as React from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Finding, Severity } from '../core/report';

const ORDER: Severity[] = ['error', 'warning', 'info'];
const TITLE: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Information' };
const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };
const FIRST = 25;

const useStyles = makeStyles({
  rule: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, fontSize: tokens.fontSizeBase300 },
  department: { margin: `${tokens.spacingVerticalXS} 0`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    justifyContent: 'flex-start',
    textAlign: 'left',
    width: '100%',
    fontWeight: tokens.fontWeightRegular,
    minHeight: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  suggestion: { display: 'block', color: tokens.colorNeutralForeground3 },
});

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return map;
}

function DepartmentGroup(props: { name: string; findings: Finding[]; onSelect: (f: Finding) => void }): React.JSX.Element {
  const styles = useStyles();
  const [all, setAll] = React.useState(false);
  const shown = all ? props.findings : props.findings.slice(0, FIRST);
  return (
    <section aria-label={props.name}>
      <h4 className={styles.department}>
        {props.name} ({props.findings.length})
      </h4>
      <ul className={styles.list}>
        {shown.map((f, i) => (
          <li key={`${f.address}-${i}`}>
            <Button appearance="subtle" className={styles.item} onClick={() => props.onSelect(f)} data-testid="finding">
              <span>
                <strong>{f.address || f.sheet}</strong>
                {f.objective ? ` · ${f.objective}` : ''}: {f.message}
                <Caption1 className={styles.suggestion}>{f.suggestion}</Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {!all && props.findings.length > FIRST && (
        <Button appearance="transparent" onClick={() => setAll(true)}>
          Show all {props.findings.length}
        </Button>
      )}
    </section>
  );
}

export function Findings(props: { findings: Finding[]; onSelect: (f: Finding) => void }): React.JSX.Element {
  const styles = useStyles();
  const bySeverity = group(props.findings, (f) => f.severity);
  const open = ORDER.filter((s) => bySeverity.has(s)).slice(0, 1);
  if (props.findings.length === 0) return <Caption1>No findings: every cell and the matrix as a whole pass.</Caption1>;
  return (
    <Accordion multiple collapsible defaultOpenItems={open} data-testid="findings">
      {ORDER.filter((s) => bySeverity.has(s)).map((severity) => {
        const list = bySeverity.get(severity)!;
        return (
          <AccordionItem value={severity} key={severity}>
            <AccordionHeader as="h3">
              {TITLE[severity]}&nbsp;
              <Badge color={COLOR[severity]} appearance="filled">
                {list.length}
              </Badge>
            </AccordionHeader>
            <AccordionPanel>
              {[...group(list, (f) => f.rule)].map(([rule, ofRule]) => (
                <section key={rule} aria-label={`${rule}, ${ofRule.length}`}>
                  <h4 className={styles.rule}>
                    {rule} ({ofRule.length})
                  </h4>
                  {[...group(ofRule, (f) => f.department ?? 'Whole matrix')].map(([dept, ofDept]) => (
                    <DepartmentGroup key={dept} name={dept} findings={ofDept} onSelect={props.onSelect} />
                  ))}
                </section>
              ))}
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
