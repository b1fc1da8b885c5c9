import { readFileSync } from 'node:fs';

/** One command line of a ```sh block, with the heading it is under. */
export interface DocCommand {
  readonly section: string;
  readonly line: string;
}

/** Every line of every ```sh block of a Markdown file, in order (comments and blanks left out). */
export function shellCommands(file: string): DocCommand[] {
  const commands: DocCommand[] = [];
  let section = '';
  let inBlock = false;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (!inBlock && text.startsWith('#')) section = text.replace(/^#+\s*/, '');
    if (/^```sh\s*$/.test(text)) inBlock = true;
    else if (text.startsWith('```')) inBlock = false;
    else if (inBlock && text.trim() !== '' && !text.trim().startsWith('#')) commands.push({ section, line: text.trim() });
  }
  return commands;
}

/** The first ```js block of a Markdown file, as written. */
export function firstJsBlock(file: string): string {
  const m = /^```js\n([\s\S]*?)^```$/m.exec(readFileSync(file, 'utf8'));
  if (m?.[1] === undefined) throw new Error(`${file} has no js block`);
  return m[1];
}

/** The block right after the first ```js one (its output, as the page shows it). */
export function blockAfterJs(file: string): string {
  const m = /^```js\n[\s\S]*?^```$[\s\S]*?^```\n([\s\S]*?)^```$/m.exec(readFileSync(file, 'utf8'));
  if (m?.[1] === undefined) throw new Error(`${file} shows no output after its js block`);
  return m[1];
}

/** `sudo` is for the real target; the test runs as the user, on the simulator. */
export function withoutSudo(line: string): string {
  return line.replace(/(^|[|;&]\s*)sudo\s+/g, '$1');
}
