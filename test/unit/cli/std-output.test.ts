import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StdOutput } from '../../../src/cli/std-output.js';

/** A stand-in for process.stdout that keeps what it is given. */
function fakeStream(): { stream: NodeJS.WriteStream; text: () => string } {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on('data', (c: Buffer) => chunks.push(c));
  return {
    stream: pass as unknown as NodeJS.WriteStream, // the class only writes and listens for errors
    text: () => Buffer.concat(chunks).toString(),
  };
}

function drain(fd: number): string {
  const buf = Buffer.alloc(1 << 16);
  const parts: Buffer[] = [];
  for (;;) {
    let n = 0;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch {
      break; // EAGAIN: nothing more in the pipe
    }
    if (n === 0) break;
    parts.push(Buffer.from(buf.subarray(0, n)));
  }
  return Buffer.concat(parts).toString();
}

describe('StdOutput', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lioctl-std-output-'));

  it('writes a file directly, never making the stream', () => {
    const file = join(dir, 'out.txt');
    writeFileSync(file, '');
    const fd = openSync(file, 'w');
    let made = 0;
    const out = new StdOutput(fd, () => {
      made += 1;
      return fakeStream().stream;
    });
    out.write('one\n');
    out.write('two ünïcode\n');
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo ünïcode\n');
    expect(out.isTTY).toBe(false);
    expect(out.columns).toBeUndefined();
    expect(made).toBe(0);
  });

  it('hands the rest to the stream when a non-blocking pipe is full, losing and repeating nothing', () => {
    const fifo = join(dir, 'full.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const fake = fakeStream();
    const out = new StdOutput(writer, () => fake.stream);
    const text = Array.from({ length: 20000 }, (_, i) => `line ${i}\n`).join(''); // more than a pipe holds
    out.write(text);
    out.write('after\n');
    const direct = drain(reader);
    closeSync(reader);
    closeSync(writer);
    expect(direct.length).toBeGreaterThan(0);
    expect(direct.length).toBeLessThan(text.length);
    expect(direct + fake.text()).toBe(`${text}after\n`);
  });

  it('drops what follows once the reader has gone, without an error', () => {
    const fifo = join(dir, 'gone.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    closeSync(reader);
    const fake = fakeStream();
    const out = new StdOutput(writer, () => fake.stream);
    expect(() => out.write('nobody reads this\n')).not.toThrow();
    expect(() => out.write('nor this\n')).not.toThrow();
    closeSync(writer);
    expect(fake.text()).toBe('');
  });
});
