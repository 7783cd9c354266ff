/**
 * Where the pain check-in meets the routine: the optional question before a routine starts (once a
 * session, unless turned off), and "And now?" as the routine's closing question in place of "Would
 * you like another routine?" when a score was given before it. One question at a time: the other
 * question comes after the answer.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Phrasebook } from '../../core/routine/timeline';
import { catalogueOf, translatorOf } from '../input';
import { ask } from '../reply';
import type { ScreenedStart } from '../conversation';
import { updateSession } from '../conversation';
import { loadUser } from '../../persistence/user-store';
import { readSafety } from '../safety/health-profile';
import { checkInsOff, patchCheckIn, readCheckIn } from './state';

/**
 * Before a routine: "From 0 to 10, how is your back right now?" when it has not been asked this
 * session and check-ins are on; undefined when the routine should go ahead without it.
 *
 * Check-ins start with the user's second session of routines (the stored `routinesHeard`): the very
 * first one already carries the not-medical-advice note, the safety question, the full stop rules
 * and what a finger-width is, and one more question there is one too many.
 */
export async function painQuestionBefore(
  h: HandlerInput,
  then: ScreenedStart,
): Promise<Response | undefined> {
  if (then.type !== 'routine' || !h.requestEnvelope.session) return undefined;
  const checkIn = readCheckIn(h);
  if (checkIn.asked) return undefined;
  // Not in the session that said the full stop rules (the first one), even for a later routine.
  const { record } = await loadUser(h);
  if (record.routinesHeard !== true || readSafety(h).stopRulesSaid) return undefined;
  if (await checkInsOff(h)) return undefined;
  const t = translatorOf(h);
  updateSession(h, { offer: undefined });
  patchCheckIn(h, {
    asked: true,
    asking: 'before',
    stage: 'before',
    routine: then.routineId,
    breathingOnly: then.breathingOnly === true ? true : undefined,
    before: undefined,
    after: undefined,
    again: undefined,
  });
  return ask(h, t('progress.ask.before'), t('progress.ask.beforeReprompt'));
}

/** A score was given before this routine, so its end asks "And now?". */
export function afterQuestionDue(h: HandlerInput, routineId: string): boolean {
  const checkIn = readCheckIn(h);
  return (
    checkIn.before !== undefined &&
    checkIn.after === undefined &&
    catalogueOf(h).getRoutine(routineId) !== undefined
  );
}

/**
 * The routine's closing words with "And now, from 0 to 10?" as their question when the after
 * score is due; otherwise the phrasebook as it is. The routine's name and closing come in the
 * request's language, and the phrasebook keeps its language, so the turn is timed for it.
 */
export function endingPhrasebook(h: HandlerInput, phrasebook: Phrasebook): Phrasebook {
  const ending = (cue: Parameters<Phrasebook>[0]): string => {
    if (cue.type !== 'finished' || cue.plan.source.type !== 'routine') return phrasebook(cue);
    const routine = catalogueOf(h).getRoutine(cue.plan.source.id);
    if (!routine || !afterQuestionDue(h, routine.id)) return phrasebook(cue);
    return translatorOf(h)('progress.ask.finishedRoutine', {
      routine: routine.name,
      closing: routine.closing,
    });
  };
  return phrasebook.language === undefined
    ? ending
    : Object.assign(ending, { language: phrasebook.language });
}

/**
 * At the routine's end, when the after score is due: the question is pending and its reprompt set.
 * True when it was asked (the caller then sets no other reprompt).
 */
export function askAfter(h: HandlerInput, routineId: string): boolean {
  if (!afterQuestionDue(h, routineId)) return false;
  patchCheckIn(h, { asking: 'after', stage: 'after', routine: routineId, again: undefined });
  h.responseBuilder.reprompt(translatorOf(h)('progress.ask.afterReprompt'));
  return true;
}
