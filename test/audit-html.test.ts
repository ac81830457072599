// The HTML audit report in a real headless Chromium (Debian's chromium, driven by
// playwright-core): the charts render and the worst reply's violations are marked.
// .ci/run installs chromium; elsewhere the test is skipped (with a note) when it is missing.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) console.warn(`skipping the browser test: no ${CHROMIUM} (apt-get install chromium)`);

describe.skipIf(!available && !process.env.CI)('HTML audit report in Chromium', () => {
  it('renders the charts and marks the worst reply\'s violations', async () => {
    const out = join(ROOT, 'test-output');
    mkdirSync(out, { recursive: true });
    const report = join(out, 'audit.html');
    const exports = ['zendesk.json', 'intercom.json', 'freshdesk.json', 'helpscout.json'].map((f) => join(ROOT, 'fixtures', 'exports', f));
    const r = cli(['audit', '--format', 'html', '--output', report, ...exports]);
    expect(r.stderr).toBe('');

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(pathToFileURL(report).href);
      for (const chart of ['#distribution', '#agents', '#rules', '#trend']) {
        const bars = await page.$$eval(`${chart} svg .bar, ${chart} svg .line`, (els) => els.map((e) => e.getBoundingClientRect().width));
        expect(bars.length, chart).toBeGreaterThan(0);
        expect(Math.max(...bars), chart).toBeGreaterThan(0);
      }
      const worst = page.locator('#worst article').first();
      const marked = await worst.locator('mark.v').evaluateAll((els) => els.map((e) => [e.getAttribute('data-rule'), e.textContent, getComputedStyle(e).backgroundColor]));
      const listed = await worst.locator('li b').allTextContents();
      expect(marked.length).toBeGreaterThan(0);
      for (const [rule, text, background] of marked) {
        expect(listed).toContain(rule);
        expect(text).not.toBe('');
        expect(background).not.toBe('rgba(0, 0, 0, 0)'); // highlighted, not plain
      }
      await page.screenshot({ path: join(out, 'audit-report.png'), fullPage: true });
      expect(existsSync(join(out, 'audit-report.png'))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
