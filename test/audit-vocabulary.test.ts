// replylint audit --vocabulary: the terms agents use that customers do not, from an export.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VocabularyTable, MAX_TERMS } from '../src/audit/vocabulary-table.js';
import type { ResolvedConfig } from '../src/config/load-config.js';
import { loadConfig } from '../src/index.js';
import { cli, tempDir } from './helpers.js';

const AGENTS = ['Jana Horská', 'Petr Malý'];
const CUSTOMERS = ['Eva Marková', 'Tomáš Svoboda', 'Lukáš Horák', 'Anna Nováková'];

/** Czech conversations: agents write "tiket", "eskalovat na L2", "RMA" and "SLA"; customers write "reklamace" and "balík", as do agents. */
function czechExport(dir: string, extra: string[] = []): string {
  const lines: string[] = [];
  for (let i = 0; i < 8; i++) {
    const agent = AGENTS[i % 2];
    const customer = CUSTOMERS[i % 4];
    const surname = customer.split(' ')[1];
    const agentText =
      i % 4 === 3
        ? // No metadata name here: the name is in the greeting only.
          `Dobrý den, pane Zdeňku,\n\nváš tiket jsem musel eskalovat na L2. Číslo RMA vám pošleme do pátku, SLA je 48 hodin. Reklamace i balík jsou v pořádku.\n\nS pozdravem\n${agent}`
        : `Dobrý den, paní ${surname},\n\nomlouváme se. Tiket jsem musela eskalovat na L2, číslo RMA vám pošleme do pátku a SLA dodržíme. Reklamace i balík jsou v pořádku.\n\nS pozdravem\n${agent}`;
    lines.push(
      JSON.stringify({
        id: `c${i}`,
        language: 'cs',
        ...(i % 4 === 3 ? {} : { customer: { name: customer } }),
        messages: [
          { role: 'customer', text: `Dobrý den, moje reklamace pořád nic a balík nedorazil. ${surname}` },
          { role: 'agent', author: agent, text: agentText },
        ],
      }),
    );
    if (i === 3) lines.push('{"id": "broken", "messages": [');
  }
  lines.push(...extra);
  const file = join(dir, 'export.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

interface JsonTerm {
  term: string;
  conversations: number;
  customerConversations: number;
  agents: { agent: string; conversations: number }[];
  known?: string;
  knownAs?: string;
}

const termsOf = (stdout: string) => (JSON.parse(stdout).vocabulary.terms as JsonTerm[]).map((t) => t.term);

describe('replylint audit --vocabulary', () => {
  it('lists what agents say and customers do not, with counts per agent; not shared words, not names; a broken line is reported and the rest counted, on one worker or two', () => {
    const file = czechExport(tempDir());
    const runs = ['1', '2'].map((workers) => cli(['audit', '--vocabulary', '--format', 'json', '--workers', workers, file]));
    for (const r of runs) {
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`${file}:5: invalid JSON on this line`);
      const report = JSON.parse(r.stdout);
      expect(report.summary).toEqual({ conversations: 8, replies: 8, skipped: 1 });
      const terms = termsOf(r.stdout);
      expect(terms).toEqual(expect.arrayContaining(['eskalovat na L2', 'RMA', 'SLA']));
      expect(terms.some((t) => /^tiket$/i.test(t))).toBe(true);
      // Words customers use too, and names (metadata, the greeting's, the agents'), are not listed.
      for (const t of terms) expect(t).not.toMatch(/reklamace|balík|Zdeňk|Nováko|Marko|Horák|Svobod|Jana|Petr|Horsk|Mal[ýy]/i);
      const rma = (report.vocabulary.terms as JsonTerm[]).find((t) => t.term === 'RMA')!;
      expect(rma).toMatchObject({
        conversations: 8,
        customerConversations: 0,
        agents: [
          { agent: 'Jana Horská', conversations: 4 },
          { agent: 'Petr Malý', conversations: 4 },
        ],
      });
    }
    expect(runs[1].stdout).toBe(runs[0].stdout);
  });

  it('marks terms the jargon lexicon or the team config knows, rather than leaving them out', () => {
    const dir = tempDir();
    const file = czechExport(dir);
    const config = join(dir, 'team.yaml');
    const plain = JSON.parse(cli(['audit', '--vocabulary', '--format', 'json', file]).stdout).vocabulary.terms as JsonTerm[];
    expect(plain.find((t) => t.term === 'eskalovat na L2')?.known).toBeUndefined();
    writeFileSync(config, 'vocabulary:\n  jargon:\n    - { term: eskalovat na L2, replace: "předat specialistům" }\n');
    const r = cli(['audit', '--vocabulary', '--format', 'json', '-c', config, file]);
    const terms = JSON.parse(r.stdout).vocabulary.terms as JsonTerm[];
    expect(terms.find((t) => t.term === 'SLA')).toMatchObject({ known: 'lexicon' });
    expect(terms.find((t) => t.term === 'RMA')).toMatchObject({ known: 'lexicon' }); // the returns domain's
    expect(terms.find((t) => t.term === 'eskalovat na L2')).toMatchObject({ known: 'vocabulary' });
  });

  it('a term customers use in a few conversations is listed only under --customer-ratio; --min-conversations and --top bound the list', () => {
    const dir = tempDir();
    const customerSaysRma = JSON.stringify({ id: 'x', language: 'cs', messages: [{ role: 'customer', text: 'Dobrý den, kde je moje číslo RMA?' }] });
    const file = czechExport(dir, [customerSaysRma]);
    expect(termsOf(cli(['audit', '--vocabulary', '-f', 'json', file]).stdout)).not.toContain('RMA');
    expect(termsOf(cli(['audit', '--vocabulary', '-f', 'json', '--customer-ratio', '0.2', file]).stdout)).toContain('RMA');
    expect(termsOf(cli(['audit', '--vocabulary', '-f', 'json', '--min-conversations', '9', file]).stdout)).toEqual([]);
    expect(termsOf(cli(['audit', '--vocabulary', '-f', 'json', '--top', '1', file]).stdout)).toHaveLength(1);
  });

  it('CSV and HTML escape what comes from the export', () => {
    const dir = tempDir();
    const lines = Array.from({ length: 3 }, (_, i) =>
      JSON.stringify({
        id: `h${i}`,
        language: 'en',
        messages: [
          { role: 'customer', text: 'Hi, my order is late.' },
          { role: 'agent', author: i ? '=HYPERLINK("http://x")' : '<img src=x onerror=alert(1)>', text: 'Hi,\n\nyour RMA is ready.\n\nThanks' },
        ],
      }),
    );
    const file = join(dir, 'x.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const csv = cli(['audit', '--vocabulary', '-f', 'csv', file]).stdout;
    expect(csv.split('\n')[0]).toBe('term,language,conversations,customerConversations,agentCount,known,knownAs,agents');
    expect(csv).toContain('RMA,en,3,0,2,lexicon,RMA,');
    // The agents' cell starts with "=": a spreadsheet would run it, so it is quoted as text.
    expect(csv).toMatch(/,"'=HYPERLINK\(""http:\/\/x""\) 2, <img/);
    const html = cli(['audit', '--vocabulary', '-f', 'html', file]).stdout;
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('<td>RMA</td>');
  });

  it('leaves out placeholders, links, e-mail addresses, ids, numbers and quoted history; the library returns the list', async () => {
    const dir = tempDir();
    const agentText = (i: number) =>
      `Hi {{first_name}},\n\nsee https://help.example.com/zorblax-guide or write to quuxfrob@example.com; case KXJ-${4400 + i}, order 88123. The hotfix ships today.\n\nThanks\n\nOn Mon, Anna wrote:\n> my flimbat is broken`;
    const lines = Array.from({ length: 4 }, (_, i) =>
      JSON.stringify({
        id: `q${i}`,
        language: 'en',
        messages: [
          { role: 'customer', text: 'Hello, it is broken.' },
          { role: 'agent', author: 'Sam Reed', text: agentText(i) },
        ],
      }),
    );
    const file = join(dir, 'q.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const terms = termsOf(cli(['audit', '--vocabulary', '-f', 'json', '--min-conversations', '2', file]).stdout);
    expect(terms).toEqual(['hotfix']);
    const { audit } = await import('../src/index.js');
    const result = await audit(file, { vocabulary: true, minConversations: 2, workers: 1 });
    expect(result.vocabulary?.terms.map((t) => t.term)).toEqual(['hotfix']);
  });

  it('its options without --vocabulary are a usage error', () => {
    const r = cli(['audit', '--top', '5', 'nothing.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--top applies to --vocabulary only');
    expect(cli(['audit', '--vocabulary', '--customer-ratio', '2', 'x.jsonl']).code).toBe(2);
  });
});

describe('VocabularyTable', () => {
  it('keeps memory bounded: past MAX_TERMS the terms in fewest conversations go, and the report says by how much counts may be low', async () => {
    const config = (await loadConfig()) as ResolvedConfig;
    const table = new VocabularyTable();
    const part = (keys: string[], n = 1) => ({
      keys,
      counts: new Uint32Array(keys.length).fill(n),
      forms: keys.map((k) => k.slice(3)),
      formCounts: new Uint32Array(keys.length).fill(n),
      agents: ['A'],
      agentStarts: Uint32Array.from({ length: keys.length + 1 }, (_, i) => i),
      agentIds: new Uint32Array(keys.length),
      agentCounts: new Uint32Array(keys.length).fill(n),
      customers: new Uint32Array(0),
      names: [],
      conversations: n,
      agentReplies: n,
      customerMessages: 0,
    });
    table.merge(part(['en:frequentterm'], 50));
    for (let i = 0; i <= MAX_TERMS; i += 1000) table.merge(part(Array.from({ length: 1000 }, (_, j) => `en:rare${i + j}x`)));
    const report = table.build(config, { minConversations: 3, customerRatio: 0.05, top: 0, redact: false }, 0);
    expect(report.agentCountsLowBy).toBeGreaterThan(0);
    expect(report.terms.map((t) => t.term)).toEqual(['frequentterm']);
  });
});
