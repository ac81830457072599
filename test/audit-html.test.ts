// The HTML audit report in a real headless Chromium (Debian's chromium, driven by
// playwright-core): the charts render and the worst reply's violations are marked.
// .ci/run installs chromium; elsewhere the test is skipped (with a note) when it is missing.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) console.warn(`skipping the browser test: no ${CHROMIUM} (apt-get install chromium)`);

const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!available && !process.env.CI)('HTML audit report in Chromium', () => {
  it("renders the charts and marks the worst reply's violations", async () => {
    const out = join(ROOT, 'test-output');
    mkdirSync(out, { recursive: true });
    const report = join(out, 'audit.html');
    const exports = ['zendesk.json', 'intercom.json', 'freshdesk.json', 'helpscout.json'].map((f) => join(ROOT, 'fixtures', 'exports', f));
    const r = cli(['audit', '--format', 'html', '--output', report, ...exports]);
    expect(r.stderr).toBe('');

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: BROWSER_ARGS,
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
      const marked = await worst
        .locator('mark.v')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-rule'), e.textContent, getComputedStyle(e).backgroundColor]));
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

  it('shows hostile names, ids and file names as text: no script runs, no element or attribute is injected', async () => {
    const out = join(ROOT, 'test-output');
    mkdirSync(out, { recursive: true });
    const evil = '</script><script>document.title="pwned"</script>"><img src=x onerror="document.title=\'pwned\'">\u2028<svg onload=alert(1)>';
    const transcript = join(out, 'hostile<b>.jsonl');
    const conversation = (id: string, agent: string, time: string) =>
      JSON.stringify({
        id,
        channel: 'email',
        language: 'en',
        customer: { name: evil },
        agent: { name: agent },
        messages: [{ role: 'agent', text: `Hi ${evil}`, time }],
      });
    writeFileSync(transcript, `${conversation(evil, evil, '2025-03-01T10:00:00Z')}\n${conversation('2', 'Ben', '2025-03-02T10:00:00Z')}\n`);
    const report = join(out, 'audit-hostile.html');
    cli(['audit', '--format', 'html', '--workers', '1', '--output', report, transcript]);

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: BROWSER_ARGS });
    try {
      const page = await browser.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(pathToFileURL(report).href);
      const found = await page.evaluate(() => ({
        title: document.title,
        scripts: document.querySelectorAll('script, img, foreignObject, iframe, object, embed').length,
        handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].map((a) => a.name)).filter((name) => name.startsWith('on')),
        labels: [...document.querySelectorAll('#agents svg text')].map((t) => t.textContent),
        worst: document.querySelector('#worst header')?.textContent,
      }));
      expect(found).toMatchObject({ title: 'replylint audit', scripts: 0, handlers: [] });
      expect(found.labels).toContain(evil);
      expect(found.worst).toContain(`hostile<b>.jsonl · ${evil} #0 · ${evil}`);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
