/**
 * The stop rules said when a routine or a timed hold starts (section 3.3): in full the first time
 * ever (sharp, burning or electric pain or pain getting worse; numbness or tingling spreading;
 * dizziness; bruising; what to do if a symptom stays), then a one-line reminder. "Ever" is the
 * user record's `routinesHeard`, saved when the full rules are said; without a store (or when the
 * record can't be read) it is this session. The sciatica routine speaks of the user's own leg
 * symptoms getting worse or spreading further than usual, since some leg symptoms are already there.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Routine } from '../../core/types';
import { loadUser, saveUser } from '../../persistence/user-store';
import { translatorOf } from '../input';
import { routineStopRulesSpeech } from '../../speech/safety';
import { patchSafety, readSafety } from './health-profile';

/** Whether this user has heard the full stop rules before (this session, or in an earlier one). */
export async function routinesHeard(h: HandlerInput): Promise<boolean> {
  if (readSafety(h).stopRulesSaid) return true;
  const { record } = await loadUser(h);
  return record.routinesHeard === true;
}

/**
 * The stop rules for the start of a routine or hold, and whether they are the full rules (said with
 * the "Alexa, pause" tip; the first time ever) or the one-line reminder.
 */
export async function stopRulesLead(
  h: HandlerInput,
  routine?: Routine,
): Promise<{ speech: string; full: boolean }> {
  const t = translatorOf(h);
  const sciatica = routine?.needs.includes('sciatica') === true;
  if (await routinesHeard(h))
    return { speech: routineStopRulesSpeech(t, { full: false, sciatica }), full: false };
  patchSafety(h, { stopRulesSaid: true });
  // A failed save only means the full rules are said again next time: the safe way round.
  await saveUser(h, { routinesHeard: true });
  return { speech: routineStopRulesSpeech(t, { full: true, sciatica }), full: true };
}
