import * as random from 'lib0/random';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A short random id with a readable prefix, e.g. `goal_k3x9q0a2mz`. Safe in file names and URLs. */
export function newId(prefix: string): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += ALPHABET[random.uint32() % ALPHABET.length];
  return `${prefix}_${out}`;
}
