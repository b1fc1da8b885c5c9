import { fstatSync, writeSync } from 'node:fs';

/**
 * stdout or stderr as the CLI writes to it. A file, a pipe or a socket is written with
 * writeSync, as node's own stream does for a file: creating `process.stdout` loads node's
 * stream modules, about 50 ms of a one-shot command's start under an emulated CPU. A
 * terminal (any character device) gets node's stream, and so does output a direct write
 * would have to wait for (EAGAIN on a non-blocking pipe). A reader that went away (EPIPE)
 * drops what follows and the command runs to its end: a change is never cut short by the
 * reader.
 */
export class StdOutput {
  private direct: boolean;
  private closed = false;
  private opened: NodeJS.WriteStream | undefined;

  constructor(
    private readonly fd: number,
    private readonly open: () => NodeJS.WriteStream,
  ) {
    this.direct = writableDirectly(fd);
  }

  get isTTY(): boolean {
    return !this.direct && this.stream().isTTY === true;
  }

  /** The terminal's width; undefined when not a terminal. */
  get columns(): number | undefined {
    return this.isTTY ? this.stream().columns : undefined;
  }

  write(text: string): void {
    if (this.closed) return;
    if (!this.direct) {
      this.stream().write(text);
      return;
    }
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(this.fd, bytes, done);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        this.closed = true;
        return;
      }
      if (code !== 'EAGAIN') throw err;
      this.direct = false;
      this.stream().write(bytes.subarray(done));
    }
  }

  /** node's stream, for what needs one (readline, ink); made on first use. */
  stream(): NodeJS.WriteStream {
    if (this.opened === undefined) {
      this.opened = this.open();
      this.opened.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
        this.closed = true;
      });
    }
    return this.opened;
  }
}

function writableDirectly(fd: number): boolean {
  try {
    return !fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

export const stdout = new StdOutput(1, () => process.stdout);
export const stderr = new StdOutput(2, () => process.stderr);
