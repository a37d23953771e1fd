/**
 * Uint8Arrays (document state) crossing the Playwright binding travel as base64 in `{ $bytes }`;
 * the page does the same (see bridgeScript.ts). Everything else is JSON-safe plain data.
 */
export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBytes(v)]));
  return value;
}

export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) return new Uint8Array(Buffer.from(o.$bytes, 'base64'));
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decodeBytes(v)]));
  }
  return value;
}
