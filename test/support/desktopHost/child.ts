/**
 * The desktop host child process: makes `electron` resolve to the fake runtime, then runs the real
 * built main process (dist/main/main.mjs) unchanged.
 */
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const fake = new URL('./fakeElectron.ts', import.meta.url).href;
const hooks = `export async function resolve(specifier, context, next) {
  return next(specifier === 'electron' ? ${JSON.stringify(fake)} : specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);

const entry = process.env.TANDEM_MAIN_ENTRY;
if (!entry) throw new Error('TANDEM_MAIN_ENTRY names the built main process');
await import(pathToFileURL(entry).href);
