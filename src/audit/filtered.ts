// What the audit's filters (--agent, --since, --until) left out, kept small: when they
// leave nothing, the lead is told which agents and dates the export does have, instead of
// an empty report.
import { fold } from '../text/fold.js';

/** Agent names remembered per batch and in all: enough to show, bounded for any export. */
const AGENTS_SHOWN = 20;

export interface FilteredOut {
  replies: number;
  agents: string[];
  /** The earliest and latest reply times seen (ISO strings compare as dates). */
  first?: string;
  last?: string;
}

export const noneFiltered = (): FilteredOut => ({ replies: 0, agents: [] });

/** One reply left out. */
export function addFiltered(f: FilteredOut, agent: string | undefined, time: string | undefined): void {
  f.replies++;
  if (agent && f.agents.length < AGENTS_SHOWN && !f.agents.includes(agent)) f.agents.push(agent);
  if (time) {
    if (!f.first || time < f.first) f.first = time;
    if (!f.last || time > f.last) f.last = time;
  }
}

/** Another batch's tally added to `into`. */
export function mergeFiltered(into: FilteredOut, part: FilteredOut | undefined): void {
  if (!part) return;
  into.replies += part.replies;
  for (const a of part.agents) if (into.agents.length < AGENTS_SHOWN && !into.agents.includes(a)) into.agents.push(a);
  if (part.first && (!into.first || part.first < into.first)) into.first = part.first;
  if (part.last && (!into.last || part.last > into.last)) into.last = part.last;
}

/** An agent's name as --agent matches it: case, diacritics and spacing aside ("jana novakova" is "Jana Nováková"). */
export const agentKey = (name: string): string => fold(name).trim().replace(/\s+/g, ' ');

/** What the export has, said when the filters left nothing. */
export function describeFiltered(f: FilteredOut): string {
  const agents = f.agents.length ? `agents ${f.agents.map((a) => `"${a}"`).join(', ')}${f.agents.length === AGENTS_SHOWN ? ', …' : ''}` : 'no agent names';
  const dates = f.first && f.last ? `replies from ${f.first.slice(0, 10)} to ${f.last.slice(0, 10)}` : 'replies without dates';
  return `the export has ${f.replies} ${f.replies === 1 ? 'reply' : 'replies'}: ${agents}; ${dates}`;
}

/**
 * A --since/--until value: a calendar date written YYYY-MM-DD. "2025-13-45" and
 * "yesterday" are refused rather than compared as text and silently matching nothing.
 */
export function checkDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return `not "${value}"`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return `and ${value} is no calendar date`;
  return undefined;
}
