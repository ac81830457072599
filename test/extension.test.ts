// The browser extension (web/extension/, built into dist/extension/), loaded unpacked in a
// real Chromium (Debian's chromium, driven by playwright-core), issue 15: on a local page
// shaped like each helpdesk's reply box, typing a reply underlines its violations in the
// editor (contenteditable or textarea) without touching the editor's DOM, the score shows
// beside the box and on the toolbar badge, and the customer's name comes from the page.
// The helpdesks' host names are mapped to a local HTTPS server (a certificate made for the
// test; some of the hosts are HTTPS-only in Chromium); screenshots go to test-output/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) console.warn(`skipping the extension tests: no ${CHROMIUM} (apt-get install chromium)`);
const OUT = join(ROOT, 'test-output');
const PAGES = join(ROOT, 'test', 'fixtures', 'reply-boxes');
const HOSTS = ['acme.zendesk.com', 'acme.freshdesk.com', 'secure.helpscout.net', 'app.intercom.com', 'mail.google.com'];

describe.skipIf(!available && !process.env.CI)('the extension in Chromium', () => {
  let context: BrowserContext;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    // The extension as built, unchanged.
    const extension = join(ROOT, 'dist', 'extension');
    const certs = mkdtempSync(join(tmpdir(), 'replylint-cert-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=replylint-test',
        '-keyout',
        join(certs, 'key.pem'),
        '-out',
        join(certs, 'cert.pem'),
      ],
      {
        stdio: 'ignore',
      },
    );
    server = createServer({ key: readFileSync(join(certs, 'key.pem')), cert: readFileSync(join(certs, 'cert.pem')) }, (req, res) => {
      const name = (req.url ?? '').split('?')[0].slice(1);
      if (!/^[a-z-]+\.html$/.test(name) || !existsSync(join(PAGES, name))) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(readFileSync(join(PAGES, name)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'replylint-profile-')), {
      executablePath: CHROMIUM,
      headless: false,
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--ignore-certificate-errors',
        `--disable-extensions-except=${extension}`,
        `--load-extension=${extension}`,
        `--host-resolver-rules=${HOSTS.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
      ],
    });
    mkdirSync(OUT, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    server?.close();
  });

  /** The texts each level's highlight covers in the page. */
  const highlighted = () =>
    Object.fromEntries(
      ['error', 'warning', 'suggestion'].map((s) => {
        const h = CSS.highlights.get(`replylint-${s}`);
        return [s, h ? [...(h as unknown as Set<Range>)].map((r) => r.toString()) : []];
      }),
    );

  const REPLY = ['Dobrý den, pane Novák,', 'zítra vám zavoláme.'];
  for (const [page, host] of [
    ['zendesk.html', 'acme.zendesk.com'],
    ['freshdesk.html', 'acme.freshdesk.com'],
    ['helpscout.html', 'secure.helpscout.net'],
    ['intercom.html', 'app.intercom.com'],
  ] as const) {
    it(`underlines a wrong vocative of the name the page shows, in ${page.replace('.html', '')}'s rich editor`, async () => {
      const tab = await context.newPage();
      await tab.goto(`https://${host}:${port}/${page}`);
      const editor = tab.locator('[contenteditable="true"]').first();
      const before = await editor.innerHTML();
      await editor.click();
      await tab.keyboard.type(REPLY[0]);
      await tab.keyboard.press('Enter');
      await tab.keyboard.type(REPLY[1]);
      await tab.waitForFunction(() => document.querySelector('.replylint-badge')?.textContent?.startsWith('replylint '));
      // The name-use warning comes from the customer's name on the page: "Petr Novák".
      expect((await tab.evaluate(highlighted)).warning).toEqual(['Novák']);
      // The editor holds the agent's text and nothing of ours.
      expect(await editor.innerHTML()).not.toContain('replylint');
      expect(before).not.toContain('replylint');
      const box = (await tab.locator('[contenteditable="true"]').first().boundingBox())!;
      const badge = (await tab.locator('.replylint-badge').boundingBox())!;
      expect(badge.x).toBeGreaterThan(box.x + box.width / 2);
      await tab.screenshot({ path: join(OUT, `extension-${page.replace('.html', '')}.png`) });
      await tab.close();
    });
  }

  it('reads the addressee from Gmail, shows the score on the toolbar badge, and explains a violation on hover', async () => {
    const tab = await context.newPage();
    await tab.goto(`https://mail.google.com:${port}/gmail.html`);
    await tab.click('div[aria-label="Message Body"]');
    await tab.keyboard.type('Hello,');
    await tab.keyboard.press('Enter');
    await tab.keyboard.type('we escalated your ticket to L2 and the SLA is 48h.');
    await tab.waitForFunction(() => document.querySelector('.replylint-badge')?.textContent?.startsWith('replylint '));
    const marks = await tab.evaluate(highlighted);
    expect(marks.warning).toEqual(expect.arrayContaining(['L2', 'SLA']));
    const score = Number((await tab.locator('.replylint-badge').textContent())!.split(' ')[1]);
    expect(score).toBeLessThan(80);
    // The toolbar badge says the same score for this tab.
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // (The extension may not read tabs' addresses: every open tab's badge, this one's among them.)
    const badges = await worker.evaluate(async () => Promise.all((await chrome.tabs.query({})).map((t) => chrome.action.getBadgeText({ tabId: t.id }))));
    expect(badges).toContain(String(score));
    // The hint of the word under the pointer.
    const rect = await tab.evaluate(() => {
      const range = [...(CSS.highlights.get('replylint-warning') as unknown as Set<Range>)].find((r) => r.toString() === 'SLA')!;
      const r = range.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await tab.mouse.move(rect.x, rect.y);
    await tab.waitForFunction(() => !(document.querySelector('.replylint-tip') as HTMLElement).hidden);
    expect(await tab.locator('.replylint-tip').textContent()).toContain('no-jargon');
    await tab.screenshot({ path: join(OUT, 'extension-gmail.png') });
    await tab.close();
  });

  it("takes the team config from its options page, checked with the CLI's messages, in every reply box", async () => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.fill('#config', 'rules:\n  name-use: of\n');
    await options.click('#save');
    expect(await options.locator('#status').textContent()).toContain('.replylintrc.yaml:2:3: "rules.name-use" must be one of');
    await options.fill('#config', 'rules:\n  name-use: off\n');
    await options.click('#save');
    expect(await options.locator('#status').textContent()).toBe('Saved: every reply box uses it.');
    const tab = await context.newPage();
    await tab.goto(`https://acme.zendesk.com:${port}/zendesk.html`);
    await tab.click('[contenteditable="true"]');
    await tab.keyboard.type(REPLY[0]);
    await tab.keyboard.press('Enter');
    await tab.keyboard.type(REPLY[1]);
    await tab.waitForFunction(() => document.querySelector('.replylint-badge')?.textContent?.startsWith('replylint '));
    // name-use is off: "Novák" (underlined by default, above) is not.
    expect(await tab.evaluate(highlighted)).toEqual({ error: [], warning: [], suggestion: ['Dobrý den, pane Novák,', 'zítra vám zavoláme.'] });
    // Back to the recommended rules for the other tests.
    await options.fill('#config', '');
    await options.click('#save');
    await options.close();
    await tab.close();
  });

  it('draws under a plain textarea on a layer of its own', async () => {
    const tab = await context.newPage();
    await tab.goto(`https://acme.zendesk.com:${port}/textarea.html`);
    await tab.click('textarea');
    await tab.keyboard.type('Hi Anna,\n\nyour refund went out today!!!');
    await tab.waitForFunction(() => document.querySelectorAll('.replylint-mark').length > 0);
    expect(await tab.inputValue('textarea')).toBe('Hi Anna,\n\nyour refund went out today!!!');
    expect(await tab.$$eval('.replylint-mark', (els) => els.map((e) => e.textContent))).toContain('!!!');
    await tab.screenshot({ path: join(OUT, 'extension-textarea.png') });
    await tab.close();
  });
});
