/**
 * What a locale is missing, as a list of readable gaps: every i18n key, point, routine, need,
 * condition, red flag, stop-rule symptom, corpus entry and interaction intent English has and the
 * locale's language does not, plus overlays that name unknown ids or change array lengths. Read
 * from the files on disk (`contentOf`), or from any content given (so the check itself is tested).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { missingText, overlayProblems } from '../../lambda/src/core/overlay';

const ROOT = path.join(__dirname, '../..');
// diagrams.json has no words to translate (shapes and point positions): it has no overlay.
const TEXT_FILES = ['points', 'routines', 'needs', 'safety'] as const;
/** Every i18n namespace English has (progress, reminders and chart came after the first translations). */
const UI_FILES: readonly string[] = readdirSync(path.join(ROOT, 'lambda/src/i18n/en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

type Json = unknown;
interface Fragment {
  invocationName?: string;
  intents: Array<{ name: string; slots?: Array<{ name: string; type: string }>; samples: string[] }>;
}
interface SafetyCorpus {
  locale: string;
  carriers: { statement: string[]; state: string[] };
  phrasings: Record<string, string[]>;
  compound: unknown[];
  notHealth: unknown[];
  unclear: unknown[];
  sensationWords: unknown[];
}
interface ControlsCorpus {
  locale: string;
  states: string[];
  actions: Record<string, { intent: string; reaches: Record<string, string>; phrasings: string[] }>;
}

/** Everything one language (and one of its markets) has, or undefined where a file is missing. */
export interface LocaleContent {
  locale: string;
  ui: Partial<Record<string, Json>>;
  market?: Json;
  text: Partial<Record<(typeof TEXT_FILES)[number], Json>>;
  spoken?: {
    channels?: Record<string, string[]>;
    numbers?: string[];
    score?: Partial<Record<'minus' | 'half', string[]>>;
    partsOfDay?: Partial<Record<'morning' | 'afternoon' | 'evening' | 'night', string[]>>;
  };
  safetyCorpus?: SafetyCorpus;
  controlsCorpus?: ControlsCorpus;
  fragments: Record<string, Fragment>;
}

const readJson = (file: string): Json =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Json) : undefined;
const dirOf = (language: string) => (language === 'en' ? 'en-US' : language);

/** The content of a locale's language, from the repository's files. */
export function contentOf(locale: string): LocaleContent {
  const language = locale.split('-')[0];
  const interactionDir = path.join(ROOT, 'data', 'interaction', dirOf(language));
  const fragments: Record<string, Fragment> = {};
  if (existsSync(interactionDir))
    for (const file of readdirSync(interactionDir).filter((f) => f.endsWith('.json')))
      fragments[file] = readJson(path.join(interactionDir, file)) as Fragment;
  return {
    locale,
    ui: Object.fromEntries(
      UI_FILES.map((f) => [f, readJson(path.join(ROOT, 'lambda/src/i18n', language, `${f}.json`))]),
    ),
    market: readJson(path.join(ROOT, 'lambda/src/i18n', locale, 'safety.json')),
    text:
      language === 'en'
        ? Object.fromEntries(TEXT_FILES.map((f) => [f, readJson(path.join(ROOT, 'data', `${f}.json`))]))
        : Object.fromEntries(
            TEXT_FILES.map((f) => [f, readJson(path.join(ROOT, 'data/text', language, `${f}.json`))]),
          ),
    spoken: readJson(path.join(ROOT, 'data/text', language, 'spoken.json')) as LocaleContent['spoken'],
    safetyCorpus: readJson(path.join(ROOT, 'data/phrasings', dirOf(language), 'safety.json')) as SafetyCorpus,
    controlsCorpus: readJson(
      path.join(ROOT, 'data/phrasings', dirOf(language), 'controls.json'),
    ) as ControlsCorpus,
    fragments,
  };
}

function leaves(node: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') out.set(prefix, node);
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node))
      for (const [key, text] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(key, text);
  return out;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{-?\s*(\w+)/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/** Every gap of `content` against English (`english`, the en-US content). Empty when complete. */
export function localeGaps(content: LocaleContent, english: LocaleContent): string[] {
  const gaps: string[] = [];
  const language = content.locale.split('-')[0];
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  // UI text: every key of every English file, each plural form the language has, the same placeholders.
  for (const file of UI_FILES) {
    const base = leaves(english.ui[file]);
    const own = content.ui[file];
    if (own === undefined) {
      gaps.push(`i18n ${language}/${file}.json: missing`);
      continue;
    }
    const mine = leaves(own);
    const plurals = new Set([...base.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const [key, text] of base) {
      if (PLURAL.test(key)) continue;
      if (!mine.has(key)) gaps.push(`i18n ${language}/${file}.json: ${key}`);
      else if (placeholders(mine.get(key) ?? '') !== placeholders(text))
        gaps.push(`i18n ${language}/${file}.json: ${key} has other placeholders`);
    }
    for (const key of plurals)
      for (const category of categories)
        if (!mine.has(`${key}_${category}`)) gaps.push(`i18n ${language}/${file}.json: ${key}_${category}`);
    for (const key of mine.keys())
      if (!base.has(key) && !plurals.has(key.replace(PLURAL, '')))
        gaps.push(`i18n ${language}/${file}.json: ${key} is not an English key`);
  }
  // The market's own care words: every care key an English market has ("call … now" included).
  const care = (content.market as { care?: Record<string, unknown> } | undefined)?.care;
  const careKeys = Object.keys((english.market as { care?: object } | undefined)?.care ?? {});
  for (const key of new Set(['emergency', 'urgent', ...careKeys]))
    if (typeof care?.[key] !== 'string') gaps.push(`i18n ${content.locale}/safety.json: care.${key}`);
  // Catalogue text: every text field of every point, routine, need, condition, red flag, stop symptom.
  if (language !== 'en')
    for (const file of TEXT_FILES) {
      const overlay = content.text[file];
      if (overlay === undefined) {
        gaps.push(`data/text/${language}/${file}.json: missing`);
        continue;
      }
      const englishFile = english.text[file];
      for (const at of missingText(englishFile, overlay))
        gaps.push(`data/text/${language}/${file}.json: ${at}`);
      for (const problem of overlayProblems(englishFile, overlay))
        gaps.push(`data/text/${language}/${file}.json: ${problem}`);
    }
  // Spoken forms: a word for every channel, number words 0-99.
  const prefixes = new Set(
    (
      (english.text.points as { points: Array<{ code: string; gach: string[]; articleLabels: string[] }> })
        .points ?? []
    ).flatMap((p) => [p.code, ...p.gach, ...p.articleLabels].map((c) => c.split(' ')[0])),
  );
  if (!content.spoken) gaps.push(`data/text/${language}/spoken.json: missing`);
  else {
    for (const prefix of prefixes)
      if (!content.spoken.channels?.[prefix]?.length)
        gaps.push(`data/text/${language}/spoken.json: channel ${prefix}`);
    if ((content.spoken.numbers ?? []).length < 100)
      gaps.push(`data/text/${language}/spoken.json: numbers 0-99`);
    // A pain score's words (minus, half) and the parts of the day a reminder names.
    for (const kind of ['minus', 'half'] as const)
      if (!content.spoken.score?.[kind]?.length)
        gaps.push(`data/text/${language}/spoken.json: score.${kind}`);
    for (const part of ['morning', 'afternoon', 'evening', 'night'] as const)
      if (!content.spoken.partsOfDay?.[part]?.length)
        gaps.push(`data/text/${language}/spoken.json: partsOfDay.${part}`);
  }
  // Phrasing corpora: the same entries, at least as many phrasings each.
  const corpus = content.safetyCorpus;
  const englishCorpus = english.safetyCorpus!;
  if (!corpus) gaps.push(`data/phrasings/${language}/safety.json: missing`);
  else {
    for (const [id, phrases] of Object.entries(englishCorpus.phrasings)) {
      const own = corpus.phrasings[id]?.length ?? 0;
      if (own < phrases.length)
        gaps.push(
          `data/phrasings/${language}/safety.json: ${id} has ${own} phrasings, English ${phrases.length}`,
        );
    }
    for (const id of Object.keys(corpus.phrasings))
      if (!(id in englishCorpus.phrasings))
        gaps.push(`data/phrasings/${language}/safety.json: unknown entry ${id}`);
    for (const list of ['compound', 'notHealth', 'unclear', 'sensationWords'] as const)
      if ((corpus[list]?.length ?? 0) < englishCorpus[list].length)
        gaps.push(
          `data/phrasings/${language}/safety.json: ${list} has ${corpus[list]?.length ?? 0}, English ${englishCorpus[list].length}`,
        );
    for (const kind of ['statement', 'state'] as const)
      if ((corpus.carriers?.[kind]?.length ?? 0) === 0)
        gaps.push(`data/phrasings/${language}/safety.json: carriers.${kind}`);
  }
  const controls = content.controlsCorpus;
  const englishControls = english.controlsCorpus!;
  if (!controls) gaps.push(`data/phrasings/${language}/controls.json: missing`);
  else
    for (const [id, action] of Object.entries(englishControls.actions)) {
      const own = controls.actions?.[id];
      if (!own) gaps.push(`data/phrasings/${language}/controls.json: action ${id}`);
      else {
        if (own.intent !== action.intent || JSON.stringify(own.reaches) !== JSON.stringify(action.reaches))
          gaps.push(
            `data/phrasings/${language}/controls.json: ${id} reaches other intents or outcomes than English`,
          );
        if (own.phrasings.length < action.phrasings.length)
          gaps.push(
            `data/phrasings/${language}/controls.json: ${id} has ${own.phrasings.length} phrasings, English ${action.phrasings.length}`,
          );
      }
    }
  // Interaction fragments: the same files, intents and slots, at least as many samples per intent.
  for (const [file, fragment] of Object.entries(english.fragments)) {
    const own = content.fragments[file];
    if (!own) {
      gaps.push(`data/interaction/${language}/${file}: missing`);
      continue;
    }
    if (fragment.invocationName && !own.invocationName)
      gaps.push(`data/interaction/${language}/${file}: invocationName`);
    for (const intent of fragment.intents) {
      const mine = own.intents.find((i) => i.name === intent.name);
      if (!mine) gaps.push(`data/interaction/${language}/${file}: intent ${intent.name}`);
      else {
        if (JSON.stringify(mine.slots ?? []) !== JSON.stringify(intent.slots ?? []))
          gaps.push(`data/interaction/${language}/${file}: ${intent.name} has other slots`);
        if (mine.samples.length < intent.samples.length)
          gaps.push(
            `data/interaction/${language}/${file}: ${intent.name} has ${mine.samples.length} samples, English ${intent.samples.length}`,
          );
      }
    }
  }
  return gaps;
}
