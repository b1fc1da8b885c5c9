// Every saveconfig.json of the wild corpus (fixtures/config/wild/) parses, or is refused
// naming its JSON paths, as the manifest says: a regression shows without the kernel.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigValidationError, parseConfigText } from '../../../src/config/index.js';
import { WILD_DIR, WILD_FILES } from '../../wild-corpus/manifest.js';

describe('the wild corpus', () => {
  it('lists every file in fixtures/config/wild/ in the manifest and names its source', () => {
    const files = readdirSync(WILD_DIR).filter((n) => n.endsWith('.json')).sort();
    expect(WILD_FILES.map((f) => f.file).sort()).toEqual(files);
    const sources = readFileSync(join(WILD_DIR, 'SOURCES.md'), 'utf8');
    for (const f of files) expect(sources).toContain(`\`${f}\``);
  });

  for (const entry of WILD_FILES) {
    const text = (): string => readFileSync(join(WILD_DIR, entry.file), 'utf8');
    if (entry.kind === 'restorable') {
      it(`${entry.file}: accepted as a whole`, () => {
        const parsed = parseConfigText(text(), { source: entry.file });
        const raw = JSON.parse(text()) as { storage_objects?: unknown[]; targets?: unknown[] };
        expect(parsed.config.storage_objects).toHaveLength(raw.storage_objects?.length ?? 0);
        expect(parsed.config.targets).toHaveLength(raw.targets?.length ?? 0);
      });
    } else {
      it(`${entry.file}: refused, naming the JSON paths`, () => {
        let error: unknown;
        try {
          parseConfigText(text(), { source: entry.file });
        } catch (err) {
          error = err;
        }
        expect(error).toBeInstanceOf(ConfigValidationError);
        const message = (error as Error).message;
        for (const path of entry.refusedPaths ?? []) expect(message).toContain(path);
      });
    }
  }
});
