// Replies typed without diacritics, to customers whose names arrive without them (web
// forms, CSV exports), get the verdicts of the accented ones (issue 17): every Czech and
// Slovak agent message of the two labelled dev corpora (../shared/corpus), linted through
// the library's lint() as written and with diacritics stripped from every message and
// name, must report the same rules.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type ContextInput, lint } from '../src/index.js';

const CORPORA = ['dev.jsonl', 'dev2.jsonl'].map((name) => fileURLToPath(new URL(`../../shared/corpus/${name}`, import.meta.url)));

interface Conversation {
  id: string;
  language: string;
  channel?: ContextInput['channel'];
  template?: boolean;
  customer?: { name?: string };
  agent?: { name?: string };
  messages: { role: string; text: string }[];
}

const strip = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** The rules each agent message breaks, keyed by conversation and message, with the conversation as its context. */
function verdicts(conversations: Conversation[], typed: (text: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of conversations) {
    const customerMessages: string[] = [];
    const agentMessages: string[] = [];
    for (const [i, m] of c.messages.entries()) {
      const text = typed(m.text);
      if (m.role === 'customer') {
        customerMessages.push(text);
        continue;
      }
      const result = lint(text, {
        language: c.language as ContextInput['language'],
        channel: c.channel,
        template: c.template,
        customerName: c.customer?.name && typed(c.customer.name),
        agentName: c.agent?.name && typed(c.agent.name),
        customerMessages: [...customerMessages],
        previousAgentMessages: [...agentMessages],
        firstReply: agentMessages.length === 0,
      });
      out.set(`${c.id}#${i}`, [...new Set(result.violations.map((v) => v.rule))].sort().join(','));
      agentMessages.push(text);
    }
  }
  return out;
}

describe('Czech and Slovak replies and names typed without diacritics', () => {
  it('get the verdicts of the accented ones, over both dev corpora', () => {
    const conversations = CORPORA.flatMap((file) =>
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Conversation)
        .filter((c) => c.language === 'cs' || c.language === 'sk'),
    );
    const accented = verdicts(conversations, (t) => t);
    const stripped = verdicts(conversations, strip);
    // Both corpora are there and hold their 280 Czech and Slovak agent messages.
    expect(accented.size).toBe(280);
    const differing = [...accented].filter(([key, rules]) => stripped.get(key) !== rules).map(([key, rules]) => `${key}: ${rules} → ${stripped.get(key)}`);
    expect(differing).toEqual([]);
  });
});
