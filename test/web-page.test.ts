// The draft checker page (web/) and the browser build of the engine, in a real headless
// Chromium (Debian's chromium, driven by playwright-core), issue 15: typing a Czech reply
// with a wrong vocative underlines it and a click fixes it; a bad team config is named
// with its line; and the browser build gives the library's verdicts on both corpora.
// Screenshots go to test-output/. Skipped (with a note) where chromium is missing.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import { ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) console.warn(`skipping the browser tests: no ${CHROMIUM} (apt-get install chromium)`);
const OUT = join(ROOT, 'test-output');

describe.skipIf(!available && !process.env.CI)('the draft checker page in Chromium', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => browser?.close());

  async function open(): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(ROOT, 'web', 'index.html')).href);
    await page.waitForFunction(() => typeof (globalThis as { replylint?: unknown }).replylint === 'object');
    return { page, errors, requests };
  }

  it('underlines a wrong Czech vocative as it is typed, explains it on hover, and fixes it with a click', async () => {
    const { page, errors, requests } = await open();
    await page.fill('#customer-name', 'Petr Novák');
    await page.click('#reply');
    await page.keyboard.type('Dobrý den, pane Novák,\n\nzítra vám zavoláme.');
    const mark = page.locator('mark[data-rule~="name-use"]');
    await mark.waitFor({ state: 'attached' });
    expect(await mark.textContent()).toBe('Novák');
    expect(await page.locator('#violations li[data-rule="name-use"]').textContent()).toContain('V češtině se oslovuje 5. pádem: „Nováku“, ne „Novák“.');
    expect(await page.locator('#score b').textContent()).toBe('84');
    // The hint on hover: the mark lies under the text, where the pointer is.
    const box = (await mark.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.locator('#tip').textContent()).toContain('name-use: V češtině se oslovuje 5. pádem');
    await page.screenshot({ path: join(OUT, 'web-page-vocative.png') });
    await page.click('#violations li[data-rule="name-use"] button.fix');
    expect(await page.inputValue('#reply')).toBe('Dobrý den, pane Nováku,\n\nzítra vám zavoláme.');
    expect(await page.locator('mark[data-rule~="name-use"]').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'web-page-fixed.png') });
    // Nothing was fetched but the page's own files; nothing went wrong.
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('takes a team config, and names a mistake in it by line and column as the CLI does', async () => {
    const { page } = await open();
    await page.click('summary');
    await page.fill('#config', 'rules:\n  greting: off\n');
    await page.dispatchEvent('#config', 'change');
    expect(await page.locator('#config-status').textContent()).toContain('.replylintrc.yaml:2:3: unknown rule id "greting"');
    expect(await page.locator('#config-status').textContent()).toContain('did you mean "greeting"?');
    await page.fill('#config', 'rules:\n  further-help: off\n  sign-off: off\n');
    await page.dispatchEvent('#config', 'change');
    await page.fill('#reply', 'Hi Anna,\n\nyour refund went out today and reaches your card by Friday.');
    await page.dispatchEvent('#reply', 'input');
    await page.waitForFunction(() => document.querySelector('#score b')?.textContent === '100');
    expect(await page.locator('#clean').isVisible()).toBe(true);
    await page.fill('#config', 'rulePaths: [./team-rules]\n');
    await page.dispatchEvent('#config', 'change');
    expect(await page.locator('#config-status').textContent()).toContain('"rulePaths" names files, which a browser cannot read');
  });

  it("gives the library's verdicts on every agent reply of both corpora", async () => {
    const { page } = await open();
    type Conversation = { channel?: string; language?: string; template?: boolean; customer?: { name?: string }; messages: { role: string; text: string }[] };
    const inputs: { text: string; context: Record<string, unknown> }[] = [];
    for (const file of ['dev.jsonl', 'dev2.jsonl']) {
      for (const line of readFileSync(join(ROOT, '..', 'shared', 'corpus', file), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const c = JSON.parse(line) as Conversation;
        const customer: string[] = [];
        let first = true;
        for (const m of c.messages) {
          if (m.role === 'customer') customer.push(m.text);
          if (m.role !== 'agent') continue;
          inputs.push({
            text: m.text,
            context: {
              channel: c.channel ?? 'email',
              ...(c.language ? { language: c.language } : {}),
              template: c.template ?? false,
              ...(c.customer?.name ? { customerName: c.customer.name } : {}),
              customerMessages: [...customer],
              firstReply: first,
            },
          });
          first = false;
        }
      }
    }
    const verdict = (r: { score: number; violations: { rule: string; line: number; column: number; message: string }[] }) =>
      `${r.score} ${r.violations.map((v) => `${v.rule}@${v.line}:${v.column} ${v.message}`).join(' | ')}`;
    const expected = inputs.map(({ text, context }) => verdict(lint(text, context)));
    const got = await page.evaluate(
      (list) =>
        list.map(({ text, context }) => {
          const r = (globalThis as unknown as { replylint: { lint: typeof lint } }).replylint.lint(text, context);
          return `${r.score} ${r.violations.map((v) => `${v.rule}@${v.line}:${v.column} ${v.message}`).join(' | ')}`;
        }),
      inputs,
    );
    expect(inputs.length).toBeGreaterThan(400);
    expect(got).toEqual(expected);
  });
});
