import '@mantine/core/styles.css';
import './i18n';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { apolloClient } from './app/apollo';
import { App } from './app/App';
import { cssVariables, theme } from './app/theme';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <ApolloProvider client={apolloClient}>
        <App />
      </ApolloProvider>
    </MantineProvider>
  </StrictMode>,
);
