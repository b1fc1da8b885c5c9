import { render, useApp, useInput, useStdout } from 'ink';
import { useEffect, useRef, useState } from 'react';
import type { StatsRates } from '../../model/stats/index.js';
import type { Sampler } from './sampler.js';
import { screenLines, type Screen } from './screen-lines.js';
import { TopScreen } from './top-screen.js';
import { applyInput, INITIAL_VIEW, type ScrollRoom, type ViewState } from './view-state.js';

export interface LiveViewProps {
  readonly sampler: Pick<Sampler, 'next'>;
  /** The first sample, taken before the view starts so that its errors end the command. */
  readonly first: StatsRates;
  readonly interval: number;
  readonly subject: string;
}

function useTerminalSize(): { columns: number; rows: number } {
  const { stdout } = useStdout();
  const read = () => ({ columns: stdout.columns ?? 80, rows: stdout.rows ?? 24 });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}

/** The live view: samples every interval, redraws, and answers keys (see applyKey). */
export function LiveView({ sampler, first, interval, subject }: LiveViewProps) {
  const { exit } = useApp();
  const size = useTerminalSize();
  const [rates, setRates] = useState(first);
  const [error, setError] = useState<string | undefined>(undefined);
  const [view, setView] = useState<ViewState>(INITIAL_VIEW);
  // Keys can arrive several per chunk, before React re-renders: they must see each other's effect.
  const viewRef = useRef(view);
  const roomRef = useRef<ScrollRoom>({ page: 1, maxScroll: 0 });

  useEffect(() => {
    const timer = setInterval(() => {
      try {
        setRates(sampler.next());
        setError(undefined);
      } catch (err) {
        // A failed pass (configfs gone, permission) is shown and retried; the last numbers stay.
        // Only the message: this view is a module of its own, so error classes are not shared with the CLI's.
        setError(err instanceof Error ? err.message : String(err));
      }
    }, interval * 1000);
    return () => clearInterval(timer);
  }, [sampler, interval]);

  useInput((input, key) => {
    const next = applyInput(viewRef.current, input, key, roomRef.current);
    if (next === 'quit') {
      exit();
      return;
    }
    viewRef.current = next;
    setView(next);
  });

  // One row fewer than the terminal: a full-height frame makes ink clear and redraw the screen each time.
  const screen: Screen = screenLines({
    rates,
    view,
    width: size.columns,
    height: Math.max(8, size.rows - 1),
    subject,
    interval,
    ...(error === undefined ? {} : { error }),
  });
  roomRef.current = screen.room;
  return <TopScreen lines={screen.lines} />;
}

export interface LiveViewStreams {
  readonly stdout: NodeJS.WriteStream;
  readonly stdin: NodeJS.ReadStream;
}

const ALTERNATE_SCREEN = '\x1b[?1049h\x1b[H';
const MAIN_SCREEN = '\x1b[?1049l';

/** Runs the view full-screen (the terminal's alternate screen) until q or Ctrl-C. */
export async function runLiveView(props: LiveViewProps, streams: LiveViewStreams = { stdout: process.stdout, stdin: process.stdin }): Promise<number> {
  streams.stdout.write(ALTERNATE_SCREEN);
  try {
    const instance = render(<LiveView {...props} />, { stdout: streams.stdout, stdin: streams.stdin, patchConsole: false, exitOnCtrlC: true });
    await instance.waitUntilExit();
  } finally {
    streams.stdout.write(MAIN_SCREEN);
  }
  return 0;
}
