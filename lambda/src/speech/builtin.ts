/**
 * The launch welcome as speech. Every sentence comes from i18n/en/common.json.
 */
import type { Translate } from '../i18n';

/**
 * "Welcome to Pressure Point Guide" and the first-use note (whenever the skill cannot tell the note
 * was heard before), or a short "Welcome back." for a user who has heard it; a storage notice if
 * there is one, then what comes next (the usual question, or the offer to carry on a routine).
 */
export function welcomeSpeech(t: Translate, firstUse: boolean, notice: string, next: string): string {
  const hello = firstUse
    ? [t('common.launch.welcome'), t('common.launch.firstUseNote')]
    : [t('common.launch.welcomeBack')];
  return [...hello, notice, next].filter(Boolean).join(' ');
}
