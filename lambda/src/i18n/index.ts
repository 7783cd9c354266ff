/**
 * One i18next instance (initialised synchronously on first use), and one fixed
 * translator per language, cached. The official samples initialise i18next on every request, which
 * costs two orders of magnitude at p99; here a request only looks up a cached function.
 *
 * i18next's own `t()` re-resolves and re-parses a template on every call (10-20 µs each, most of a
 * warm request). The translator compiles each resource string once into parts and fills them in;
 * anything it does not handle (nesting, other formatters, unknown options) goes to i18next's `t()`,
 * and a test checks that both give the same text for every key in the resources.
 *
 * Interpolated values are SSML-escaped; the resource strings themselves may contain SSML markup.
 */
import i18next, { type i18n, type TFunction } from 'i18next';
import { escapeSsml } from './escape';
import common from './en/common.json';
import display from './en/display.json';
import find from './en/find.json';
import routine from './en/routine.json';
import safety from './en/safety.json';

export const resources = {
  en: { translation: { common, find, routine, safety, display } },
};

export const SUPPORTED_LANGUAGES = Object.keys(resources);
export const DEFAULT_LOCALE = 'en-US';

/**
 * The i18next instance, initialised on first use. The compiled translator below reads the same
 * resources directly, so a request whose every template compiles never waits for i18next's start-up.
 */
let i18nextInstance: i18n | undefined;
function instance(): i18n {
  if (!i18nextInstance) {
    i18nextInstance = i18next.createInstance({
      resources,
      fallbackLng: 'en',
      supportedLngs: SUPPORTED_LANGUAGES,
      nonExplicitSupportedLngs: true,
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

/** The resource string at a dotted key ("find.offer"), or whatever else is there (an object, nothing). */
function rawResource(language: string, key: string): unknown {
  let node: unknown = (resources as Record<string, { translation: unknown }>)[language]?.translation;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Looks up a resource key and interpolates named values; the result is SSML-safe. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

const translators = new Map<string, Translate>();
const i18nextTranslators = new Map<string, Translate>();

function languageOf(locale: string | undefined): string {
  const language = (locale ?? DEFAULT_LOCALE).split('-')[0].toLowerCase();
  return SUPPORTED_LANGUAGES.includes(language) ? language : 'en';
}

/** The translator for a request locale ("en-GB" → English); unknown locales fall back to English. */
export function translatorFor(locale: string | undefined): Translate {
  const language = languageOf(locale);
  let translate = translators.get(language);
  if (!translate) {
    translate = compiledTranslator(language, i18nextTranslatorFor(language));
    translators.set(language, translate);
  }
  return translate;
}

/** i18next's own fixed `t()` for a locale: the reference the compiled translator must match. */
export function i18nextTranslatorFor(locale: string | undefined): Translate {
  const language = languageOf(locale);
  let translate = i18nextTranslators.get(language);
  if (!translate) {
    let fixed: TFunction | undefined;
    translate = (k, values) => {
      fixed ??= instance().getFixedT(language);
      return String(fixed(k, values ?? {}));
    };
    i18nextTranslators.set(language, translate);
  }
  return translate;
}

type Part = string | { name: string; escape: boolean; capitalize: boolean };
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

function compiledTranslator(language: string, fallback: Translate): Translate {
  const cache = new Map<string, Compiled>();
  const plurals = new Intl.PluralRules(language);
  const templateOf = (key: string): Compiled | undefined => {
    let compiled = cache.get(key);
    if (compiled === undefined && !cache.has(key)) {
      const raw = rawResource(language, key);
      compiled = typeof raw === 'string' ? compile(raw) : undefined;
      if (compiled !== undefined) cache.set(key, compiled);
    }
    return compiled;
  };
  return (key, values = {}) => {
    const count = values.count;
    let compiled: Compiled | undefined;
    if (typeof count === 'number') {
      compiled = templateOf(`${key}_${plurals.select(count)}`) ?? templateOf(`${key}_other`);
    }
    compiled ??= templateOf(key);
    if (compiled === undefined) {
      // A missing key: i18next's answer (the default value, or the key itself).
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

/** True when a key exists in the English resources (used by tests and the key scan). */
export function hasKey(key: string): boolean {
  return instance().exists(key, { lng: 'en' }) || instance().exists(`${key}_other`, { lng: 'en' });
}
