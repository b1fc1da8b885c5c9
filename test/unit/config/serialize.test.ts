import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InternalError } from '../../../src/errors/index.js';
import { parseConfigText } from '../../../src/config/parse-config.js';
import { compareCodePoints, serializeConfig } from '../../../src/config/serialize.js';

describe('serializeConfig', () => {
  it("writes Python's json.dumps(sort_keys=True, indent=2) plus a newline, byte for byte", () => {
    const value = {
      b: [1, { z: 'é\u2028\n\t"\\/\u0001\u007f', a: [] }],
      a: {},
      é: true,
      Z: null,
      '\u{1F600}': '\u{1F600}',
      '\uffff': 0,
      x: -3,
      w: [[]],
      v: [false, 'a b'],
    };
    // Produced by python3: json.dumps(obj, sort_keys=True, indent=2) + "\n"
    const expected = [
      '{',
      '  "Z": null,',
      '  "a": {},',
      '  "b": [',
      '    1,',
      '    {',
      '      "a": [],',
      '      "z": "\\u00e9\\u2028\\n\\t\\"\\\\/\\u0001\\u007f"',
      '    }',
      '  ],',
      '  "v": [',
      '    false,',
      '    "a b"',
      '  ],',
      '  "w": [',
      '    []',
      '  ],',
      '  "x": -3,',
      '  "\\u00e9": true,',
      '  "\\uffff": 0,',
      '  "\\ud83d\\ude00": "\\ud83d\\ude00"',
      '}',
      '',
    ].join('\n');
    expect(serializeConfig(value)).toBe(expected);
  });

  it('writes an empty document as {} and a newline', () => {
    expect(serializeConfig({})).toBe('{}\n');
    expect(serializeConfig({ fabric_modules: [], storage_objects: [], targets: [] })).toBe(
      '{\n  "fabric_modules": [],\n  "storage_objects": [],\n  "targets": []\n}\n',
    );
  });

  it('escapes lone surrogates and control characters the way Python does', () => {
    expect(serializeConfig({ k: '\ud800x\u0000\b\f\r' })).toBe('{\n  "k": "\\ud800x\\u0000\\b\\f\\r"\n}\n');
  });

  it('leaves absent optional properties out', () => {
    expect(serializeConfig({ a: 1, b: undefined })).toBe('{\n  "a": 1\n}\n');
  });

  it('refuses values Python would print differently', () => {
    expect(() => serializeConfig({ a: 1.5 })).toThrow(InternalError);
    expect(() => serializeConfig({ a: Number.NaN })).toThrow(InternalError);
    expect(() => serializeConfig([undefined])).toThrow(InternalError);
  });

  it('orders keys by code point, not by UTF-16 unit', () => {
    expect(['\u{1F600}', '\uffff', 'a'].sort(compareCodePoints)).toEqual(['a', '\uffff', '\u{1F600}']);
  });

  it('reproduces the targetcli-fb sample file exactly after parsing it', () => {
    const text = readFileSync(new URL('../../../fixtures/config/handwritten-targetcli-2.1.53.json', import.meta.url), 'utf8');
    expect(serializeConfig(parseConfigText(text).config)).toBe(text);
  });
});

describe('serializeConfig, keys already in order', () => {
  // Such documents (every save) go through JSON.stringify; the others through lioctl's own
  // writer. Both must write the same bytes.
  const sorted = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sorted);
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareCodePoints)) out[key] = sorted((value as Record<string, unknown>)[key]);
    return out;
  };

  it('writes escapes, empty containers and nesting as Python does', () => {
    const value = { a: [1, { a: [], z: 'é\u2028\n\t"\\/\u0001\u007f\ud800\u{1F600}' }], b: {}, c: null, d: [[]], e: -0, f: undefined };
    expect(serializeConfig(value)).toBe(
      [
        '{',
        '  "a": [',
        '    1,',
        '    {',
        '      "a": [],',
        '      "z": "\\u00e9\\u2028\\n\\t\\"\\\\/\\u0001\\u007f\\ud800\\ud83d\\ude00"',
        '    }',
        '  ],',
        '  "b": {},',
        '  "c": null,',
        '  "d": [',
        '    []',
        '  ],',
        '  "e": 0',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes the same bytes whatever order the keys were built in', () => {
    const text = readFileSync(new URL('../../../fixtures/config/handwritten-targetcli-2.1.53.json', import.meta.url), 'utf8');
    const document = JSON.parse(text) as unknown;
    const shuffled = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(shuffled);
      if (typeof value !== 'object' || value === null) return value;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).reverse()) out[key] = shuffled((value as Record<string, unknown>)[key]);
      return out;
    };
    expect(serializeConfig(sorted(document))).toBe(text);
    expect(serializeConfig(shuffled(document))).toBe(text);
    // Integer-like keys: JavaScript lists "2" before "10", Python sorts "10" first.
    expect(serializeConfig({ 2: 'b', 10: 'a', x: 1 })).toBe('{\n  "10": "a",\n  "2": "b",\n  "x": 1\n}\n');
    // A parsed "__proto__" is an own property like any other, and kept in its place.
    expect(serializeConfig(JSON.parse('{"b": 1, "__proto__": {"x": 1}, "a": 2}'))).toBe('{\n  "__proto__": {\n    "x": 1\n  },\n  "a": 2,\n  "b": 1\n}\n');
  });

  it('refuses what Python would print differently, in order or not', () => {
    expect(() => serializeConfig({ a: 1.5 })).toThrow(InternalError);
    expect(() => serializeConfig({ a: [1, undefined] })).toThrow(InternalError);
    expect(() => serializeConfig({ a: 10n ** 30n })).not.toThrow();
    expect(() => serializeConfig({ a: () => 1 })).toThrow(InternalError);
  });
});
