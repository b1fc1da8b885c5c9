import { Box, Text } from 'ink';
import type { LineStyle, ScreenLine } from './screen-lines.js';

interface TextStyle {
  readonly color?: string;
  readonly bold?: boolean;
  readonly dimColor?: boolean;
  readonly inverse?: boolean;
}

const STYLES: Readonly<Record<LineStyle, TextStyle>> = {
  title: { bold: true, inverse: true },
  header: { bold: true },
  row: {},
  muted: { dimColor: true },
  warning: { color: 'yellow' },
  footer: { dimColor: true },
  error: { color: 'red', bold: true },
};

/** Draws prepared lines; all layout decisions are made in screenLines. */
export function TopScreen({ lines }: { readonly lines: readonly ScreenLine[] }) {
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => (
        // A blank Text would take no row: a space keeps the layout's line count.
        <Text key={i} wrap="truncate-end" {...STYLES[line.style]}>
          {line.text === '' ? ' ' : line.text}
        </Text>
      ))}
    </Box>
  );
}
