// `audit --vocabulary` in the audit's four formats. Terms, forms and agent names come
// from the export: each goes through report/escape.ts for its target, as in the other
// audit reports.
import type { ChalkInstance } from 'chalk';
import type { VocabularyReport, VocabularyTerm } from '../audit/vocabulary-table.js';
import { maxOf } from '../lists.js';
import { csvRows, htmlText as esc, safeJson, terminalText } from './escape.js';
import { plural } from './plural.js';

/** Agents with their counts in one cell: "Jana Horská 12, Petr Malý 3". */
const byAgent = (t: VocabularyTerm, clean: (s: string) => string = (s) => s) => t.agents.map((a) => `${clean(a.agent)} ${a.conversations}`).join(', ');
// A lexicon term is known by its concept's first form ("L1" for L2): in the tables it would
// read as a different term, so only the JSON and CSV carry it.
const knownText = (t: VocabularyTerm) => (t.known ? `${t.known}${t.known !== 'lexicon' && t.knownAs && t.knownAs !== t.term ? ` (${t.knownAs})` : ''}` : '');

function summaryLine(r: VocabularyReport): string {
  const low = [
    r.agentCountsLowBy ? `agents' counts may be low by up to ${r.agentCountsLowBy}` : '',
    r.customerCountsLowBy ? `customers' counts may be low by up to ${r.customerCountsLowBy}` : '',
  ].filter(Boolean);
  return `${plural(r.matching, 'term')} from ${plural(r.agentReplies, 'agent reply', 'agent replies')} and ${plural(r.customerMessages, 'customer message')} in ${plural(r.conversations, 'conversation')}${r.skipped ? `, ${r.skipped} skipped` : ''}${low.length ? ` (memory bounded: ${low.join(', ')})` : ''}`;
}

export function formatVocabularyStylish(r: VocabularyReport, chalk: ChalkInstance): string {
  const lines = [chalk.bold(`Vocabulary: ${r.rule}`), `  ${summaryLine(r)}`, ''];
  if (!r.terms.length) return `${lines.join('\n')}  no term matches; try a lower --min-conversations or a higher --customer-ratio\n`;
  const rows = [
    ['term', 'lang', 'conversations', 'customers', 'known', 'agents (conversations)'],
    ...r.terms.map((t) => [
      terminalText(t.term),
      t.language,
      String(t.conversations),
      String(t.customerConversations),
      terminalText(knownText(t)),
      byAgent(t, terminalText),
    ]),
  ];
  const widths = rows[0].map((_, i) => maxOf(rows.map((row) => (i === 5 ? 0 : row[i].length))));
  const right = [false, false, true, true, false, false];
  for (const [n, row] of rows.entries()) {
    const cells = row.map((cell, i) => (i === 5 ? cell : right[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])));
    const line = `  ${cells.join('  ')}`.trimEnd();
    lines.push(n === 0 ? chalk.dim(line) : row[4] ? chalk.dim(line) : line);
  }
  return lines.join('\n') + '\n';
}

export function formatVocabularyJson(r: VocabularyReport): string {
  const { skipped, ...vocabulary } = r;
  return `${safeJson({ version: 1, vocabulary, summary: { conversations: r.conversations, replies: r.agentReplies, skipped } }, 2)}\n`;
}

export const VOCABULARY_CSV_HEADER = ['term', 'language', 'conversations', 'customerConversations', 'agentCount', 'known', 'knownAs', 'agents'];

/** One row per term; the agents with their counts in one cell ("Jana Horská 12, Petr Malý 3"). */
export function formatVocabularyCsv(r: VocabularyReport): string {
  return csvRows([
    VOCABULARY_CSV_HEADER,
    ...r.terms.map((t) => [t.term, t.language, t.conversations, t.customerConversations, t.agents.length, t.known ?? '', t.knownAs ?? '', byAgent(t)]),
  ]);
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e4e4e4;vertical-align:top}td.n{text-align:right}tr.known td{color:#777}.rule{color:#555}`;

export function formatVocabularyHtml(r: VocabularyReport, title = 'replylint audit: vocabulary'): string {
  const rows = r.terms
    .map((t) => {
      const agents = t.agents.map((a) => `${esc(a.agent)} <b>${a.conversations}</b>`).join(', ');
      return `<tr${t.known ? ' class="known"' : ''}><td>${esc(t.term)}</td><td>${esc(t.language)}</td><td class="n">${t.conversations}</td><td class="n">${t.customerConversations}</td><td>${esc(knownText(t))}</td><td>${agents}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head>
<body><h1>${esc(title)}</h1>
<p class="rule">${esc(r.rule)}.<br>${esc(summaryLine(r))}.</p>
<table><thead><tr><th>term</th><th>language</th><th>conversations</th><th>customers</th><th>known</th><th>agents (conversations)</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</body></html>
`;
}
