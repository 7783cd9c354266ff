/**
 * The launch welcome as speech. Every sentence comes from i18n/en/common.json.
 */
import type { Translate } from '../i18n';

/**
 * "Welcome to Pressure Point Guide", the first-use note (whenever the skill cannot tell it was heard
 * before), a storage notice if there is one, then what comes next (the usual question, or the offer
 * to carry on a routine).
 */
export function welcomeSpeech(t: Translate, firstUse: boolean, notice: string, next: string): string {
  return [t('common.launch.welcome'), firstUse ? t('common.launch.firstUseNote') : '', notice, next]
    .filter(Boolean)
    .join(' ');
}
