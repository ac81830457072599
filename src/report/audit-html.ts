// --format html for audits: one self-contained file (inline CSS and SVG, no scripts, no
// network) a lead opens in a browser: score distribution, per-agent and per-rule
// charts, the trend over time, and the worst replies with their violations marked.
// Every string from input, in text, attributes and SVG alike, goes through esc.
import type { AuditFigures } from '../audit/figures.js';
import type { AuditedReply, Locale, Violation } from '../types.js';
import { maxOf } from '../lists.js';
import { htmlText as esc } from './escape.js';
import { reportLanguage, wordsOf, type ReportWords } from './words.js';

function barChart(id: string, title: string, bars: { label: string; value: number; text: string }[], max: number): string {
  const rowHeight = 22;
  const labelWidth = 170;
  const width = 880;
  const height = Math.max(1, bars.length) * rowHeight + 10;
  const rows = bars
    .map((b, i) => {
      // Room on the right for the value's text.
      const w = max > 0 ? Math.max(1, Math.round(((width - labelWidth - 240) * b.value) / max)) : 1;
      const y = i * rowHeight + 5;
      return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${esc(b.label)}</text><rect class="bar" x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" data-value="${b.value}"><title>${esc(b.label)}: ${esc(b.text)}</title></rect><text x="${labelWidth + w + 6}" y="${y + 15}">${esc(b.text)}</text>`;
    })
    .join('');
  return `<section class="chart" id="${id}"><h2>${esc(title)}</h2><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">${rows}</svg></section>`;
}

function distribution(f: AuditFigures, w: ReportWords): string {
  const width = 640;
  const height = 200;
  const max = maxOf(f.scoreDistribution, 1);
  const bw = width / f.scoreDistribution.length;
  const bars = f.scoreDistribution
    .map((n, i) => {
      const h = Math.round(((height - 40) * n) / max);
      const label = i === 10 ? '100' : `${i * 10}–${i * 10 + 9}`;
      return `<rect class="bar" x="${i * bw + 4}" y="${height - 20 - h}" width="${bw - 8}" height="${Math.max(h, n ? 1 : 0)}" data-value="${n}"><title>${label}: ${esc(w.count(n, 'replies'))}</title></rect><text x="${i * bw + bw / 2}" y="${height - 5}" text-anchor="middle">${label}</text><text x="${i * bw + bw / 2}" y="${height - 24 - h}" text-anchor="middle">${n || ''}</text>`;
    })
    .join('');
  const title = esc(w.word('scoreDistribution'));
  return `<section class="chart" id="distribution"><h2>${title}</h2><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}">${bars}</svg></section>`;
}

function trend(f: AuditFigures, w: ReportWords): string {
  if (f.days.length < 2) return '';
  const width = 640;
  const height = 200;
  const x = (i: number) => 30 + (i * (width - 60)) / (f.days.length - 1);
  const y = (score: number) => 20 + ((100 - score) * (height - 50)) / 100;
  const points = f.days.map((d, i) => `${x(i).toFixed(1)},${y(d.meanScore).toFixed(1)}`).join(' ');
  const dots = f.days
    .map(
      (d, i) =>
        `<circle class="point" cx="${x(i).toFixed(1)}" cy="${y(d.meanScore).toFixed(1)}" r="3"><title>${esc(d.day)}: ${esc(w.word('mean'))} ${d.meanScore}, ${esc(w.count(d.replies, 'replies'))}</title></circle>`,
    )
    .join('');
  const labels = [0, f.days.length - 1]
    .map((i) => `<text x="${x(i)}" y="${height - 8}" text-anchor="${i === 0 ? 'start' : 'end'}">${esc(f.days[i].day)}</text>`)
    .join('');
  const title = esc(w.word('meanOverTime'));
  return `<section class="chart" id="trend"><h2>${title}</h2><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${title}"><polyline class="line" points="${points}"/>${dots}${labels}</svg></section>`;
}

/** The reply's text with each violation's span wrapped in <mark>. */
export function highlight(text: string, violations: readonly Violation[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (line: number, column: number) => Math.min(text.length, (lineStarts[line - 1] ?? text.length) + column - 1);
  const spans = violations
    .map((v) => ({ start: offset(v.line, v.column), end: offset(v.endLine, v.endColumn), v }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const s of spans) {
    if (s.start < cursor) continue; // overlapping: the first one wins the mark
    out += esc(text.slice(cursor, s.start));
    out += `<mark class="v ${s.v.severity}" data-rule="${esc(s.v.rule)}" title="${esc(`${s.v.rule}: ${s.v.message}`)}">${esc(text.slice(s.start, s.end))}</mark>`;
    cursor = s.end;
  }
  return out + esc(text.slice(cursor));
}

function worst(replies: readonly AuditedReply[], w: ReportWords): string {
  const items = replies
    .map((r) => {
      const where = r.conversationId !== undefined ? `${r.source} · ${r.conversationId} #${r.messageIndex}` : r.source;
      const list = r.violations.map((v) => `<li class="${v.severity}"><b>${esc(v.rule)}</b> ${esc(v.message)}</li>`).join('');
      return `<article class="reply"><header><span class="score">${r.score}</span> ${esc(where)}${r.agent ? ` · ${esc(r.agent)}` : ''}</header><pre>${highlight(r.text, r.violations)}</pre><ul>${list}</ul></article>`;
    })
    .join('');
  return `<section id="worst"><h2>${esc(w.word('worstReplies'))}</h2>${items}</section>`;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}h1{margin-bottom:.2rem}.kpis{display:flex;gap:1rem;margin:1rem 0}.kpi{background:#f4f6f8;padding:.6rem 1rem;border-radius:6px}.kpi b{display:block;font-size:1.4rem}svg text{font-size:11px;fill:#444}.bar{fill:#4a7bd0}.line{fill:none;stroke:#4a7bd0;stroke-width:2}.point{fill:#4a7bd0}.chart{margin:1.5rem 0}pre{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:.6rem;border-radius:4px}mark.v{border-radius:2px;padding:0 1px}mark.error{background:#ffc9c9}mark.warning{background:#ffe8a3}mark.suggestion{background:#cfe8ff}.reply{margin:1rem 0;border-top:1px solid #ddd;padding-top:.6rem}.score{display:inline-block;min-width:2.2rem;text-align:center;background:#c92a2a;color:#fff;border-radius:4px;font-weight:bold}li.error b{color:#c92a2a}li.warning b{color:#b7791f}li.suggestion b{color:#1c7ed6}.incomplete{background:#fff3bf;border-left:4px solid #f08c00;padding:.5rem .8rem;font-weight:bold}`;

/** The report; its words in `locale`'s language (under auto, that of most replies: words.ts). */
export function formatAuditHtml(f: AuditFigures, title = 'replylint audit', locale?: Locale): string {
  const w = wordsOf(reportLanguage(locale, f.byLanguage));
  const agents = barChart(
    'agents',
    w.word('meanPerAgent'),
    f.agents.map((a) => ({ label: a.agent, value: a.meanScore, text: `${a.meanScore} (p10 ${a.p10Score}, ${w.count(a.replies, 'replies')})` })),
    100,
  );
  const rules = barChart(
    'rules',
    w.word('sharePerRule'),
    f.rules.map((r) => ({ label: r.rule, value: r.share, text: `${(r.share * 100).toFixed(1)}% (${r.violations})` })),
    maxOf(
      f.rules.map((r) => r.share),
      0.01,
    ),
  );
  const kpi = (label: string, value: string | number) => `<div class="kpi"><b>${esc(String(value))}</b>${esc(label)}</div>`;
  return `<!doctype html>
<html lang="${w.language}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head>
<body><h1>${esc(title)}</h1>
${f.incomplete ? `<p class="incomplete">${esc(w.incomplete(f.incomplete.missing, f.incomplete.shards))}</p>\n` : ''}<div class="kpis">${kpi(w.word('replies'), f.replies)}${kpi(w.word('meanScore'), f.meanScore)}${kpi(w.word('p10'), f.p10Score)}${kpi(w.word('errors'), f.bySeverity.error)}${kpi(w.word('warnings'), f.bySeverity.warning)}${kpi(w.word('skipped'), f.skipped)}</div>
${distribution(f, w)}${agents}${rules}${trend(f, w)}${worst(f.worst, w)}
</body></html>
`;
}
