import { EventEmitter } from 'node:events';

/** What ink needs from a terminal's output: size, write, resize events. Keeps every frame. */
export class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  readonly isTTY = true;

  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }

  write(data: string): boolean {
    this.frames.push(data);
    return true;
  }

  lastFrame(): string {
    return this.frames.at(-1) ?? '';
  }

  resize(columns: number, rows: number): void {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

/** What ink needs from a terminal's input in raw mode: readable events and read(). */
export class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  private readonly queue: string[] = [];

  setRawMode(): this {
    return this;
  }
  setEncoding(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
  resume(): this {
    return this;
  }
  pause(): this {
    return this;
  }

  read(): string | null {
    return this.queue.shift() ?? null;
  }

  /** Types text as one terminal read (escape sequences included: '\x1b[B' is arrow down). */
  type(text: string): void {
    this.queue.push(text);
    this.emit('readable');
  }
}

/** Polls until `check` stops throwing (frames arrive asynchronously), or rethrows its last failure. */
export async function eventually(check: () => void, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (err) {
      if (Date.now() > end) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
