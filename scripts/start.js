// `npm start` after the build: runs the desktop app in Electron. The Electron runtime is downloaded on
// first launch; when that fails (no network, a proxy, a blocked host) this says so in one message
// instead of a stack trace, and names the way to use Tandem without it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function installed() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return true;
  const pathFile = join(electronDir, 'path.txt');
  return existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8')));
}

/** The last line of a failed download's output that says something (not a stack frame). */
function reasonOf(output) {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !/^[\^~]+$/.test(l) && !l.startsWith('Node.js v'));
  const error = lines.reverse().find((l) => /error|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|status|fail/i.test(l));
  const reason = (error ?? lines[0] ?? 'no reason given').replace(/^(TypeError|Error|HTTPError|RequestError):\s*/, '');
  return /fetch failed|ENOTFOUND|ECONNREFUSED|ECONNRESET|EAI_AGAIN|ETIMEDOUT/.test(reason) ? `the download server could not be reached: ${reason}` : reason;
}

if (!installed()) {
  console.log('Downloading the Electron runtime (only the first time)…');
  const download = spawnSync(process.execPath, [join(electronDir, 'install.js')], { encoding: 'utf8' });
  if (download.status !== 0 || !installed()) {
    console.error([
      '',
      `Tandem could not start: the Electron runtime could not be downloaded (${reasonOf(`${download.stdout}\n${download.stderr}`)}).`,
      'Check your network connection (or proxy settings) and run `npm start` again,',
      'or use Tandem in your browser instead: `npm run web`.',
    ].join('\n'));
    process.exit(1);
  }
}

const electron = require('electron');
const child = spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
