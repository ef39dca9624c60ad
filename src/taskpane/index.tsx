import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { detectHost } from './host';

const container = document.getElementById('container');
if (container) {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App hostPromise={detectHost()} />
    </FluentProvider>,
  );
}
