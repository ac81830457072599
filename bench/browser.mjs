#!/usr/bin/env node
// The engine in a browser (Debian's chromium, driven by playwright-core): the bundle's size,
// the time from the page's start to the engine being ready, the first verdict after that
// (compiling the rules the reply needs), and a re-lint as on a keystroke, of a
// 1,500-character Czech reply. Run after `npm run build`:
//   node bench/browser.mjs [--runs N]
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 7;
const bundle = join(root, 'dist/web/replylint.js');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const size = statSync(bundle).size;
const gzipped = gzipSync(readFileSync(bundle)).length;
console.log(`bundle: ${(size / 1024 / 1024).toFixed(2)} MB, ${(gzipped / 1024 / 1024).toFixed(2)} MB gzipped`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ready = [];
const first = [];
const again = [];
try {
  for (let i = 0; i < runs; i++) {
    // A fresh page each time: nothing compiled or cached from the run before.
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(root, 'web/index.html')).href);
    await page.waitForFunction(() => typeof replylint !== 'undefined');
    const t = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const text = `Dobrý den, pane Nováku,\n\n${'děkujeme za zprávu, balík jsme odeslali a zítra vám dorazí. '.repeat(25)}`;
      const s = performance.now();
      replylint.lint(`Dobrý den, pane Nováku,\n\nbalík jsme odeslali.`, { customerName: 'Petr Novák', channel: 'email' });
      const firstVerdict = performance.now() - s;
      const times = [];
      for (let k = 0; k < 20; k++) {
        const started = performance.now();
        replylint.lint(text + k, { customerName: 'Petr Novák' });
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      // Deferred scripts (the engine, then the page's, which makes the linter) have run by DOMContentLoaded's end.
      return { ready: navigation.domContentLoadedEventEnd, firstVerdict, relint: times[10], length: text.length };
    });
    ready.push(t.ready);
    first.push(t.firstVerdict);
    again.push(t.relint);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`page start to engine ready (its script run, the linter made; median of ${runs}): ${median(ready).toFixed(0)} ms`);
console.log(`first verdict after load: ${median(first).toFixed(1)} ms (target 150 ms)`);
console.log(`re-lint of a 1,500-character reply, as on a keystroke: ${median(again).toFixed(1)} ms (target 10 ms)`);
