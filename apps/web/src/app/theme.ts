import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

/** The console's look: Mantine's defaults, with colours that keep WCAG AA contrast on white. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif',
  components: {
    // An alert's colour is in its border and background; its words stay in the text colour (AA contrast).
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});

/** Mantine's "dimmed" grey and error red (shade 6) are below 4.5:1 on white; these are not. */
export const cssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
