/**
 * The shared catalogue: points, needs, routines and safety rules from `data/`, with look-ups by code
 * and by what a user said, in one language. English is `data/*.json`; another language lays its
 * text overlays (data/text/<lang>/*.json) over it, and uses its own spoken forms and phrasing
 * corpora: the same ids, numbers and rules, that language's words (`catalogueFor`). The data is
 * validated against `data/schema/` at build time and in tests (scripts/validate-data.ts), so nothing
 * is re-validated on the request path. The module-level functions are the English catalogue's.
 */
import needsFile from '../../../data/needs.json';
import pointsFile from '../../../data/points.json';
import routinesFile from '../../../data/routines.json';
import controlsCorpus from '../../../data/phrasings/en-US/controls.json';
import { LANGUAGE_FILES, type LanguageFiles } from '../generated/content';
import { overlayText } from './overlay';
import { englishSpoken, SpokenForms, type ResolvedVia, type SpokenLanguage } from './spoken-forms';
import type { Need, Point, Routine } from './types';
import { boundedMemo } from './memo';
import { englishRules, HealthRules } from './safety/rules';
import { englishPhrasings, Phrasings, type PhrasingCorpus } from './safety/phrasings';
import type { SafetyData } from './safety/types';

/** The control corpus's shape (data/phrasings/<lang>/controls.json). */
export interface ControlsCorpus {
  locale: string;
  states: string[];
  actions: Record<string, { intent: string; reaches: Record<string, string>; phrasings: string[] }>;
}

export interface PointMatch {
  point: Point;
  /** How the words identified the point; "article-label" means the user used a misnumbered code. */
  via: ResolvedVia;
}

/** What a catalogue is built from: the data in one language. */
export interface CatalogueData {
  language: string;
  points: readonly Point[];
  needs: readonly Need[];
  routines: readonly Routine[];
  safety: SafetyData;
  spoken: SpokenForms;
  phrasings: Phrasings;
  controls: ControlsCorpus;
}

/** Spoken words repeat across requests; resolving them builds and walks the index. */
const memo = <T>(resolve: (spoken: string) => T) => boundedMemo(resolve, { limit: 512 });

export class Catalogue {
  readonly language: string;
  readonly points: readonly Point[];
  readonly needs: readonly Need[];
  readonly routines: readonly Routine[];
  /** The safety rules and their look-ups in this language. */
  readonly safety: HealthRules;
  readonly spoken: SpokenForms;
  readonly phrasings: Phrasings;
  readonly controls: ControlsCorpus;
  /** The breathing-only routine (no pressure at all) that replaces a routine in pregnancy (rule 3.2). */
  readonly breathingRoutine: Routine;
  /** Codes and slot ids as they arrive from entity resolution and session state ("BL 23", "BL23"). */
  private readonly pointByExactCode: Map<string, Point>;
  private pointIndexValue: Map<string, { point: Point; via: ResolvedVia }> | undefined;
  private needIndexValue: Map<string, Need> | undefined;
  private routineIndexValue: Map<string, Routine> | undefined;
  private pointWordSet: Set<string> | undefined;
  private everydayWordSet: Set<string> | undefined;

  constructor(data: CatalogueData) {
    this.language = data.language;
    this.points = data.points;
    this.needs = data.needs;
    this.routines = data.routines;
    this.spoken = data.spoken;
    this.phrasings = data.phrasings;
    this.controls = data.controls;
    this.safety = new HealthRules(data.safety, data.phrasings, data.spoken);
    this.breathingRoutine = data.safety.breathingRoutine;
    this.pointByExactCode = new Map<string, Point>(
      this.points.flatMap((p) => [
        [p.code, p],
        [p.code.replace(/ /g, ''), p],
      ]),
    );
  }

  /**
   * Look-up tables from every spoken form to its entry. Built on first use, not at load: a cold
   * start that answers by slot id (Alexa's entity resolution) never pays for them.
   */
  private pointIndex(): Map<string, { point: Point; via: ResolvedVia }> {
    if (!this.pointIndexValue) {
      const index = new Map<string, { point: Point; via: ResolvedVia }>();
      for (const point of this.points) {
        for (const form of this.spoken.pointForms(point)) {
          const key = this.spoken.normalise(form.text);
          if (!index.has(key)) index.set(key, { point, via: form.via });
        }
      }
      this.pointIndexValue = index;
    }
    return this.pointIndexValue;
  }

  private needIndex(): Map<string, Need> {
    if (!this.needIndexValue) {
      const index = new Map<string, Need>();
      for (const need of this.needs)
        for (const form of this.spoken.needForms(need)) index.set(this.spoken.normalise(form), need);
      this.needIndexValue = index;
    }
    return this.needIndexValue;
  }

  private routineIndex(): Map<string, Routine> {
    if (!this.routineIndexValue) {
      const index = new Map<string, Routine>();
      for (const routine of this.routines)
        for (const form of this.spoken.routineForms(routine)) index.set(this.spoken.normalise(form), routine);
      this.routineIndexValue = index;
    }
    return this.routineIndexValue;
  }

  /** A point by its WHO code or slot id ("BL 23", "BL23", "bl23"); undefined when unknown. */
  getPoint(codeOrId: string): Point | undefined {
    return this.pointByExactCode.get(codeOrId) ?? this.pointByCode(codeOrId);
  }

  private readonly pointByCode = memo((codeOrId: string): Point | undefined => {
    const found = this.pointIndex().get(this.spoken.normalise(codeOrId));
    return found && found.via === 'code' ? found.point : undefined;
  });

  /** Resolves what a user said ("bladder twenty three", "the sea of vitality", "B 47") to a point. */
  readonly resolvePoint = memo((spoken: string): PointMatch | undefined =>
    this.pointIndex().get(this.spoken.normalise(spoken)),
  );

  /**
   * How the words named a point already identified by its slot id (only that point's own forms are
   * compared, so a request Alexa resolved never builds the whole index).
   */
  matchedVia(point: Point, spoken: string): ResolvedVia {
    return this.viaByPointAndWords(`${point.code}|${spoken}`);
  }

  private readonly viaByPointAndWords = memo((pointAndWords: string): ResolvedVia => {
    const [code, spoken] = pointAndWords.split('|', 2);
    const point = this.pointByExactCode.get(code);
    const key = this.spoken.normalise(spoken);
    return point
      ? (this.spoken.pointForms(point).find((f) => this.spoken.normalise(f.text) === key)?.via ?? 'code')
      : 'code';
  });

  getNeed(id: string): Need | undefined {
    return this.needs.find((n) => n.id === id);
  }

  /** Resolves a spoken need ("pain down my leg") to a need. */
  resolveNeed(spoken: string): Need | undefined {
    return this.getNeed(spoken) ?? this.needIndex().get(this.spoken.normalise(spoken));
  }

  /** Points traditionally used for a need, in catalogue order (the most commonly used first). */
  pointsFor(needId: string, limit = 3): Point[] {
    return this.points.filter((p) => p.inRoutines && p.needs.includes(needId)).slice(0, limit);
  }

  /**
   * A routine by id: the catalogue's, or the safety rules' breathing-only substitute (rule 3.2), which
   * a plan names as its source when it replaced the routine asked for, so it ends with its own closing.
   */
  getRoutine(id: string): Routine | undefined {
    if (id === this.breathingRoutine.id) return this.breathingRoutine;
    return this.routines.find((r) => r.id === id);
  }

  /** Resolves a spoken routine name ("the evening", "sleep") to a routine. */
  resolveRoutine(spoken: string): Routine | undefined {
    return this.getRoutine(spoken) ?? this.routineIndex().get(this.spoken.normalise(spoken));
  }

  /** The routine offered for a need, if one covers it. */
  routineFor(needId: string): Routine | undefined {
    return this.routines.find((r) => r.needs.includes(needId));
  }

  private pointWords(): Set<string> {
    const notPointWords = new Set(this.spoken.data.notPointWords.map((w) => this.spoken.normalise(w)));
    this.pointWordSet ??= new Set(
      this.points
        .flatMap((p) => this.spoken.pointForms(p))
        .flatMap((f) => this.spoken.normalise(f.text).split(' '))
        .filter((w) => w !== '' && !notPointWords.has(w)),
    );
    return this.pointWordSet;
  }

  private everydayWords(): Set<string> {
    this.everydayWordSet ??= new Set(
      Object.values(this.controls.actions)
        .flatMap((a) => a.phrasings)
        .flatMap((phrase) => this.spoken.normalise(phrase).split(' '))
        .filter((w) => w !== '' && !this.pointWords().has(w)),
    );
    return this.everydayWordSet;
  }

  /**
   * Whether words a point slot caught are only everyday words, not an attempt at a point: every
   * word is one of the control corpus's words ("next", "it again", "acupressure"), none is a number or
   * a word of a point's code or names. "Where is the moon" is still a point the user asked for.
   */
  onlyEverydayWords(spoken: string): boolean {
    const words = this.spoken.normalise(spoken).split(' ').filter(Boolean);
    return words.length > 0 && words.every((w) => !/^\d+$/.test(w) && this.everydayWords().has(w));
  }
}

/** The slot value id used in the interaction model for a point: its code without the space. */
export function pointSlotId(point: Point): string {
  return point.code.replace(/ /g, '');
}

export const englishCatalogue = new Catalogue({
  language: 'en',
  points: (pointsFile as { points: Point[] }).points,
  needs: (needsFile as { needs: Need[] }).needs,
  routines: (routinesFile as { routines: Routine[] }).routines,
  safety: englishRules.data,
  spoken: englishSpoken,
  phrasings: englishPhrasings,
  controls: controlsCorpus as ControlsCorpus,
});

/** The languages with catalogue content: English, and every language with files in data/text or data/phrasings. */
export const CATALOGUE_LANGUAGES: readonly string[] = Object.keys(LANGUAGE_FILES);

/** "de-DE", "de_de", "de" → "de". */
export function languageOf(localeOrLanguage: string | undefined): string {
  return (localeOrLanguage ?? 'en').split(/[-_]/)[0].toLowerCase();
}

/** A catalogue from one language's files (as the generated index holds them): overlays, spoken forms, corpora. */
export function catalogueFromFiles(language: string, files: LanguageFiles): Catalogue {
  const text = files.text ?? {};
  const pick = <T>(english: T, overlay: unknown, key: string): T =>
    overlayText(english, overlay === undefined ? undefined : (overlay as Record<string, unknown>)[key], key);
  const spoken = files.spoken ? new SpokenForms(files.spoken as SpokenLanguage) : englishSpoken;
  const safetyCorpus = (files.phrasings.safety as PhrasingCorpus | undefined) ?? englishPhrasings.corpus;
  return new Catalogue({
    language,
    points: pick(englishCatalogue.points, text.points, 'points'),
    needs: pick(englishCatalogue.needs, text.needs, 'needs'),
    routines: pick(englishCatalogue.routines, text.routines, 'routines'),
    safety: overlayText(englishRules.data, text.safety),
    spoken,
    phrasings: new Phrasings(safetyCorpus, spoken),
    controls: (files.phrasings.controls as ControlsCorpus | undefined) ?? englishCatalogue.controls,
  });
}

const catalogues = new Map<string, Catalogue>([['en', englishCatalogue]]);

/**
 * The catalogue in a locale's language ("de-DE" → German), built on first use and cached. A
 * language without content, or a locale that names none, gets English.
 */
export function catalogueFor(localeOrLanguage: string | undefined): Catalogue {
  const language = languageOf(localeOrLanguage);
  let catalogue = catalogues.get(language);
  if (!catalogue) {
    catalogue = Object.prototype.hasOwnProperty.call(LANGUAGE_FILES, language)
      ? catalogueFromFiles(language, LANGUAGE_FILES[language])
      : englishCatalogue;
    catalogues.set(language, catalogue);
  }
  return catalogue;
}

export const points: readonly Point[] = englishCatalogue.points;
export const needs: readonly Need[] = englishCatalogue.needs;
export const routines: readonly Routine[] = englishCatalogue.routines;

export function getPoint(codeOrId: string): Point | undefined {
  return englishCatalogue.getPoint(codeOrId);
}
export function resolvePoint(spoken: string): PointMatch | undefined {
  return englishCatalogue.resolvePoint(spoken);
}
export function matchedVia(point: Point, spoken: string): ResolvedVia {
  return englishCatalogue.matchedVia(point, spoken);
}
export function getNeed(id: string): Need | undefined {
  return englishCatalogue.getNeed(id);
}
export function resolveNeed(spoken: string): Need | undefined {
  return englishCatalogue.resolveNeed(spoken);
}
export function pointsFor(needId: string, limit = 3): Point[] {
  return englishCatalogue.pointsFor(needId, limit);
}
export function getRoutine(id: string): Routine | undefined {
  return englishCatalogue.getRoutine(id);
}
export function resolveRoutine(spoken: string): Routine | undefined {
  return englishCatalogue.resolveRoutine(spoken);
}
export function routineFor(needId: string): Routine | undefined {
  return englishCatalogue.routineFor(needId);
}
export function onlyEverydayWords(spoken: string): boolean {
  return englishCatalogue.onlyEverydayWords(spoken);
}
