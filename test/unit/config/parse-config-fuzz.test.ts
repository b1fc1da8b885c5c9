import { describe, expect, it } from 'vitest';
import { ConfigValidationError } from '../../../src/config/config-error.js';
import { parseConfig } from '../../../src/config/parse-config.js';
import { serializeConfig } from '../../../src/config/serialize.js';
import { sample, smallDoc } from './config-samples.js';
import { Random, mutate } from './random-json.js';

const RUNS = { sample: 1500, small: 4000 };

/** Either a typed document, or a ConfigValidationError whose every issue names a JSON path; nothing else. */
function check(doc: unknown, seed: number): 'ok' | 'refused' {
  try {
    const { config } = parseConfig(doc);
    // What was accepted writes out and reads back to the same document.
    const text = serializeConfig(config);
    if (serializeConfig(parseConfig(JSON.parse(text)).config) !== text) throw new Error(`seed ${seed}: the document changed on a round trip`);
    return 'ok';
  } catch (err) {
    if (!(err instanceof ConfigValidationError)) throw new Error(`seed ${seed}: ${String(err)}`, { cause: err });
    expect(err.issues.length, `seed ${seed}`).toBeGreaterThan(0);
    for (const issue of err.issues) {
      expect(typeof issue.path, `seed ${seed}`).toBe('string');
      expect(issue.message.length, `seed ${seed}`).toBeGreaterThan(0);
      // The whole document is the only thing that may be refused without a path.
      if (issue.path === '') expect(issue.message, `seed ${seed}`).toMatch(/^(expected an object|unknown key)/);
    }
    expect(err.message.startsWith('Invalid configuration in the configuration'), `seed ${seed}`).toBe(true);
    return 'refused';
  }
}

describe('parseConfig on randomly mutated documents', () => {
  it.each([
    ['the targetcli-fb sample', sample, RUNS.sample],
    ['a small document', smallDoc, RUNS.small],
  ])('returns a document or a path-named ValidationError for mutations of %s', (_name, make, runs) => {
    const outcomes = { ok: 0, refused: 0 };
    for (let seed = 1; seed <= runs; seed++) {
      const r = new Random(seed);
      const doc: unknown = make();
      for (let n = 1 + r.int(4); n > 0; n--) mutate(r, doc);
      outcomes[check(doc, seed)]++;
    }
    // Both branches must be exercised for the property to mean anything.
    expect(outcomes.ok).toBeGreaterThan(runs / 20);
    expect(outcomes.refused).toBeGreaterThan(runs / 4);
  }, 60_000);
});
