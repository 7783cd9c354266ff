/**
 * Builds the one skill object that every host runs: the Lambda entry, the express server, the
 * simulator and the tests. Handlers are registered here, from the most specific to the most generic.
 */
import {
  Skill,
  SkillBuilders,
  type HandlerInput,
  type PersistenceAdapter,
  type RequestHandler,
} from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  CatchAllErrorHandler,
  FallbackIntentHandler,
  HelpIntentHandler,
  LaunchRequestHandler,
  HomeIntentHandler,
  RepeatIntentHandler,
  SessionEndedRequestHandler,
  StopCancelIntentHandler,
  UnhandledIntentHandler,
  UnhandledRequestHandler,
  UnsupportedLanguageHandler,
} from './handlers/builtin';
import { EverydayWordsInterceptor } from './handlers/everyday-words';
import { findPointHandlers } from './handlers/find-point';
import { progressChartHandlers } from './handlers/progress-chart';
import { PausedRoutineScreenInterceptor } from './handlers/screen';
import { UnroutableUserEventHandler, UserEventToIntentInterceptor } from './handlers/screen-events';
import { pausingRoutine, routineAudioInterceptor, routineHandlers } from './handlers/routine';
import { PaceInterceptor } from './handlers/routine/voice-preference';
import type { RoutineAudio } from './handlers/routine/routine-attribute';
import { NotHealthStatementInterceptor, safetyHandlers, WhyIntentInterceptor } from './handlers/safety';
import { CancelConfirmHandler, ReminderQuestionInterceptor, reminderHandlers } from './handlers/reminders';
import { REMINDERS_CALL_LIMIT_MS } from './handlers/reminders/api';
import { BoundedApiClient } from './handlers/reminders/api-client';
import {
  AgeNumberInterceptor,
  checkInAnswerHandlers,
  dropStaleQuestion,
  progressHandlers,
  ProgressLaunchHandler,
} from './handlers/progress';
import { translatorFor } from './i18n';
import { RememberLastOutputInterceptor } from './interceptors';
import { log } from './log';
import { OwnSessionAttributesInterceptor, withOwnSessionAttributes } from './session-guard';
import { userStoreInterceptor } from './persistence/user-store';
import type { GuideHandler } from './handlers/handler';

export interface SkillOptions {
  /** Where user records are kept between sessions; without one, nothing is remembered. */
  persistenceAdapter?: PersistenceAdapter;
  /** When set, requests for any other skill id are rejected. */
  skillId?: string;
  /** How routine turns are sent: APL for Audio (default, for Alexa) or one SSML document (local tools). */
  routineAudio?: RoutineAudio;
}

/** Every request handler, in the order the dispatcher tries them. */
export const requestHandlers: GuideHandler[] = [
  UnsupportedLanguageHandler,
  // Only right after "shall I cancel all of them?" (a later yes has dropped the question).
  CancelConfirmHandler,
  // The answer to a pending pain check-in question (a number, "skip", yes or no to its own
  // question): red-flag and health words are never taken for it, so they still reach safety.
  ...checkInAnswerHandlers,
  ...safetyHandlers,
  ...reminderHandlers,
  ...progressHandlers,
  ...routineHandlers,
  ...findPointHandlers,
  ...progressChartHandlers,
  UnroutableUserEventHandler,
  ProgressLaunchHandler,
  LaunchRequestHandler,
  HelpIntentHandler,
  HomeIntentHandler,
  StopCancelIntentHandler,
  RepeatIntentHandler,
  FallbackIntentHandler,
  SessionEndedRequestHandler,
  UnhandledIntentHandler,
  UnhandledRequestHandler,
];

/**
 * The handlers as one, tried in the same order: ask-sdk's dispatcher awaits every handler's
 * `canHandle` in turn (a promise tick each, for some forty handlers, a tenth of a warm request);
 * this asks them without a tick for the synchronous ones, and `handle` runs the one that said yes
 * for this very request (ask-sdk passes the same handler input to both).
 */
export function firstMatch(handlers: RequestHandler[]): RequestHandler {
  const chosen = new WeakMap<HandlerInput, RequestHandler>();
  return {
    async canHandle(input) {
      for (const handler of handlers) {
        const can = handler.canHandle(input);
        if (can === true || (can !== false && (await can))) {
          chosen.set(input, handler);
          return true;
        }
      }
      return false;
    },
    handle(input) {
      const handler = chosen.get(input);
      if (!handler) throw new Error('firstMatch: handle() without canHandle() for this request');
      return handler.handle(input);
    },
  };
}

/** Builds the skill with the given persistence and skill id. */
export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom();
  // First, so the request's storage deadline counts from its arrival (handlers reach the store
  // only through persistence/user-store, never through the SDK's AttributesManager).
  if (options.persistenceAdapter)
    builder.addRequestInterceptors(userStoreInterceptor(options.persistenceAdapter));
  builder
    .addRequestHandlers(firstMatch(requestHandlers.map(pausingRoutine)))
    // Button presses become the spoken intent first, so handlers (and the routine pause) see them as voice.
    // "I'm done" is not a health statement: it becomes a fallback before any handler is chosen.
    .addRequestInterceptors(
      UserEventToIntentInterceptor,
      NotHealthStatementInterceptor,
      WhyIntentInterceptor,
      EverydayWordsInterceptor,
      AgeNumberInterceptor,
      routineAudioInterceptor(options.routineAudio),
      ReminderQuestionInterceptor,
    )
    // After the handler: a pain check-in question this turn did not ask is no longer pending; what
    // was said (for repeat); only the skill's own session attributes, validated; then the paused
    // routine screen, so every way of pausing gets it in one place; last, the user's pace for the
    // answers (after "what was said" is kept from the translator's words).
    .addResponseInterceptors(
      { process: dropStaleQuestion },
      RememberLastOutputInterceptor,
      OwnSessionAttributesInterceptor,
      PausedRoutineScreenInterceptor,
      PaceInterceptor,
    )
    .addErrorHandlers(withOwnSessionAttributes(CatchAllErrorHandler))
    // The service clients (Reminders API, device settings) need an API client: DefaultApiClient's
    // behaviour, plus an abort after the longest a call may take, so a hung API leaves no socket
    // open; each call also has the turn's deadline where it is made (handlers/reminders/api.ts).
    .withApiClient(new BoundedApiClient(REMINDERS_CALL_LIMIT_MS))
    .withCustomUserAgent('pressure-point-guide/0.1');
  // The skill id is checked by GuardedSkill itself (the SDK's own check throws on an envelope
  // without context.System.application), so the builder is not given it.
  return new GuardedSkill(builder.getSkillConfiguration(), options.skillId);
}

/**
 * A skill that answers input the SDK cannot even dispatch (no request, not an object) with a calm
 * spoken apology instead of an exception. When built with a skill id, a request for another skill,
 * or one that names no skill at all (no `context.System.application`), is not ours to answer: it is
 * refused with one log line and an empty response, before any handler or store is touched, and
 * never with an exception (the SDK's own check throws a TypeError on a missing `application`).
 */
class GuardedSkill extends Skill {
  constructor(
    configuration: ConstructorParameters<typeof Skill>[0],
    private readonly servesSkillId?: string,
  ) {
    super(configuration);
  }

  override async invoke(input: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
    const envelope: unknown = input;
    if (this.servesSkillId !== undefined) {
      const refusal = skillIdRefusal(envelope, this.servesSkillId);
      if (refusal) {
        log.warn('request.refused', { reason: refusal });
        return { version: '1.0', response: {} };
      }
    }
    if (!isDispatchable(envelope)) {
      log.warn('request.malformed');
      const t = translatorFor(undefined);
      return {
        version: '1.0',
        response: {
          outputSpeech: { type: 'SSML', ssml: `<speak>${t('common.error.speech')}</speak>` },
          shouldEndSession: false,
        },
      };
    }
    return super.invoke(withSystem(input), context);
  }
}

/**
 * With an API client configured, ask-sdk reads `context.System.apiEndpoint` before any handler runs
 * and throws on an envelope whose `System` is missing or not an object. Such an envelope is answered
 * as one with an empty `System`: no endpoint and no token, so no service call is made.
 */
function withSystem(input: RequestEnvelope): RequestEnvelope {
  const context: unknown = input.context;
  const system: unknown = (context as { System?: unknown }).System;
  if (typeof system === 'object' && system !== null) return input;
  return { ...input, context: { ...(context as object), System: {} } } as RequestEnvelope;
}

/** Why an envelope is not for this skill id ('skill-id-missing' / 'skill-id-mismatch'), or undefined. */
export function skillIdRefusal(envelope: unknown, skillId: string): string | undefined {
  const applicationId: unknown = (
    envelope as { context?: { System?: { application?: { applicationId?: unknown } } } } | null
  )?.context?.System?.application?.applicationId;
  if (typeof applicationId !== 'string') return 'skill-id-missing';
  return applicationId === skillId ? undefined : 'skill-id-mismatch';
}

function isDispatchable(envelope: unknown): boolean {
  if (typeof envelope !== 'object' || envelope === null) return false;
  const { request, context } = envelope as { request?: unknown; context?: unknown };
  return (
    typeof request === 'object' &&
    request !== null &&
    typeof (request as { type?: unknown }).type === 'string' &&
    typeof context === 'object' &&
    context !== null
  );
}
