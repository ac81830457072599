// The figures of an audit, gathered one reply at a time at flat memory: per agent
// (replies, mean and 10th-percentile score from a 0-100 histogram, violations per
// rule), per rule (violations, share of replies), per day, and the worst replies.
import type { AuditedReply, Language, Severity } from '../types.js';

export interface AgentFigures {
  agent: string;
  replies: number;
  meanScore: number;
  p10Score: number;
  violations: Record<string, number>;
}

export interface RuleFigures {
  rule: string;
  violations: number;
  replies: number;
  share: number;
}

export interface DayFigures {
  day: string;
  replies: number;
  meanScore: number;
}

export interface AuditFigures {
  replies: number;
  meanScore: number;
  p10Score: number;
  /** How many replies scored 0-9, 10-19, … 90-99, 100. */
  scoreDistribution: number[];
  bySeverity: Record<Severity, number>;
  /** Replies per language (the reports' words are in the language most are in, under --locale auto). */
  byLanguage: Partial<Record<Language, number>>;
  agents: AgentFigures[];
  rules: RuleFigures[];
  days: DayFigures[];
  worst: AuditedReply[];
  skipped: number;
  /** A merge of shards with some missing (`audit merge --allow-missing`): of how many, and which (from 1). */
  incomplete?: { shards: number; missing: number[] };
}

/**
 * Scores as a 0-100 histogram: exact percentiles at a fixed size, and mergeable. The sum
 * is kept in whole thousandths of a point, so that it adds up exactly in any order: the
 * shards of an audit, merged, give the mean a single run gives, even where a config's
 * weights are fractions.
 */
class ScoreTally {
  replies = 0;
  scoreSumMilli = 0;
  // A typed array crosses between threads as one copy of bytes.
  readonly histogram = new Uint32Array(101);

  add(score: number): void {
    this.replies++;
    this.scoreSumMilli += Math.round(score * 1000);
    this.histogram[Math.max(0, Math.min(100, Math.round(score)))]++;
  }

  /** Another tally's counts (a worker's, arriving as plain data). */
  merge(other: TallyData): void {
    this.replies += other.replies;
    this.scoreSumMilli += other.scoreSumMilli;
    for (let i = 0; i < 101; i++) this.histogram[i] += other.histogram[i];
  }

  mean(): number {
    return this.replies ? Math.round(this.scoreSumMilli / this.replies / 100) / 10 : 100;
  }

  /** The score below which a tenth of the replies fall. */
  percentile(p: number): number {
    if (!this.replies) return 100;
    const rank = Math.ceil(p * this.replies);
    let seen = 0;
    for (let score = 0; score <= 100; score++) {
      seen += this.histogram[score];
      if (seen >= rank) return score;
    }
    return 100;
  }

  deciles(): number[] {
    const out = new Array<number>(11).fill(0);
    this.histogram.forEach((n, score) => {
      out[Math.min(10, Math.floor(score / 10))] += n;
    });
    return out;
  }
}

export type TallyData = Pick<ScoreTally, 'replies' | 'scoreSumMilli' | 'histogram'>;
/** An agent's figures, under the name reports show (masked by --redact). */
type AgentTally = { label: string; tally: ScoreTally; violations: Record<string, number> };
/** Violations per rule id, in an object without a prototype: no rule id reaches a key it already has. */
const perRule = () => Object.create(null) as Record<string, number>;
export type RuleTally = { violations: number; replies: number };
const UNKNOWN_AGENT = '(unknown agent)';

/** An object's entries in the order of their keys, in an object without a prototype (as perRule's). */
function sortedKeys<T extends object>(o: T): T {
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) out[key] = value;
  return out as T;
}

/**
 * Where a reply stands in the input: the input's place among the files named, the line
 * (or JSON array element; 0 for a file that is one value), the conversation's place among
 * those on that line, and the message's index. The worst replies of equal score and
 * violations are listed in input order, so the list is the same however the input was
 * split between worker threads or shards and merged again.
 */
export type InputPlace = readonly [input: number, line: number, conversation: number, message: number];
const NOWHERE: InputPlace = [0, 0, 0, 0];

/** A candidate for the worst replies: the reply as reports show it, and its place in the input. */
export interface WorstCandidate {
  reply: AuditedReply;
  at: InputPlace;
}

/** The worst first: lowest score, then most violations, then input order: one list whatever order the candidates arrive in. */
function worseFirst(a: WorstCandidate, b: WorstCandidate): number {
  const byScore = a.reply.score - b.reply.score || b.reply.violations.length - a.reply.violations.length;
  if (byScore) return byScore;
  for (let i = 0; i < a.at.length; i++) if (a.at[i] !== b.at[i]) return a.at[i] - b.at[i];
  return 0;
}

/**
 * A batch's figures as plain data, to be merged into the run's: a worker sends this
 * instead of a record per reply, so the main thread has little to receive or add up.
 */
export interface FiguresPart {
  all: TallyData;
  agents: Map<string, { label: string; tally: TallyData; violations: Record<string, number> }>;
  rules: Map<string, RuleTally>;
  days: Map<string, TallyData>;
  bySeverity: Record<Severity, number>;
  byLanguage: Partial<Record<Language, number>>;
}

export class FiguresBuilder {
  private readonly all = new ScoreTally();
  private readonly agents = new Map<string, AgentTally>();
  private readonly rules = new Map<string, RuleTally>();
  private readonly days = new Map<string, ScoreTally>();
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, suggestion: 0 };
  private readonly byLanguage: Partial<Record<Language, number>> = {};
  private worst: WorstCandidate[] = [];

  constructor(private readonly worstCount = 10) {}

  /**
   * One reply: its figures, and a place among the worst. `agentKey` tells agents apart
   * where the reply's `agent` is masked (--redact): two addresses can mask alike. `at` is
   * where the reply stands in the input (see WorstCandidate).
   */
  add(reply: AuditedReply, agentKey = reply.agent, at: InputPlace = NOWHERE): void {
    this.addFigures(reply, agentKey ?? UNKNOWN_AGENT);
    this.considerWorst([{ reply, at }]);
  }

  /** A reply's figures, without its place among the worst. */
  private addFigures(reply: Pick<AuditedReply, 'agent' | 'time' | 'score' | 'violations' | 'language'>, agentKey: string): void {
    this.all.add(reply.score);
    this.byLanguage[reply.language] = (this.byLanguage[reply.language] ?? 0) + 1;
    let agent = this.agents.get(agentKey);
    if (!agent) this.agents.set(agentKey, (agent = { label: reply.agent ?? UNKNOWN_AGENT, tally: new ScoreTally(), violations: perRule() }));
    agent.tally.add(reply.score);
    const seen = new Set<string>();
    for (const v of reply.violations) {
      this.bySeverity[v.severity]++;
      agent.violations[v.rule] = (agent.violations[v.rule] ?? 0) + 1;
      const rule = this.rules.get(v.rule) ?? { violations: 0, replies: 0 };
      rule.violations++;
      if (!seen.has(v.rule)) rule.replies++;
      seen.add(v.rule);
      this.rules.set(v.rule, rule);
    }
    const day = reply.time && /^\d{4}-\d{2}-\d{2}/.test(reply.time) ? reply.time.slice(0, 10) : undefined;
    if (day) {
      let tally = this.days.get(day);
      if (!tally) this.days.set(day, (tally = new ScoreTally()));
      tally.add(reply.score);
    }
  }

  /** The figures gathered so far, as plain data for another builder's `merge`. */
  part(): FiguresPart {
    return { all: this.all, agents: this.agents, rules: this.rules, days: this.days, bySeverity: this.bySeverity, byLanguage: this.byLanguage };
  }

  merge(part: FiguresPart): void {
    this.all.merge(part.all);
    for (const [key, a] of part.agents) {
      let agent = this.agents.get(key);
      if (!agent) this.agents.set(key, (agent = { label: a.label, tally: new ScoreTally(), violations: perRule() }));
      agent.tally.merge(a.tally);
      for (const [rule, n] of Object.entries(a.violations)) agent.violations[rule] = (agent.violations[rule] ?? 0) + n;
    }
    for (const [id, r] of part.rules) {
      const rule = this.rules.get(id) ?? { violations: 0, replies: 0 };
      rule.violations += r.violations;
      rule.replies += r.replies;
      this.rules.set(id, rule);
    }
    for (const [day, t] of part.days) {
      let tally = this.days.get(day);
      if (!tally) this.days.set(day, (tally = new ScoreTally()));
      tally.merge(t);
    }
    for (const severity of Object.keys(part.bySeverity) as Severity[]) this.bySeverity[severity] += part.bySeverity[severity];
    for (const [language, n] of Object.entries(part.byLanguage) as [Language, number][]) this.byLanguage[language] = (this.byLanguage[language] ?? 0) + n;
  }

  /** The worst replies so far, each with its place in the input, for another builder's `considerWorst`. */
  worstCandidates(): WorstCandidate[] {
    return this.worst;
  }

  /** Keep only the worst few: a bounded list, so a month of replies costs no memory. */
  considerWorst(candidates: readonly WorstCandidate[]): void {
    if (!this.worstCount) return;
    for (const candidate of candidates) {
      if (this.worst.length >= this.worstCount && worseFirst(candidate, this.worst[this.worst.length - 1]) >= 0) continue;
      this.worst.push(candidate);
      this.worst.sort(worseFirst);
      this.worst.length = Math.min(this.worst.length, this.worstCount);
    }
  }

  /**
   * The figures as reports show them. Everything is in an order of its own, never in the
   * order replies arrived: merged shards print what one run prints.
   */
  build(skipped: number): AuditFigures {
    const replies = this.all.replies;
    return {
      replies,
      meanScore: this.all.mean(),
      p10Score: this.all.percentile(0.1),
      scoreDistribution: this.all.deciles(),
      bySeverity: { ...this.bySeverity },
      byLanguage: sortedKeys(this.byLanguage),
      agents: [...this.agents]
        .map(([key, a]) => ({
          key,
          figures: {
            agent: a.label,
            replies: a.tally.replies,
            meanScore: a.tally.mean(),
            p10Score: a.tally.percentile(0.1),
            violations: sortedKeys(a.violations),
          },
        }))
        // Two agents whose names --redact masks alike are told apart by their counts, then by their keys.
        .sort(
          ({ key: k1, figures: a }, { key: k2, figures: b }) =>
            a.meanScore - b.meanScore || a.agent.localeCompare(b.agent) || b.replies - a.replies || a.p10Score - b.p10Score || (k1 < k2 ? -1 : k1 > k2 ? 1 : 0),
        )
        .map(({ figures }) => figures),
      rules: [...this.rules]
        .map(([rule, r]) => ({ rule, violations: r.violations, replies: r.replies, share: replies ? Math.round((1000 * r.replies) / replies) / 1000 : 0 }))
        .sort((a, b) => b.replies - a.replies || a.rule.localeCompare(b.rule)),
      days: [...this.days].map(([day, t]) => ({ day, replies: t.replies, meanScore: t.mean() })).sort((a, b) => a.day.localeCompare(b.day)),
      worst: this.worst.map((c) => c.reply),
      skipped,
    };
  }
}
