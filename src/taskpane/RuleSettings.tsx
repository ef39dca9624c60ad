/** Rule severities (or off), saved with the workbook under document settings `interlock.settings`. */
import * as React from 'react';
import { Button, Caption1, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { Rule } from '../core/rules/types';

export type RuleChoices = Record<string, string>;

/** What the settings show of a rule (the rules themselves load with the engine, after the pane). */
export type RuleInfo = Pick<Rule, 'id' | 'severity' | 'description'>;

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: '1fr', rowGap: tokens.spacingVerticalS },
});

/** `{"rules": {...}}` as core/settings reads it; only rules changed from their default. */
export function settingsJson(choices: RuleChoices): string {
  const rules: Record<string, string> = {};
  for (const [id, v] of Object.entries(choices)) if (v && v !== 'default') rules[id] = v;
  return JSON.stringify({ rules });
}

export function parseChoices(json: string | undefined): RuleChoices {
  try {
    const doc = JSON.parse(json ?? '{}') as { rules?: Record<string, string> };
    return { ...(doc.rules ?? {}) };
  } catch {
    return {};
  }
}

export function RuleSettings(props: {
  /** Undefined while the engine loads. */
  rules: readonly RuleInfo[] | undefined;
  choices: RuleChoices;
  onChange: (c: RuleChoices) => void;
  onSave?: () => void;
  saveNote: string;
}): React.JSX.Element {
  const styles = useStyles();
  if (!props.rules) return <Spinner size="tiny" label="Loading the rules…" />;
  return (
    <div className={styles.grid}>
      <Caption1>{props.saveNote}</Caption1>
      {props.rules.map((rule) => (
        <Field key={rule.id} label={rule.id} hint={rule.description}>
          <Select
            value={props.choices[rule.id] ?? 'default'}
            onChange={(_, d) => props.onChange({ ...props.choices, [rule.id]: d.value })}
          >
            <option value="default">Default ({rule.severity})</option>
            <option value="error">Error</option>
            <option value="warning">Warning</option>
            <option value="info">Info</option>
            <option value="off">Off</option>
          </Select>
        </Field>
      ))}
      {props.onSave && (
        <Button onClick={props.onSave} appearance="secondary">
          Save settings in this workbook
        </Button>
      )}
    </div>
  );
}
