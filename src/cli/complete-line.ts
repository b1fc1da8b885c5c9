import { LioctlError } from '../errors/index.js';
import { complete, filterCandidates } from '../shell/completion/complete.js';
import { tokenize, type Token } from '../shell/grammar/tokenize.js';
import { Preferences } from '../shell/prefs/preferences.js';
import { rootNodeWith } from '../shell/nodes/root-node.js';
import { ShellSession } from '../shell/session/index.js';
import { globalOptionWords, takesValue } from './global-options.js';
import { backendOptions, openBackend } from './open-backend.js';
import { stdout } from './std-output.js';

/** What the options before the shell words ask for: `--sim`, `--sim-state FILE`, `--sim-kernel VERSION`, `--root DIR`. */
interface LeadingOptions {
  readonly sim?: string | boolean;
  readonly simKernel?: string;
  readonly root?: string;
}

/**
 * Reads the options typed before the shell words as commander does: `<value>` options take
 * the next word unless it is still being typed; `--sim=FILE` is `--sim-state FILE`.
 */
function readOptions(tokens: readonly Token[], typing: Token | undefined): { options: LeadingOptions; rest: number } {
  const options: { -readonly [K in keyof LeadingOptions]: LeadingOptions[K] } = {};
  let i = 0;
  while (i < tokens.length && tokens[i] !== typing) {
    const word = tokens[i]?.value ?? '';
    if (!word.startsWith('-')) break;
    const next = tokens[i + 1];
    const value = takesValue(word) && next !== undefined && next !== typing ? next.value : undefined;
    if (word === '--sim') options.sim ??= true;
    if (word.startsWith('--sim=')) options.sim = word.slice('--sim='.length);
    if (word === '--sim-state' && value !== undefined) options.sim = value;
    if (word === '--sim-kernel' && value !== undefined) options.simKernel = value;
    if (word === '--root' && value !== undefined) options.root = value;
    i += value === undefined ? 1 : 2;
  }
  return { options, rest: i };
}

/** A finished word gets the space the shell would type next; a path or `key=` is continued. */
function forShell(candidate: string): string {
  return /[/= ]$/.test(candidate) ? candidate : `${candidate} `;
}

/**
 * `lioctl --complete LINE`: LINE is the command line up to the cursor, program name first,
 * as bash and zsh have it. Prints the word being completed, then one candidate per line,
 * from the same engine as the interactive shell's Tab, over the live tree.
 */
export async function runComplete(line: string): Promise<number> {
  try {
    stdout.write(await completionLines(line));
  } catch (err) {
    // A Tab must never print an error into the command line being typed.
    if (!(err instanceof LioctlError)) throw err;
  }
  return 0;
}

async function completionLines(line: string): Promise<string> {
  const tokens = tokenize(line, { partial: true }).slice(1);
  const endsInSpace = /\s$/.test(line);
  const typing = endsInSpace ? undefined : tokens[tokens.length - 1];
  const { options, rest } = readOptions(tokens, typing);
  const first = tokens[rest];
  let word = typing?.raw ?? '';
  let candidates: readonly string[];
  if (first === typing && word.startsWith('-')) {
    candidates = filterCandidates(word, globalOptionWords());
  } else {
    const backend = await openBackend(backendOptions({ json: false, ...options }, true));
    const session = new ShellSession({
      fs: backend.fs,
      prefs: Preferences.inHome(),
      root: rootNodeWith({
        ...(backend.defaultSavefile === undefined ? {} : { defaultSavefile: backend.defaultSavefile }),
        ...(backend.tcmu === undefined ? {} : { tcmu: backend.tcmu }),
      }),
      output: { info: () => undefined, warn: () => undefined, result: () => undefined },
      json: false,
      interactive: true,
    });
    const shellLine = first === undefined ? '' : line.slice(first.start);
    const completion = complete(session, shellLine);
    word = completion.word;
    candidates = completion.candidates;
  }
  return [word, ...candidates.map(forShell)].map((l) => `${l}\n`).join('');
}
