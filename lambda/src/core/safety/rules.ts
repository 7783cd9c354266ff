/**
 * The safety rules from data/safety.json (validated at build time by scripts/validate-data.ts), and
 * look-ups from what a user said to a condition, a red flag or a stop-rule symptom. A phrase
 * resolves to exactly one of them (validation checks that no phrase is in two entries); a sentence
 * that names several ("a fever and back pain", "numb legs and I can't pee") gives them all, the
 * most urgent first.
 */
import safetyFile from '../../../../data/safety.json';
import { englishSpoken, type SpokenForms } from '../spoken-forms';
import { englishPhrasings, type Phrasings } from './phrasings';
import type { PointCode } from '../types';
import type { Condition, RedFlag, SafetyData, StepText, StopSymptom } from './types';

export type HealthMatch =
  | { kind: 'condition'; condition: Condition }
  | { kind: 'red-flag'; redFlag: RedFlag }
  | { kind: 'stop-symptom'; symptom: StopSymptom };

const CONDITION_RANK = { stop: 1, check: 4, light: 5, dont: 6 } as const;
const FLAG_RANK = { emergency: 0, urgent: 1, 'adults-only': 2, clinician: 7 } as const;

function alternatives(words: string[], spoken: SpokenForms): string {
  const folded = words.map((w) => spoken.normalise(w)).filter((w) => w !== '');
  return (
    folded
      .sort((a, b) => b.length - a.length)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|') || '(?!)'
  );
}

export function matchId(match: HealthMatch): string {
  if (match.kind === 'red-flag') return match.redFlag.id;
  if (match.kind === 'condition') return match.condition.id;
  return match.symptom.id;
}

/**
 * The safety rules in one language: the data (ids, tiers and rules as in English, the words in that
 * language) and the look-ups from what a user said, with that language's corpus and spoken forms.
 */
export class HealthRules {
  readonly conditions: readonly Condition[];
  readonly redFlags: readonly RedFlag[];
  readonly stopSymptoms: readonly StopSymptom[];
  /** Spoken-form look-ups, built on the first safety question rather than at every cold start. */
  private index: Map<string, HealthMatch> | undefined;
  private readonly leadingFiller: RegExp;
  private readonly thenFiller: RegExp;
  private readonly trailingFiller: RegExp;
  private readonly backPainAfter: RegExp;
  private readonly backPainBefore: RegExp;
  private readonly parts: RegExp;

  constructor(
    readonly data: SafetyData,
    readonly phrasings: Phrasings = englishPhrasings,
    readonly spoken: SpokenForms = englishSpoken,
  ) {
    this.conditions = data.conditions;
    this.redFlags = data.redFlags;
    this.stopSymptoms = data.stopSymptoms;
    const { fillers, backPain, conjunctions } = spoken.data;
    this.leadingFiller = new RegExp(`^(?:${alternatives(fillers.leading, spoken)}) `);
    this.thenFiller = new RegExp(`^(?:${alternatives(fillers.then, spoken)}) `);
    this.trailingFiller = new RegExp(` (?:${alternatives(fillers.trailing, spoken)})$`);
    this.backPainAfter = new RegExp(backPain.after);
    this.backPainBefore = new RegExp(backPain.before);
    this.parts = new RegExp(` (?:${alternatives(conjunctions, spoken)}) |, `);
  }

  /**
   * Spoken forms of a condition, red flag or stop-rule symptom: its name, its synonyms and the ways
   * people say it in the phrasing corpus (whole, and without the carrier: "I can't pee" → "pee"),
   * deduplicated as written, ignoring only case and spacing. Not by the folded form: Alexa's entity
   * resolution compares the words it heard with the synonyms as written, so "aortenaneurysma" must
   * stay beside "ein Aortenaneurysma" and "aortic aneurysm" beside "an aortic aneurysm".
   */
  healthSpokenForms(entry: { id: string; name: string; synonyms: string[] }): string[] {
    const seen = new Set<string>();
    return [entry.name, ...entry.synonyms, ...this.phrasings.phrasingForms(entry.id)].filter((form) => {
      if (this.spoken.normalise(form) === '') return false;
      const key = form.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private healthIndex(): Map<string, HealthMatch> {
    if (!this.index) {
      const index = new Map<string, HealthMatch>();
      const add = (forms: string[], match: HealthMatch) => {
        for (const f of forms) {
          const key = this.spoken.normalise(f);
          if (!index.has(key)) index.set(key, match);
        }
      };
      for (const r of this.redFlags) add(this.healthSpokenForms(r), { kind: 'red-flag', redFlag: r });
      for (const c of this.conditions) add(this.healthSpokenForms(c), { kind: 'condition', condition: c });
      for (const s of this.stopSymptoms) add(this.healthSpokenForms(s), { kind: 'stop-symptom', symptom: s });
      this.index = index;
    }
    return this.index;
  }

  /** Leading words people add that do not change the meaning: "my", "really", "some". */
  private withoutFiller(key: string): string {
    return key.replace(this.leadingFiller, '').replace(this.thenFiller, '').replace(this.trailingFiller, '');
  }

  /** "a fever and back pain" → "a fever": the back pain is what the guide is for, not a warning sign. */
  private withoutBackPain(key: string): string {
    return key.replace(this.backPainAfter, '').replace(this.backPainBefore, '');
  }

  getCondition(id: string): Condition | undefined {
    return this.conditions.find((c) => c.id === id);
  }

  getRedFlag(id: string): RedFlag | undefined {
    return this.redFlags.find((r) => r.id === id);
  }

  getStopSymptom(id: string): StopSymptom | undefined {
    return this.stopSymptoms.find((s) => s.id === id);
  }

  /** Any entry by id: the slot type HealthWords uses entry ids across the three lists. */
  healthEntry(id: string): HealthMatch | undefined {
    const redFlag = this.getRedFlag(id);
    if (redFlag) return { kind: 'red-flag', redFlag };
    const condition = this.getCondition(id);
    if (condition) return { kind: 'condition', condition };
    const symptom = this.getStopSymptom(id);
    return symptom ? { kind: 'stop-symptom', symptom } : undefined;
  }

  /**
   * How urgent a match is, lower first: emergencies, same-day care, adults only, a stop-rule symptom,
   * then conditions by tier, then "worth seeing a clinician". Ties keep the data's order. Entries
   * are compared by id, so a match from another language's rules ranks the same.
   */
  urgency(match: HealthMatch): number {
    const position = <T extends { id: string }>(list: readonly T[], id: string) =>
      list.findIndex((e) => e.id === id);
    if (match.kind === 'red-flag')
      return FLAG_RANK[match.redFlag.care] * 100 + position(this.redFlags, match.redFlag.id);
    if (match.kind === 'stop-symptom') return 300 + position(this.stopSymptoms, match.symptom.id);
    const { condition } = match;
    const rank =
      condition.tier === 'stop' && condition.care === 'emergency' ? 0 : CONDITION_RANK[condition.tier];
    return rank * 100 + 50 + position(this.conditions, condition.id);
  }

  private lookUp(key: string): HealthMatch | undefined {
    const found = this.healthIndex();
    const strip = (k: string) => this.phrasings.stripCarrier(k).remainder;
    for (const k of [
      key,
      this.withoutFiller(key),
      this.withoutBackPain(key),
      this.withoutBackPain(this.withoutFiller(key)),
    ]) {
      const match = found.get(k) ?? found.get(strip(k));
      if (match) return match;
    }
    return undefined;
  }

  /**
   * Everything a sentence names, most urgent first: the whole sentence if it is a known phrase,
   * otherwise each part of it ("numb legs and I can't pee" → both legs, bladder).
   */
  resolveStatement(spoken: string): HealthMatch[] {
    const key = this.spoken.normalise(spoken);
    if (key === '') return [];
    const whole = this.lookUp(key);
    if (whole) return [whole];
    const parts = key.split(this.parts).filter((p) => p !== '');
    const found: HealthMatch[] = [];
    for (const part of parts.length > 1 ? parts : []) {
      const match = this.lookUp(part);
      if (match && !found.some((m) => matchId(m) === matchId(match))) found.push(match);
    }
    return found.sort((a, b) => this.urgency(a) - this.urgency(b));
  }

  /** What a user said ("warfarin", "numbness between my legs") as the most urgent entry it names. */
  resolveHealth(spoken: string): HealthMatch | undefined {
    return this.resolveStatement(spoken)[0];
  }

  /**
   * A red flag that these words only hint at ("morning stiffness" for the inflammatory pattern): the
   * skill asks its question before anything else.
   */
  hintedRedFlag(spoken: string): RedFlag | undefined {
    const key = this.spoken.normalise(spoken);
    const keys = [
      key,
      this.withoutFiller(key),
      this.phrasings.stripCarrier(key).remainder,
      this.withoutBackPain(key),
    ];
    return this.redFlags.find((r) => r.askFirst?.when.some((w) => keys.includes(this.spoken.normalise(w))));
  }

  /**
   * The hands-only version of a step done with a tool (a ball, a rolled towel) on `points`: its
   * position and cue, pressed lightly with the fingers. Validation guarantees one for every tool step.
   */
  handsOnlyVersion(points: readonly PointCode[]): StepText | undefined {
    const found = this.data.noToolSteps.find(
      (n) => n.points.length === points.length && n.points.every((p) => points.includes(p)),
    );
    return found ? { position: found.position, cue: found.cue } : undefined;
  }
}

/** The English rules; the functions below are theirs (other languages: `catalogueFor(locale).safety`). */
export const englishRules = new HealthRules(safetyFile as SafetyData);
export const safetyData = englishRules.data;
export const conditions: readonly Condition[] = englishRules.conditions;
export const redFlags: readonly RedFlag[] = englishRules.redFlags;
export const stopSymptoms: readonly StopSymptom[] = englishRules.stopSymptoms;

export const healthSpokenForms = (entry: { id: string; name: string; synonyms: string[] }): string[] =>
  englishRules.healthSpokenForms(entry);
export const getCondition = (id: string): Condition | undefined => englishRules.getCondition(id);
export const getRedFlag = (id: string): RedFlag | undefined => englishRules.getRedFlag(id);
export const getStopSymptom = (id: string): StopSymptom | undefined => englishRules.getStopSymptom(id);
export const healthEntry = (id: string): HealthMatch | undefined => englishRules.healthEntry(id);
export const urgency = (match: HealthMatch): number => englishRules.urgency(match);
export const resolveStatement = (spoken: string): HealthMatch[] => englishRules.resolveStatement(spoken);
export const resolveHealth = (spoken: string): HealthMatch | undefined => englishRules.resolveHealth(spoken);
export const hintedRedFlag = (spoken: string): RedFlag | undefined => englishRules.hintedRedFlag(spoken);
export const handsOnlyVersion = (points: readonly PointCode[]): StepText | undefined =>
  englishRules.handsOnlyVersion(points);
