// --format csv for audits: one row per reply as it comes, or with --per agent one row
// per agent at the end (a column per rule). Cells are escaped as report/escape.ts says.
import type { AuditFigures } from '../audit/figures.js';
import type { AuditedReply } from '../types.js';
import { csvRows as csv } from './escape.js';

export const REPLY_HEADER = [
  'source',
  'conversation',
  'message',
  'agent',
  'time',
  'language',
  'channel',
  'score',
  'errors',
  'warnings',
  'suggestions',
  'rules',
];

export function replyRow(r: AuditedReply): string {
  const count = (s: string) => r.violations.filter((v) => v.severity === s).length;
  const rules = [...new Set(r.violations.map((v) => v.rule))].join(' ');
  return csv([
    [
      r.source,
      r.conversationId ?? '',
      r.messageIndex ?? '',
      r.agent ?? '',
      r.time ?? '',
      r.language,
      r.channel,
      r.score,
      count('error'),
      count('warning'),
      count('suggestion'),
      rules,
    ],
  ]);
}

export function header(): string {
  return csv([REPLY_HEADER]);
}

export function agentTable(figures: AuditFigures): string {
  const rules = figures.rules.map((r) => r.rule);
  return csv([
    ['agent', 'replies', 'meanScore', 'p10Score', ...rules],
    ...figures.agents.map((a) => [a.agent, a.replies, a.meanScore, a.p10Score, ...rules.map((r) => a.violations[r] ?? 0)]),
  ]);
}
