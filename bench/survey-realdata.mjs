#!/usr/bin/env node
// Not a test: runs the recommended rules over the real replies in ../shared/realdata
// and prints the share of replies each rule flags, with a few flagged examples per
// rule (`--show RULE [N]`), to find false alarms on text nobody here wrote.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, '..', 'shared', 'realdata');
if (!existsSync(data)) {
  console.error(`no ${data}`);
  process.exit(2);
}
const { createLinter } = await import(join(root, 'dist/index.js'));
const { defaultContext } = await import(join(root, 'dist/types.js'));
const linter = createLinter();
const read = (file) =>
  readFileSync(join(data, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

const sets = {
  'twitter (IBM)': () =>
    read('ibm_twitter_customer_care/conversations.jsonl').flatMap((c) => {
      const out = [];
      const customer = [];
      let agentTurns = 0;
      for (const t of c.turns) {
        if (t.role === 'customer') customer.push(t.text);
        else out.push({ text: t.text, context: { channel: 'social', customerMessages: [...customer], firstReply: agentTurns++ === 0, language: 'en' } });
      }
      return out;
    }),
  'twitter (TWCS)': () =>
    read('twcs_sample/agent_reply_pairs.jsonl').map((r) => ({
      text: r.agent_text,
      context: { channel: 'social', customerMessages: [r.customer_text], language: 'en' },
    })),
  'canned responses': () =>
    read('canned_responses/canned_responses.jsonl').map((r) => ({
      text: r.text,
      context: { template: true, language: ['en', 'cs', 'sk'].includes(r.language) ? r.language : undefined },
    })),
  'cs/sk vendor replies': () =>
    read('github_issue_support_replies_cs_sk/replies.jsonl').map((r) => ({
      text: r.text,
      context: { language: ['en', 'cs', 'sk'].includes(r.language) ? r.language : undefined },
    })),
  'cs restaurants (chat)': () =>
    read('cs_restaurants/cs_restaurants.jsonl').map((r) => ({ text: r.text, context: { channel: 'chat', firstReply: false, language: 'cs' } })),
};

const showIndex = process.argv.indexOf('--show');
const show = showIndex > 0 ? process.argv[showIndex + 1] : undefined;
const showCount = showIndex > 0 ? Number(process.argv[showIndex + 2]) || 10 : 0;
const only = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : undefined;

for (const [name, load] of Object.entries(sets)) {
  if (only && !name.includes(only)) continue;
  const replies = load();
  const counts = {};
  const examples = [];
  for (const r of replies) {
    const result = linter.lint({ text: r.text, source: name, context: defaultContext(r.context) });
    for (const rule of new Set(result.violations.map((v) => v.rule))) counts[rule] = (counts[rule] ?? 0) + 1;
    if (show && examples.length < showCount) {
      const v = result.violations.find((x) => x.rule === show);
      if (v) examples.push({ text: r.text, customer: r.context.customerMessages?.at(-1), message: v.message });
    }
  }
  const shares = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([rule, n]) => `${rule} ${((100 * n) / replies.length).toFixed(1)}%`);
  console.log(`${name}: ${replies.length} replies — ${shares.join(', ') || 'nothing flagged'}`);
  for (const e of examples)
    console.log(
      `   · ${e.message}\n     customer: ${(e.customer ?? '').slice(0, 160).replace(/\n/g, ' ')}\n     reply: ${e.text.slice(0, 300).replace(/\n/g, ' ⏎ ')}`,
    );
}
