/**
 * One i18next instance (initialised synchronously on first use), and one fixed
 * translator per locale (a language base plus that market's overrides), cached. The official samples initialise i18next on every request, which
 * costs two orders of magnitude at p99; here a request only looks up a cached function.
 *
 * i18next's own `t()` re-resolves and re-parses a template on every call (10-20 µs each, most of a
 * warm request). The translator compiles each resource string once into parts and fills them in;
 * anything it does not handle (nesting, other formatters, unknown options) goes to i18next's `t()`,
 * and a test checks that both give the same text for every key in the resources.
 *
 * Interpolated values are SSML-escaped; the resource strings themselves may contain SSML markup.
 */
import type { i18n, TFunction } from 'i18next';
import type * as I18nextModule from 'i18next';
import { escapeSsml } from './escape';
import { generatedResources } from './resources.generated';

/**
 * Resources by i18next language code: a language's base (`en`, `de`: every key, naming no country's
 * services) and per-market overrides (`en-GB`, `de-DE`: only the keys that differ, the emergency and
 * urgent-care words at least). A locale resolves its own file first, then its language, then English.
 * The list is generated from the folders in lambda/src/i18n (scripts/generate-content-index.ts), so a
 * new language or market is files, not code.
 */
export const resources = generatedResources;

type ResourceCode = keyof typeof resources;

/** The language every other one falls back to, and the locale of a request that names none. */
export const BASE_LANGUAGE = 'en';
export const DEFAULT_LOCALE = 'en-US';
/**
 * The markets the skill is built for: each has its own care words (a test checks every key in each).
 * A market is served only once its language's content exists (`isAvailableLocale`); until then a
 * request from it gets the short English "not in your language yet" answer.
 */
export const SUPPORTED_LOCALES = [
  'en-US',
  'en-GB',
  'en-CA',
  'en-AU',
  'en-IN',
  'de-DE',
  'es-ES',
  'es-MX',
  'es-US',
  'fr-FR',
  'fr-CA',
] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

/** "de-DE" → "de". */
export function languageOfLocale(locale: string): string {
  return locale.split(/[-_]/)[0].toLowerCase();
}

/** A supported market, spelled as Alexa spells it ("en-GB"), whatever case or separator came. */
export function supportedLocale(locale: string | undefined): SupportedLocale | undefined {
  if (typeof locale !== 'string') return undefined;
  const [language = '', region = ''] = locale.split(/[-_]/);
  const code = `${language.toLowerCase()}-${region.toUpperCase()}`;
  return SUPPORTED_LOCALES.find((l) => l === code);
}

/** A supported market whose language has its text (its language base in lambda/src/i18n/<lang>/). */
export function isAvailableLocale(locale: string | undefined): boolean {
  const supported = supportedLocale(locale);
  return supported !== undefined && isResourceCode(languageOfLocale(supported));
}

/**
 * Whether the skill speaks a request's language: English always (a market without its own words,
 * such as en-NZ, gets the neutral English base), any other language once its base exists. A request
 * that names no locale is the default market's.
 */
export function speaksLanguageOf(locale: string | undefined): boolean {
  // No locale, or one that is not a language tag at all: the default market's.
  if (typeof locale !== 'string' || !/^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$/.test(locale)) return true;
  return isResourceCode(languageOfLocale(locale));
}

/** The supported markets that are served today: those whose language's content exists. */
export const AVAILABLE_LOCALES: readonly SupportedLocale[] = SUPPORTED_LOCALES.filter(isAvailableLocale);

function isResourceCode(code: string): code is ResourceCode {
  return Object.prototype.hasOwnProperty.call(resources, code);
}

/**
 * Where a locale's keys are looked up, most specific first: "en-GB" → en-GB, en; "de-AT" → de-AT
 * (if present), de (if present), en. A locale or language without resources is skipped, so an
 * unknown market gets the base language, never another market's words.
 */
export function fallbackChain(locale: string | undefined): ResourceCode[] {
  const [language = '', region] = (locale || DEFAULT_LOCALE).split(/[-_]/);
  const lang = language.toLowerCase();
  const codes = [region ? `${lang}-${region.toUpperCase()}` : '', lang, BASE_LANGUAGE];
  return [...new Set(codes.filter(isResourceCode))];
}

/** The resource code that names a locale's translator: its most specific code with resources. */
const codes = new Map<string, ResourceCode>();
function codeOf(locale: string | undefined): ResourceCode {
  const given = locale ?? '';
  let code = codes.get(given);
  if (code === undefined) {
    code = fallbackChain(locale)[0];
    // Locales come from requests: remember only a bounded number of spellings.
    if (codes.size < 100) codes.set(given, code);
  }
  return code;
}

/**
 * The i18next instance, initialised on first use. The compiled translator below reads the same
 * resources directly, so a request whose every template compiles never waits for i18next's start-up.
 */
let i18nextInstance: i18n | undefined;
function instance(): i18n {
  if (!i18nextInstance) {
    // Required on first use (a template the compiled translator leaves to i18next, a missing key):
    // no template a request normally uses needs it, so a cold start never loads it. In the Lambda it
    // is a file of its own, dist/lambda/i18next.js (scripts/build.ts).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require('i18next') as typeof I18nextModule | i18n;
    const i18next = 'default' in loaded && loaded.default ? loaded.default : (loaded as i18n);
    i18nextInstance = i18next.createInstance({
      resources,
      fallbackLng: BASE_LANGUAGE,
      initAsync: false,
      returnNull: false,
      interpolation: { escapeValue: true, escape: (value: string) => escapeSsml(String(value)) },
    });
    void i18nextInstance.init();
    i18nextInstance.services.formatter?.add('capitalize', (value: unknown) => {
      const text = String(value);
      return text.charAt(0).toUpperCase() + text.slice(1);
    });
  }
  return i18nextInstance;
}

/** The resource string at a dotted key ("find.offer") in one code's resources, or whatever else is there. */
function rawResource(code: ResourceCode, key: string): unknown {
  let node: unknown = resources[code].translation;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/**
 * Looks up a resource key and interpolates named values; the result is SSML-safe. `language` is the
 * language its text is in ("de" for de-DE, "en" for a locale served in English), so a renderer takes
 * catalogue text in the same language (`catalogueFor(t.language)`).
 */
export type Translate = ((key: string, values?: Record<string, unknown>) => string) & {
  readonly language?: string;
};

const translators = new Map<ResourceCode, Translate>();
const i18nextTranslators = new Map<ResourceCode, Translate>();

/**
 * The translator for a request locale: "en-GB" gets British care words and English for the rest;
 * a locale without resources of its own falls back along `fallbackChain`.
 */
export function translatorFor(locale: string | undefined): Translate {
  const code = codeOf(locale);
  let translate = translators.get(code);
  if (!translate) {
    translate = Object.assign(compiledTranslator(code, i18nextTranslatorFor(code)), {
      language: languageOfLocale(code),
    });
    translators.set(code, translate);
  }
  return translate;
}

/** i18next's own fixed `t()` for a locale: the reference the compiled translator must match. */
export function i18nextTranslatorFor(locale: string | undefined): Translate {
  const code = codeOf(locale);
  let translate = i18nextTranslators.get(code);
  if (!translate) {
    let fixed: TFunction | undefined;
    translate = (k, values) => {
      fixed ??= instance().getFixedT(code);
      return String(fixed(k, values ?? {}));
    };
    i18nextTranslators.set(code, translate);
  }
  return translate;
}

type Part = string | { name: string; escape: boolean; capitalize: boolean };
const MISSING = Symbol('missing');
const MAX_CACHED_KEYS = 5000;
/** A compiled template, or null when the template needs i18next itself. */
type Compiled = { parts: Part[]; names: string[] } | null;

const PLACEHOLDER = /\{\{(-?)\s*([\w.]+)\s*(?:,\s*([\w]+)\s*)?\}\}/g;

function compile(template: string): Compiled {
  if (template.includes('$t(')) return null;
  const parts: Part[] = [];
  const names: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, dash, name, format] = match;
    if (format !== undefined && format !== 'capitalize') return null;
    if (name.includes('.')) return null;
    parts.push(template.slice(last, match.index));
    parts.push({ name, escape: dash !== '-', capitalize: format === 'capitalize' });
    names.push(name);
    last = (match.index ?? 0) + whole.length;
  }
  parts.push(template.slice(last));
  // Anything that still looks like interpolation is a form this compiler does not know.
  if (parts.some((p) => typeof p === 'string' && p.includes('{{'))) return null;
  return { parts, names };
}

function compiledTranslator(code: ResourceCode, fallback: Translate): Translate {
  const chain = fallbackChain(code);
  const plurals = new Intl.PluralRules(code);
  /** Per code of the chain: key → compiled template, `null` (left to i18next) or MISSING. */
  const caches = new Map(chain.map((source) => [source, new Map<string, Compiled | typeof MISSING>()]));
  /** A key in one code's resources, compiled once; a key a code lacks is remembered as missing. */
  const templateIn = (source: ResourceCode, key: string): Compiled | undefined => {
    const cache = caches.get(source) as Map<string, Compiled | typeof MISSING>;
    let compiled = cache.get(key);
    if (compiled === undefined) {
      const raw = rawResource(source, key);
      compiled = typeof raw === 'string' ? compile(raw) : MISSING;
      // Keys are the code's own, but a miss is remembered only while the cache stays small.
      if (compiled !== MISSING || cache.size < MAX_CACHED_KEYS) cache.set(key, compiled);
    }
    return compiled === MISSING ? undefined : compiled;
  };
  /** As i18next resolves: each code of the chain in turn, its plural form before the plain key. */
  const templateOf = (key: string, count: unknown): Compiled | undefined => {
    for (const source of chain) {
      let compiled: Compiled | undefined;
      if (typeof count === 'number') {
        compiled =
          templateIn(source, `${key}_${plurals.select(count)}`) ?? templateIn(source, `${key}_other`);
      }
      compiled ??= templateIn(source, key);
      if (compiled !== undefined) return compiled;
    }
    return undefined;
  };
  return (key, values = {}) => {
    const compiled = templateOf(key, values.count);
    if (compiled === undefined) {
      // A missing key with a plain default value (an optional note): the default, as i18next gives
      // it, without loading i18next. Anything else missing: i18next's answer (usually the key).
      const fallbackText = values.defaultValue;
      if (typeof fallbackText === 'string' && !fallbackText.includes('{{') && !fallbackText.includes('$t('))
        return fallbackText;
      return fallback(key, values);
    }
    if (compiled === null) return fallback(key, values);
    let out = '';
    for (const part of compiled.parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      const value = values[part.name];
      if (value === undefined || value === null || typeof value === 'object') return fallback(key, values);
      let text = String(value);
      if (part.capitalize) text = text.charAt(0).toUpperCase() + text.slice(1);
      out += part.escape ? escapeSsml(text) : text;
    }
    return out;
  };
}

/** True when a key resolves for a locale (by default the base language, which must hold every key). */
export function hasKey(key: string, locale: string = BASE_LANGUAGE): boolean {
  const lng = codeOf(locale);
  return instance().exists(key, { lng }) || instance().exists(`${key}_other`, { lng });
}
