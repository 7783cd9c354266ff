/**
 * The launch welcome as speech. Every sentence comes from i18n/en/common.json.
 */
import type { Translate } from '../i18n';

/**
 * "Welcome to Pressure Point Guide", or a short "Welcome back." for a returning user; the
 * not-medical-advice note (whenever the skill cannot tell it was heard before); a storage notice if
 * there is one, then what comes next (the usual question, or the offer to carry on a routine).
 */
export function welcomeSpeech(
  t: Translate,
  { returning, note }: { returning: boolean; note: boolean },
  notice: string,
  next: string,
): string {
  const hello = returning ? t('common.launch.welcomeBack') : t('common.launch.welcome');
  return [hello, note ? t('common.launch.firstUseNote') : '', notice, next].filter(Boolean).join(' ');
}
