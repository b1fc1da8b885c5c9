import { execFileSync, spawnSync } from 'node:child_process';

/** A real terminal: lioctl runs in a detached tmux pane; keys are typed, the screen is read. */
export class TmuxPane {
  private constructor(readonly session: string) {}

  static available(): boolean {
    return spawnSync('tmux', ['-V']).status === 0;
  }

  static start(command: string, env: Record<string, string>): TmuxPane {
    const session = `lioctl-test-${process.pid}-${Math.random().toString(16).slice(2, 8)}`;
    const exports = Object.entries(env).map(([k, v]) => `${k}='${v}'`).join(' ');
    execFileSync('tmux', ['new-session', '-d', '-s', session, '-x', '120', '-y', '40', `env ${exports} ${command}; echo "[exit $?]"; sleep 30`]);
    return new TmuxPane(session);
  }

  /** Types text literally (no key names). */
  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, '-l', text]);
  }

  /** Sends named keys: Tab, Enter, C-c, C-d. */
  keys(...names: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, ...names]);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.session], { encoding: 'utf8' });
  }

  /** Waits until the screen matches, or fails with what it shows. */
  async waitFor(pattern: RegExp, timeoutMs = 8000): Promise<string> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (pattern.test(text)) return text;
      if (Date.now() > end) throw new Error(`screen never matched ${pattern}:\n${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  kill(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }
}
