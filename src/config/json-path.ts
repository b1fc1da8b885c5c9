/** A location inside the document, printed the way a JavaScript or jq user would type it. */
export type JsonPath = string;

export const ROOT_PATH: JsonPath = '';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `targets` + 2 → `targets[2]`; `attributes` + `block_size` → `attributes.block_size`. */
export function childPath(parent: JsonPath, key: string | number): JsonPath {
  if (typeof key === 'number') return `${parent}[${key}]`;
  // Keys that are not plain identifiers (`/backstores/...`, user typos with spaces) are quoted.
  if (!IDENTIFIER.test(key)) return `${parent}[${JSON.stringify(key)}]`;
  return parent === ROOT_PATH ? key : `${parent}.${key}`;
}

/** The root is shown as `(document)` so a message never starts with a bare colon. */
export function showPath(path: JsonPath): string {
  return path === ROOT_PATH ? '(document)' : path;
}
