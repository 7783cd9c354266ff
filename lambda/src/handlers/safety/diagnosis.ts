/**
 * Section 6.4: the disc routine is only for a problem a clinician has diagnosed; the skill must not
 * diagnose "disc pain". Before such a routine it asks whether a doctor or physiotherapist diagnosed
 * it; yes goes on to the safety question (whose nerve group then asks about numbness or weakness in
 * either leg), no offers the breathing-only routine and a check first.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { breathingOnlyRoutine } from '../../core/safety';
import { updateSession, type ScreenedStart } from '../conversation';
import { englishCatalogue } from '../../core/catalogue';
import { catalogueOf, translatorOf } from '../input';
import { ask, askKeys } from '../reply';
import { fingerprint, patchSafety, readSafety } from './health-profile';

/**
 * The diagnosis question for a routine that needs one, unless the user already said yes this
 * session. Asked every session; a user who has started the routine before (`returning`) has heard
 * why, so hears the question alone.
 */
export function diagnosisQuestion(
  h: HandlerInput,
  then: ScreenedStart,
  returning: (routineId: string) => boolean,
): Response | undefined {
  if (then.type !== 'routine') return undefined;
  const routine = catalogueOf(h).getRoutine(then.routineId);
  if (!routine?.needsDiagnosis || readSafety(h).diagnosed.includes(routine.id)) return undefined;
  const t = translatorOf(h);
  const key = returning(routine.id) ? 'safety.diagnosis.questionReturning' : 'safety.diagnosis.question';
  const speech = t(key, { routine: routine.name });
  updateSession(h, { offer: undefined });
  patchSafety(h, { pending: { action: 'diagnosis', routine: routine.id, asked: fingerprint(speech) } });
  return ask(h, speech, t('safety.diagnosis.reprompt'));
}

/** "No, it hasn't been diagnosed": a check first, and the breathing-only routine on offer. */
export function notDiagnosed(h: HandlerInput): Response {
  updateSession(h, { offer: { kind: 'routine', routineId: breathingOnlyRoutine(catalogueOf(h).safety).id } });
  return askKeys(h, 'safety.diagnosis.notDiagnosed', 'safety.diagnosis.notDiagnosedReprompt');
}

/** Whether the safety question's nerve group should ask about either leg (a diagnosed disc problem). */
export function asksAboutEitherLeg(then?: ScreenedStart): boolean {
  return then?.type === 'routine' && englishCatalogue.getRoutine(then.routineId)?.needsDiagnosis === true;
}
