// `replylint mcp`: a Model Context Protocol server on stdio, for agents that check a
// draft before sending it. The process stays up, so the rules are compiled once and a
// reply costs milliseconds. Tools: lint_reply, list_rules.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import type { ResolvedConfig } from '../config/load-config.js';
import { Linter } from '../engine/lint.js';
import { loadRuleSet } from '../engine/rule-set.js';
import { defaultContext, type Locale } from '../types.js';
import { BoundedStdioTransport } from './mcp-transport.js';

export async function serveMcp(config: ResolvedConfig, version: string, locale?: Locale): Promise<void> {
  const linter = new Linter(loadRuleSet(config), { locale });
  await linter.prepare();
  const server = new McpServer({ name: 'replylint', version });

  server.registerTool(
    'lint_reply',
    {
      title: 'Lint a support reply',
      description:
        'Check the tone and etiquette of a customer-support reply (English, Czech, Slovak): greeting, apology, the customer\'s name, jargon, next steps and more. Returns a 0-100 score, every violation with its place and a hint, and the reply with automatic fixes applied.',
      inputSchema: {
        text: z.string().describe('the reply as it would be sent'),
        language: z.enum(['en', 'cs', 'sk']).optional().describe('default: detected'),
        channel: z.enum(['email', 'chat', 'social']).optional().describe('default: email'),
        customerName: z.string().optional().describe('the customer\'s full name, to check that the reply addresses them'),
        customerMessage: z.string().optional().describe('the customer\'s message this replies to'),
        agentName: z.string().optional(),
        firstReply: z.boolean().optional().describe('the agent\'s first message in the conversation (default true)'),
        template: z.boolean().optional().describe('a canned response with placeholders'),
      },
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
    { title: 'List the rules', description: 'Every replylint rule with its level, languages and description.', inputSchema: {} },
    async () => {
      const rules = linter.rules.map((r) => ({ id: r.id, level: r.level, languages: r.languages, description: r.description }));
      return { content: [{ type: 'text', text: JSON.stringify(rules, null, 2) }], structuredContent: { rules } };
    },
  );

  await server.connect(new BoundedStdioTransport());
}
