import * as React from 'react';
import { makeStyles, tokens, Title2, Body1, Spinner, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { HostKind } from './host';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export function App(props: { hostPromise: Promise<HostKind> }): React.JSX.Element {
  const styles = useStyles();
  const [host, setHost] = React.useState<HostKind | undefined>();
  React.useEffect(() => {
    let live = true;
    props.hostPromise.then((h) => live && setHost(h));
    return () => {
      live = false;
    };
  }, [props.hostPromise]);

  return (
    <main className={styles.root}>
      <Title2 as="h1">Interlock</Title2>
      <Body1>Checks your alignment matrix: a measurable initiative with a stated impact in every cell.</Body1>
      {host === undefined && <Spinner size="tiny" label="Connecting to Excel…" />}
      {host === 'browser' && (
        <MessageBar intent="info">
          <MessageBarBody>
            Not running in Excel. File mode, where you open an .xlsx here and validate it in the browser, is coming.
          </MessageBarBody>
        </MessageBar>
      )}
      {host === 'excel' && <Body1>Connected to Excel.</Body1>}
    </main>
  );
}
