/**
 * The stop rules said when a routine or a timed hold starts (section 3.3): in full the first time
 * in a session (sharp, burning or electric pain or pain getting worse; numbness or tingling
 * spreading; dizziness; bruising; what to do if a symptom stays), then a one-line reminder. The
 * sciatica routine speaks of the user's own leg symptoms getting worse or spreading further than
 * usual, since some leg symptoms are already there.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Routine } from '../../core/types';
import { translatorOf } from '../input';
import { routineStopRulesSpeech } from '../../speech/safety';
import { patchSafety, readSafety } from './health-profile';

export function stopRulesLead(h: HandlerInput, routine?: Routine): string {
  const t = translatorOf(h);
  const sciatica = routine?.needs.includes('sciatica') === true;
  if (readSafety(h).stopRulesSaid) return routineStopRulesSpeech(t, { full: false, sciatica });
  patchSafety(h, { stopRulesSaid: true });
  return routineStopRulesSpeech(t, { full: true, sciatica });
}
