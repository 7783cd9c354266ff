/**
 * Which locales the tests iterate over. A supported market is served (and tested) once its
 * language's content exists; until the German, Spanish and French content is merged, only the
 * English markets are.
 *
 * When the translators' content lands: set ALL_LOCALES_EXPECTED to true. From then on a supported
 * locale whose content is missing fails the build instead of being skipped.
 */
import { AVAILABLE_LOCALES, SUPPORTED_LOCALES, type SupportedLocale } from '../../lambda/src/i18n';

export const ALL_LOCALES_EXPECTED = true;

/** Every locale with content: what the per-locale tests run for. */
export const LOCALES_UNDER_TEST: readonly SupportedLocale[] = ALL_LOCALES_EXPECTED
  ? SUPPORTED_LOCALES
  : AVAILABLE_LOCALES;

/** The languages of the locales under test ("en", "de", …), each once. */
export const LANGUAGES_UNDER_TEST: readonly string[] = [
  ...new Set(LOCALES_UNDER_TEST.map((l) => l.split('-')[0])),
];
