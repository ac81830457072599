// The reports' own words (the summary line, the audit's headings and labels) in English,
// Czech and Slovak, as the rules' messages are. Czech and Slovak counts are written as
// "label: n" ("chyby: 0, varování: 2"), the way their interfaces write them: no plural
// forms or cases to get wrong for any n. Rule ids and levels stay as they are: they are
// what a config names.
import type { Language, Locale } from '../types.js';
import { numberRuns } from '../lists.js';
import { plural } from './plural.js';

const WORDS = {
  score: { en: 'score', cs: 'skóre', sk: 'skóre' },
  conversation: { en: 'conversation', cs: 'konverzace', sk: 'konverzácia' },
  message: { en: 'message', cs: 'zpráva', sk: 'správa' },
  skipped: { en: 'skipped', cs: 'přeskočeno', sk: 'preskočené' },
  meanScore: { en: 'mean score', cs: 'průměrné skóre', sk: 'priemerné skóre' },
  p10: { en: '10th percentile', cs: '10. percentil', sk: '10. percentil' },
  nothingLinted: { en: 'nothing linted', cs: 'nic nebylo zkontrolováno', sk: 'nič nebolo skontrolované' },
  nothingAudited: { en: 'nothing audited', cs: 'nic nebylo auditováno', sk: 'nič nebolo auditované' },
  audit: { en: 'Audit', cs: 'Audit', sk: 'Audit' },
  perAgent: { en: 'Per agent', cs: 'Podle agenta', sk: 'Podľa agenta' },
  perRule: { en: 'Per rule', cs: 'Podle pravidla', sk: 'Podľa pravidla' },
  overTime: { en: 'Over time', cs: 'V čase', sk: 'V čase' },
  worstReplies: { en: 'Worst replies', cs: 'Nejhorší odpovědi', sk: 'Najhoršie odpovede' },
  scoreDistribution: { en: 'Score distribution', cs: 'Rozložení skóre', sk: 'Rozloženie skóre' },
  meanOverTime: { en: 'Mean score over time', cs: 'Průměrné skóre v čase', sk: 'Priemerné skóre v čase' },
  meanPerAgent: { en: 'Mean score per agent', cs: 'Průměrné skóre podle agenta', sk: 'Priemerné skóre podľa agenta' },
  sharePerRule: { en: 'Share of replies per rule', cs: 'Podíl odpovědí podle pravidla', sk: 'Podiel odpovedí podľa pravidla' },
  agent: { en: 'agent', cs: 'agent', sk: 'agent' },
  rule: { en: 'rule', cs: 'pravidlo', sk: 'pravidlo' },
  day: { en: 'day', cs: 'den', sk: 'deň' },
  mean: { en: 'mean', cs: 'průměr', sk: 'priemer' },
  share: { en: 'share', cs: 'podíl', sk: 'podiel' },
  // Nouns as a count's label: English counts them ("2 replies"), Czech and Slovak label them ("odpovědi: 2").
  replies: { en: 'replies', cs: 'odpovědi', sk: 'odpovede' },
  violations: { en: 'violations', cs: 'porušení', sk: 'porušenia' },
  problems: { en: 'problems', cs: 'problémy', sk: 'problémy' },
  errors: { en: 'errors', cs: 'chyby', sk: 'chyby' },
  warnings: { en: 'warnings', cs: 'varování', sk: 'upozornenia' },
  suggestions: { en: 'suggestions', cs: 'návrhy', sk: 'návrhy' },
  inputs: { en: 'inputs', cs: 'vstupy', sk: 'vstupy' },
  // A merge of shards with some missing (audit merge --allow-missing): "incomplete: missing shards 2, 4 (of 4)".
  incomplete: { en: 'incomplete', cs: 'neúplné', sk: 'neúplné' },
  missingShards: { en: 'missing shards', cs: 'chybějící shardy', sk: 'chýbajúce shardy' },
  shardsInAll: { en: 'of', cs: 'celkem', sk: 'spolu' },
} as const satisfies Record<string, Record<Language, string>>;

export type Word = keyof typeof WORDS;
type Counted = 'replies' | 'problems' | 'errors' | 'warnings' | 'suggestions' | 'inputs' | 'violations';
const SINGULAR: Record<Counted, string> = {
  replies: 'reply',
  problems: 'problem',
  errors: 'error',
  warnings: 'warning',
  suggestions: 'suggestion',
  inputs: 'input',
  violations: 'violation',
};

/** The words of one language. */
export class ReportWords {
  constructor(readonly language: Language) {}

  word(id: Word): string {
    return WORDS[id][this.language];
  }

  /** A count with its noun: "1 reply", "2 replies"; "odpovědi: 2". */
  /** A merge with shards missing: "incomplete: missing shards 2, 4 (of 4)". */
  incomplete(missing: readonly number[], shards: number): string {
    return `${this.word('incomplete')}: ${this.word('missingShards')} ${numberRuns(missing)} (${this.word('shardsInAll')} ${shards})`;
  }

  count(n: number, noun: Counted): string {
    return this.language === 'en' ? plural(n, SINGULAR[noun], WORDS[noun].en) : `${WORDS[noun][this.language]}: ${n}`;
  }

  /** "0 errors, 2 warnings, 1 suggestion". */
  severities(s: { errors: number; warnings: number; suggestions: number }): string {
    return `${this.count(s.errors, 'errors')}, ${this.count(s.warnings, 'warnings')}, ${this.count(s.suggestions, 'suggestions')}`;
  }

  /** The lint summary: "3 problems (0 errors, 2 warnings, 1 suggestion) in 1 reply, mean score 77". */
  lintSummary(s: { errors: number; warnings: number; suggestions: number; replies: number; meanScore: number | null; skipped: number }): string {
    const problems = this.count(s.errors + s.warnings + s.suggestions, 'problems');
    const skipped = s.skipped ? `, ${this.language === 'en' ? `${s.skipped} skipped` : `${this.word('skipped')}: ${s.skipped}`}` : '';
    const replies = this.language === 'en' ? `in ${this.count(s.replies, 'replies')}` : this.count(s.replies, 'replies');
    return `${problems} (${this.severities(s)})${this.language === 'en' ? ' ' : ', '}${replies}, ${this.word('meanScore')} ${s.meanScore}${skipped}`;
  }

  /** "nothing linted: 2 inputs skipped". */
  nothingLinted(skipped: number): string {
    if (!skipped) return this.word('nothingLinted');
    return this.language === 'en'
      ? `nothing linted: ${plural(skipped, 'input')} skipped`
      : `${this.word('nothingLinted')} (${this.word('skipped')}: ${skipped})`;
  }
}

const BY_LANGUAGE: Record<Language, ReportWords> = { en: new ReportWords('en'), cs: new ReportWords('cs'), sk: new ReportWords('sk') };

export const wordsOf = (language: Language): ReportWords => BY_LANGUAGE[language];

/**
 * The language of a report's own lines: the one asked for, or under `auto` (the
 * default) the language most of its replies are in; English when they are as many.
 */
export function reportLanguage(locale: Locale | undefined, replies: Partial<Record<Language, number>>): Language {
  if (locale && locale !== 'auto') return locale;
  let best: Language = 'en';
  for (const language of ['cs', 'sk'] as const) if ((replies[language] ?? 0) > (replies[best] ?? 0)) best = language;
  return best;
}
