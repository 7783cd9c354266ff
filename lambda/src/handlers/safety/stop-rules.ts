/**
 * The stop rules said when a routine or a timed hold starts (section 3.3): in full the first time
 * in a session (sharp, burning or electric pain or pain getting worse; numbness or tingling
 * spreading; dizziness; bruising; what to do if a symptom stays), then a one-line reminder. The
 * sciatica routine speaks of the user's own leg symptoms getting worse or spreading further than
 * usual, since some leg symptoms are already there.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Routine } from '../../core/types';
import { tr } from '../input';
import { patchSafety, readSafety } from './state';

export function stopRulesLead(h: HandlerInput, routine?: Routine): string {
  const t = tr(h);
  const leg = routine?.needs.includes('sciatica')
    ? t('safety.routineStopRules.legSciatica')
    : t('safety.routineStopRules.leg');
  if (readSafety(h).stopRulesSaid) return t('safety.routineStopRules.reminder', { leg });
  patchSafety(h, { stopRulesSaid: true });
  return t('safety.routineStopRules.full', { leg });
}
