// template-case: in a canned response, a bare first-name placeholder in a Czech greeting
// ("Dobrý den, {{first_name}}") is filled in the nominative ("Petr"), where Czech
// addresses in the vocative ("Petře"). Suggest a vocative field, or a greeting that
// needs no name case.
import type { RuleKind } from '../rule.js';

const VOCATIVE_FIELD = /voc|vok|oslov|salut|greeting|pozdrav|5/i;

export const templateCase: RuleKind = {
  name: 'template-case',
  doc: 'In a canned response, the first name placeholder in the first two lines whose field does not name a vocative or greeting form: it is filled in the nominative, where Czech addresses in the vocative. The kind reads every language; the built-in rule is for Czech only.',
  fields: {},
  messages: ['nominative'],
  fixable: () => false,
  compile() {
    return ({ doc, reply }) => {
      if (!reply.context.template) return [];
      const greetingLines = doc.lineZones.slice(0, 2);
      return doc.placeholders
        .filter((p) => p.isName && !VOCATIVE_FIELD.test(p.field) && greetingLines.some((l) => p.start >= l.start && p.end <= l.end))
        .slice(0, 1)
        .map((p) => ({ start: p.start, end: p.end, message: 'nominative', data: { match: p.text } }));
    };
  },
};
