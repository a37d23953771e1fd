/* global URL, process, console */
// Renders build/icon.svg to build/icon.png (512×512) with Debian's Chromium. Run once after changing the
// SVG: `node build/makeIcon.mjs`. electron-builder derives the .ico/.icns from the PNG.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const svg = readFileSync(`${dir}icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: `${dir}icon.png`, omitBackground: true });
await browser.close();
console.log('wrote build/icon.png');
