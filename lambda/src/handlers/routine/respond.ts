/**
 * Playing a turn: build it from the plan, remember it (with the request time as its start), and
 * send it as APL for Audio, or as one SSML document where APLA is not wanted.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Directive, Response } from 'ask-sdk-model';
import type { RoutinePlan } from '../../core/routine/plan';
import { startTurn, type ResumePoint } from '../../core/routine/progress';
import { buildTurn, type AnnounceOrder, type Turn } from '../../core/routine/timeline';
import { turnScreen } from '../../core/routine/screen';
import { timelineToApla } from '../../speech/apla';
import { routinePhrasebook } from '../../speech/routine-cues';
import { timelineToSsml } from '../../speech/timeline-ssml';
import { updateSession } from '../conversation';
import { translatorOf } from '../input';
import { showTurn } from '../screen';
import { routinesBlocked } from '../safety/gate';
import { patchSafety, readSafety } from '../safety/health-profile';
import { nowOf, routineAudio, writeRoutine } from './routine-attribute';
import { ask, askKeys } from '../reply';
import { recordReplan, replannedTurn } from './replan';
import { askAfter, endingPhrasebook } from '../progress/questions';

export interface PlayOptions {
  /** SSML fragments spoken before the first hold (each from a `t()` call). */
  lead?: string[];
  /** SSML fragments said as the first words of the first hold, after its press cue (TurnOptions). */
  inFirstHold?: string[];
  order?: AnnounceOrder;
}

/** Builds and sends the turn starting at `from`, and stores it as the turn in progress. */
export function playTurn(
  h: HandlerInput,
  planned: RoutinePlan,
  resumeAt: ResumePoint,
  options: PlayOptions = {},
): Response {
  let plan = planned;
  let from = resumeAt;
  const t = translatorOf(h);
  // A red flag said mid-routine stops the guiding for the rest of the session; the place is kept.
  if (routinesBlocked(h)) {
    return askKeys(h, 'routine.blockedMidRoutine', 'routine.blockedMidRoutineReprompt');
  }
  // A turn the user chose (lighter, skip, start over …) ends any hold a stop-rule symptom halted.
  if (readSafety(h).halted !== undefined) patchSafety(h, { halted: undefined });
  // Whatever the user has said since the plan was made (in any words, at any moment) applies to every
  // hold still to come: the rest of the plan is made again under the profile in force now.
  let lead = options.lead ?? [];
  const replanned = replannedTurn(h, plan, from);
  if (replanned.kind === 'hold-stopped') {
    writeRoutine(h, undefined);
    updateSession(h, { offer: { kind: 'routine', routineId: 'general', breathingOnly: true } });
    return ask(
      h,
      `${replanned.speech} ${t('find.profile.offerBreathing')}`,
      t('find.profile.offerBreathingReprompt'),
    );
  }
  if (replanned.kind === 'replanned') {
    plan = replanned.plan;
    from = replanned.from;
    lead = [replanned.again.speech, ...lead];
    recordReplan(h, plan, replanned.again);
  }
  const turn = buildTurn(
    plan,
    { index: from.index, remainingMs: from.remainingMs, order: options.order },
    endingPhrasebook(h, routinePhrasebook(t, plan)),
    { lead, inFirstHold: options.inFirstHold },
  );
  writeRoutine(h, startTurn(plan, turn, nowOf(h)));
  return sendTurn(h, plan, turn);
}

/**
 * At the end of a routine: its closing cue asks "Would you like another routine?"; yes asks which,
 * no says goodbye (RoutineYesHandler, RoutineNoHandler). When a pain score was given before the
 * routine, the closing cue asks "And now?" instead (handlers/progress), and the offer of another
 * routine waits for that answer.
 */
export function offerAnotherRoutine(h: HandlerInput, routineId?: string): void {
  updateSession(h, { offer: { kind: 'another-routine' } });
  if (routineId !== undefined && askAfter(h, routineId)) return;
  h.responseBuilder.reprompt(translatorOf(h)('routine.another.reprompt'));
}

/** After a timed hold: "yes" times the same point again (the question is the hold's closing cue). */
export function offerHoldAgain(h: HandlerInput, code: string): void {
  updateSession(h, { offer: { kind: 'hold-again', code } });
  h.responseBuilder.reprompt(translatorOf(h)('routine.hold.againReprompt'));
}

function sendTurn(h: HandlerInput, plan: RoutinePlan, turn: Turn): Response {
  const t = translatorOf(h);
  const rb = h.responseBuilder;
  const source = plan.source.type === 'routine' ? plan.source.id : plan.source.code.replace(/ /g, '');
  if (routineAudio(h) === 'ssml') {
    rb.speak(timelineToSsml(turn.items));
  } else {
    const token = `routine.${source}.${turn.steps[0]?.index ?? turn.next}`;
    rb.addDirective(timelineToApla(turn.items, token) as unknown as Directive);
  }
  showTurn(h, turnScreen(plan, turn), plan);
  // The session stays open through the last turn too, so "Alexa, pause" still reaches the skill,
  // and the last turn ends on a question: a timed hold's "Want to do it again?" (yes times it
  // again), a routine's "Would you like another routine?" (yes asks which, no says goodbye).
  if (turn.finished && plan.source.type === 'point') offerHoldAgain(h, plan.source.code);
  else if (turn.finished) offerAnotherRoutine(h, plan.source.type === 'routine' ? plan.source.id : undefined);
  else rb.reprompt(t('routine.reprompt.next'));
  return rb.getResponse();
}
