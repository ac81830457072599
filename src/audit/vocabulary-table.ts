// The main thread's side of `audit --vocabulary` (see vocabulary.ts): batches' terms
// merged at bounded memory, and the list a lead reads: terms agents use in at least
// `minConversations` conversations and customers in at most `customerRatio` as many,
// names left out, a term inside a longer listed one that says it all left out, terms the
// jargon lexicon or the team's config already has marked as known.
import type { ResolvedConfig } from '../config/load-config.js';
import { buildDocument } from '../document/document.js';
import { findJargon, normalizeTerm } from '../engine/lexicon/index.js';
import type { Language } from '../types.js';
import { redact } from './redact.js';
import { termHash, type LanguageGroup, type VocabularyPart } from './vocabulary.js';

/** Agents' terms kept at most; past it the ones in fewest conversations are dropped (lossy counting). */
export const MAX_TERMS = 50_000;
/** Customers' term counts kept at most (slots of a table of hashes: 8 bytes each). */
const MAX_CUSTOMER_SLOTS = 1 << 22;
/** Names (folded words) kept at most for leaving names out. */
const MAX_NAMES = 200_000;
/** A term inside a longer listed term is left out when the longer one has this share of its conversations. */
const SUBSUMED = 0.8;

/**
 * Counts keyed by 32-bit hashes, in two typed arrays (open addressing): a few bytes per
 * key where a Map of strings costs a hundred. Grows to MAX_CUSTOMER_SLOTS; full there,
 * the smallest counts are dropped, and `prunedAtMost` says how low a count may be.
 */
class CountTable {
  private keys = new Uint32Array(1 << 12);
  private counts = new Uint32Array(1 << 12);
  private size = 0;
  prunedAtMost = 0;

  add(hash: number): void {
    const mask = this.keys.length - 1;
    let i = hash & mask;
    while (this.keys[i] !== 0 && this.keys[i] !== hash) i = (i + 1) & mask;
    if (this.keys[i] === 0) {
      this.keys[i] = hash;
      this.size++;
    }
    this.counts[i]++;
    if (this.size > this.keys.length * 0.7) this.makeRoom();
  }

  get(hash: number): number {
    const mask = this.keys.length - 1;
    for (let i = hash & mask; this.keys[i] !== 0; i = (i + 1) & mask) if (this.keys[i] === hash) return this.counts[i];
    return 0;
  }

  private makeRoom(): void {
    if (this.keys.length < MAX_CUSTOMER_SLOTS) {
      this.rebuild(this.keys.length * 2, 0);
      return;
    }
    // Full: drop the smallest counts until half the table is free.
    let below = this.prunedAtMost;
    while (this.size > this.keys.length * 0.35) {
      below++;
      this.rebuild(this.keys.length, below);
    }
    this.prunedAtMost = below;
  }

  private rebuild(slots: number, dropAtMost: number): void {
    const [keys, counts] = [this.keys, this.counts];
    this.keys = new Uint32Array(slots);
    this.counts = new Uint32Array(slots);
    this.size = 0;
    const mask = slots - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j] === 0 || counts[j] <= dropAtMost) continue;
      let i = keys[j] & mask;
      while (this.keys[i] !== 0) i = (i + 1) & mask;
      this.keys[i] = keys[j];
      this.counts[i] = counts[j];
      this.size++;
    }
  }
}

export interface VocabularyOptions {
  /** Agents use the term in at least this many conversations (default 3). */
  minConversations: number;
  /** Customers use it in at most this share of as many conversations (default 0.05: 1 in 20). */
  customerRatio: number;
  /** Terms listed at most (0: all). */
  top: number;
  redact: boolean;
}

export const VOCABULARY_DEFAULTS = { minConversations: 3, customerRatio: 0.05, top: 100 } as const;

export interface VocabularyTerm {
  /** As agents write it most often. */
  term: string;
  /** "en", or "cs/sk". */
  language: 'en' | 'cs/sk';
  /** Conversations in which agents use it. */
  conversations: number;
  /** Conversations in which customers use it. */
  customerConversations: number;
  /** Each agent using it, with in how many conversations, most first. */
  agents: { agent: string; conversations: number }[];
  /** Where replylint knows it from already: the jargon lexicon, the team's vocabulary.jargon, vocabulary.allow or brand.names. */
  known?: 'lexicon' | 'vocabulary' | 'allowed' | 'brand';
  /** The entry it is known by: the config's entry, or the lexicon concept's first form ("L1" for L2, "backend+"). */
  knownAs?: string;
}

export interface VocabularyReport {
  /** The rule the list follows, in words (for every format's header). */
  rule: string;
  minConversations: number;
  customerRatio: number;
  conversations: number;
  agentReplies: number;
  customerMessages: number;
  /** Terms that pass the rule (before `top`). */
  matching: number;
  terms: VocabularyTerm[];
  /** Memory was bounded: an agents' count may be low by this much (0: every count is exact). */
  agentCountsLowBy: number;
  /** The same for customers' counts. */
  customerCountsLowBy: number;
  skipped: number;
}

export function vocabularyRule(o: Pick<VocabularyOptions, 'minConversations' | 'customerRatio'>): string {
  const ratio = o.customerRatio === 0 ? 'never' : `in at most ${+(o.customerRatio * 100).toFixed(2)}% as many`;
  return `terms agents use in ${o.minConversations} conversations or more and customers ${ratio}; most conversations first`;
}

/** A term's counts in the run, in small arrays (a Map each cost ten times the bytes). */
interface Entry {
  /** Conversations in which agents use it. */
  c: number;
  /** Written forms with their counts, at most MAX_FORMS. */
  forms: [string, number][];
  /** Agent ids and their conversations, in pairs. */
  agents: number[];
}

const MAX_FORMS = 8;

export class VocabularyTable {
  private readonly terms = new Map<string, Entry>();
  private readonly customers = new CountTable();
  private readonly names = new Set<string>();
  private readonly agentNames: string[] = [];
  private readonly agentIds = new Map<string, number>();
  private conversations = 0;
  private agentReplies = 0;
  private customerMessages = 0;
  private prunedAtMost = 0;

  merge(part: VocabularyPart): void {
    this.conversations += part.conversations;
    this.agentReplies += part.agentReplies;
    this.customerMessages += part.customerMessages;
    for (const name of part.names) if (this.names.size < MAX_NAMES) this.names.add(name);
    for (const h of part.customers) this.customers.add(h);
    // The batch's agent ids as the run's.
    const ids = part.agents.map((agent) => {
      let id = this.agentIds.get(agent);
      if (id === undefined) this.agentIds.set(agent, (id = this.agentNames.push(agent) - 1));
      return id;
    });
    part.keys.forEach((key, i) => {
      let entry = this.terms.get(key);
      if (!entry) this.terms.set(key, (entry = { c: 0, forms: [], agents: [] }));
      entry.c += part.counts[i];
      const form = entry.forms.find((f) => f[0] === part.forms[i]);
      if (form) form[1] += part.formCounts[i];
      else entry.forms.push([part.forms[i], part.formCounts[i]]);
      if (entry.forms.length > MAX_FORMS) entry.forms.sort((a, b) => b[1] - a[1]).length = MAX_FORMS;
      for (let j = part.agentStarts[i]; j < part.agentStarts[i + 1]; j++) {
        const id = ids[part.agentIds[j]];
        let k = 0;
        while (k < entry.agents.length && entry.agents[k] !== id) k += 2;
        if (k < entry.agents.length) entry.agents[k + 1] += part.agentCounts[j];
        else entry.agents.push(id, part.agentCounts[j]);
      }
    });
    if (this.terms.size > MAX_TERMS) this.prune();
  }

  /** Lossy counting: the terms in fewest conversations go until half the room is free. */
  private prune(): void {
    let below = this.prunedAtMost;
    while (this.terms.size > MAX_TERMS / 2) {
      below++;
      for (const [key, entry] of this.terms) if (entry.c <= below) this.terms.delete(key);
    }
    this.prunedAtMost = below;
  }

  build(config: ResolvedConfig, options: VocabularyOptions, skipped: number): VocabularyReport {
    const passing: { key: string; words: string[]; group: LanguageGroup; counts: Entry; customers: number }[] = [];
    for (const [key, counts] of this.terms) {
      if (counts.c < options.minConversations) continue;
      const customers = this.customers.get(termHash(key));
      if (customers > options.customerRatio * counts.c) continue;
      const group = key.slice(0, 2) as LanguageGroup;
      const words = key.slice(3).split(' ');
      if (words.some((w) => this.names.has(w))) continue;
      passing.push({ key, words, group, counts, customers });
    }
    // A sequence is listed as the way one of its listed words is mostly used ("eskalovat na
    // L2" for "eskalovat"); words customers each use ("balík i reklamace"), or two listed
    // words that merely meet ("backendu a eskalovala"), are no term of their own.
    const single = new Map(passing.filter((p) => p.words.length === 1).map((p) => [p.key, p.counts.c]));
    const phrases = passing.filter((p) => p.words.length === 1 || p.words.some((w) => p.counts.c >= SUBSUMED * (single.get(`${p.group}:${w}`) ?? Infinity)));
    // A term inside a longer one that holds most of its uses says less than it: "L2" in "eskalovat na L2".
    const longer = phrases.filter((p) => p.words.length > 1);
    const listed = phrases.filter(
      (p) =>
        !longer.some(
          (l) =>
            l.group === p.group &&
            l.words.length > p.words.length &&
            ` ${l.words.join(' ')} `.includes(` ${p.words.join(' ')} `) &&
            l.counts.c >= SUBSUMED * p.counts.c,
        ),
    );
    listed.sort((a, b) => b.counts.c - a.counts.c || b.counts.agents.length - a.counts.agents.length || a.key.localeCompare(b.key));
    const shown = options.top > 0 ? listed.slice(0, options.top) : listed;
    const knownBy = knownTerms(config);
    const label = (s: string) => (options.redact ? redact(s) : s);
    const terms = shown.map(({ words, group, counts, customers }): VocabularyTerm => {
      const term = [...counts.forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
      const agents: VocabularyTerm['agents'] = [];
      for (let k = 0; k < counts.agents.length; k += 2) agents.push({ agent: label(this.agentNames[counts.agents[k]]), conversations: counts.agents[k + 1] });
      agents.sort((a, b) => b.conversations - a.conversations || a.agent.localeCompare(b.agent));
      return {
        term: label(term),
        language: group === 'en' ? 'en' : 'cs/sk',
        conversations: counts.c,
        customerConversations: customers,
        agents,
        ...knownBy(term, words.join(' '), group),
      };
    });
    return {
      rule: vocabularyRule(options),
      minConversations: options.minConversations,
      customerRatio: options.customerRatio,
      conversations: this.conversations,
      agentReplies: this.agentReplies,
      customerMessages: this.customerMessages,
      matching: listed.length,
      terms,
      agentCountsLowBy: this.prunedAtMost,
      customerCountsLowBy: this.customers.prunedAtMost,
      skipped,
    };
  }
}

type Known = Pick<VocabularyTerm, 'known' | 'knownAs'>;

/** Where a term is known already: the lexicon (as no-jargon reads it), or the team's config. */
function knownTerms(config: ResolvedConfig): (term: string, folded: string, group: LanguageGroup) => Known {
  const team = config.vocabulary.jargon.map((j) => ({ entry: j.term, folded: normalizeTerm(j.term) }));
  const allow = config.vocabulary.allow.map((a) => ({ entry: a, folded: normalizeTerm(a) }));
  const brand = config.brand.names.map((b) => ({ entry: b, folded: normalizeTerm(b) }));
  const matches = (entry: string, folded: string) => (entry.endsWith('*') ? folded.startsWith(entry.slice(0, -1)) : entry === folded);
  return (term, folded, group) => {
    const inLexicon = lexiconTerm(term, group);
    if (inLexicon) return { known: 'lexicon', knownAs: inLexicon };
    const t = team.find((e) => matches(e.folded, folded));
    if (t) return { known: 'vocabulary', knownAs: t.entry };
    const a = allow.find((e) => e.folded === folded);
    if (a) return { known: 'allowed', knownAs: a.entry };
    const b = brand.find((e) => e.folded && ` ${folded} `.includes(` ${e.folded} `));
    if (b) return { known: 'brand', knownAs: b.entry };
    return {};
  };
}

/** The lexicon's term that matches the whole of `term`, as no-jargon would find it in a reply. */
function lexiconTerm(term: string, group: LanguageGroup): string | undefined {
  const languages: Language[] = group === 'en' ? ['en'] : ['cs', 'sk'];
  for (const language of languages) {
    const doc = buildDocument(term, { language });
    try {
      const found = findJargon(doc, { start: 0, end: doc.text.length }, language, { terms: true, acronyms: false });
      const whole = found.find((m) => m.start === 0 && m.end === doc.text.length && m.term !== undefined);
      if (whole) return whole.term;
    } catch {
      return undefined;
    }
  }
  return undefined;
}
