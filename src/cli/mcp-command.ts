// `replylint mcp`: a Model Context Protocol server on stdio, for agents that check a
// draft before sending it. The process stays up, so the rules are compiled once and a
// reply costs milliseconds. Tools: lint_reply, list_rules.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { CHANNELS, defaultContext, LANGUAGES, MAX_NAME_CHARS, type Locale } from '../types.js';
import { BoundedStdioTransport } from './mcp-transport.js';

/**
 * lint_reply's limit for the reply and the customer's message. The CLI skips files over
 * MAX_TEXT_BYTES (5 MB, input/read.ts) as no customer replies; a server that answers one
 * call at a time holds a tighter bound: 256 K characters of prose lint (as written and
 * fixed) in about 0.2 s, so that one huge call does not hold the next ones up for
 * seconds (every rule is linear in the reply's length: bench/run.mjs).
 */
export const MAX_REPLY_CHARS = 256 * 1024;

/** A string of at most `limit` characters, refused with its length and the limit. */
const bounded = (name: string, limit: number, what: string) =>
  z.string().max(limit, { error: (issue) => `${name} is ${(issue.input as string).length} characters long, over ${what} of ${limit}` });

/** A person's name: not blank, not a paragraph. */
const personName = (name: string, whose: string) =>
  bounded(name, MAX_NAME_CHARS, 'the limit')
    .trim()
    .min(1, { error: `${name} is empty: give ${whose} name, or leave it out` });

// Strict, so that a misspelt argument ("lang") is refused rather than quietly ignored.
const LINT_REPLY_SHAPE = {
  // An empty draft is no reply to score (the CLI says "is empty" too), not a reply scoring 84.
  text: bounded('text', MAX_REPLY_CHARS, "lint_reply's limit")
    .refine((t) => t.trim() !== '', { error: 'text is empty: give the reply as it would be sent' })
    .describe(`the reply as it would be sent (up to ${MAX_REPLY_CHARS} characters)`),
  language: z.enum(LANGUAGES).optional().describe('default: detected'),
  channel: z.enum(CHANNELS).optional().describe('default: email'),
  customerName: personName('customerName', "the customer's").optional().describe("the customer's full name, to check that the reply addresses them"),
  customerMessage: bounded('customerMessage', MAX_REPLY_CHARS, "lint_reply's limit").optional().describe("the customer's message this replies to"),
  agentName: personName('agentName', "the agent's").optional(),
  firstReply: z.boolean().optional().describe("the agent's first message in the conversation (default true)"),
  template: z.boolean().optional().describe('a canned response with placeholders'),
};
const LINT_REPLY_INPUT = z.strictObject(LINT_REPLY_SHAPE, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown argument ${issue.keys.map((k) => `"${k}"`).join(', ')}; lint_reply takes ${Object.keys(LINT_REPLY_SHAPE).join(', ')}`
      : undefined,
});

// What lint_reply and list_rules return as structured content, declared so that a client
// can validate it and an agent can plan around it (MCP's outputSchema).
const VIOLATION = z.object({
  rule: z.string().describe('the rule id, e.g. "name-use"'),
  messageId: z.string().optional().describe('the rule\'s message key, e.g. "wrong-case"'),
  severity: z.enum(['error', 'warning', 'suggestion']),
  message: z.string(),
  line: z.number().int().describe('1-based'),
  column: z.number().int().describe('1-based, in UTF-16 code units'),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  hint: z.string().optional().describe('how to put it right'),
});
const LINT_REPLY_OUTPUT = {
  score: z.number().int().min(0).max(100).describe('100 less the weight of each violation'),
  language: z.enum(LANGUAGES).describe('the language the reply was linted in'),
  violations: z.array(VIOLATION),
  fixed: z.string().describe('the reply with every automatic fix applied (the text itself when none applies)'),
  remaining: z.number().int().min(0).describe('violations left in the fixed text'),
};
const LIST_RULES_OUTPUT = {
  rules: z.array(
    z.object({ id: z.string(), level: z.enum(['error', 'warning', 'suggestion', 'off']), languages: z.array(z.enum(LANGUAGES)), description: z.string() }),
  ),
};

export async function serveMcp(config: ResolvedConfig, version: string, locale?: Locale): Promise<void> {
  const linter = new Linter(loadRuleSet(config), { locale });
  await linter.prepare();
  const server = new McpServer({ name: 'replylint', version });

  server.registerTool(
    'lint_reply',
    {
      title: 'Lint a support reply',
      description:
        "Check the tone and etiquette of a customer-support reply (English, Czech, Slovak): greeting, apology, the customer's name, jargon, next steps and more. Returns a 0-100 score, every violation with its place and a hint, and the reply with automatic fixes applied.",
      inputSchema: LINT_REPLY_INPUT,
      outputSchema: LINT_REPLY_OUTPUT,
    },
    async (args) => {
      const context = defaultContext({
        language: args.language,
        channel: args.channel ?? 'email',
        customerName: args.customerName,
        agentName: args.agentName,
        customerMessages: args.customerMessage ? [args.customerMessage] : [],
        firstReply: args.firstReply ?? true,
        template: args.template ?? false,
      });
      const reply = { text: args.text, source: 'reply', context };
      // The draft's own violations and score, and the text with every fix applied.
      const result = linter.lint(reply);
      const fixed = linter.lint(reply, { fix: true });
      const payload = {
        score: result.score,
        language: result.language,
        violations: result.violations.map(({ fix: _fix, ...v }) => v),
        fixed: fixed.output ?? args.text,
        remaining: fixed.violations.length,
      };
      return { content: [{ type: 'text', text: JSON.stringify(payload, null, 2) }], structuredContent: payload };
    },
  );

  server.registerTool(
    'list_rules',
    {
      title: 'List the rules',
      description: 'Every replylint rule with its level, languages and description.',
      inputSchema: {},
      outputSchema: LIST_RULES_OUTPUT,
    },
    async () => {
      const rules = linter.rules.map((r) => ({ id: r.id, level: r.level, languages: r.languages, description: r.description }));
      return { content: [{ type: 'text', text: JSON.stringify(rules, null, 2) }], structuredContent: { rules } };
    },
  );

  await server.connect(new BoundedStdioTransport());
}
