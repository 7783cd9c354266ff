/**
 * Builds the one skill object that every host runs: the Lambda entry, the express server, the
 * simulator and the tests. Handlers are registered here, from the most specific to the most generic.
 */
import { Skill, SkillBuilders, type PersistenceAdapter, type RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  CatchAllErrorHandler,
  FallbackIntentHandler,
  HelpIntentHandler,
  LaunchRequestHandler,
  NavigateHomeIntentHandler,
  NoIntentHandler,
  RepeatIntentHandler,
  SessionEndedRequestHandler,
  StopCancelIntentHandler,
  UnhandledIntentHandler,
  UnhandledRequestHandler,
  YesIntentHandler,
} from './handlers/builtin';
import {
  RoutineScreenInterceptor,
  UnroutableUserEventHandler,
  UserEventToIntentInterceptor,
} from './display';
import { findPointHandlers } from './handlers/find-point';
import { routineHandlers, routineRequestInterceptor } from './handlers/routine';
import type { RoutineAudio } from './handlers/routine/state';
import { NotHealthStatementInterceptor, safetyHandlers } from './handlers/safety';
import { translatorFor } from './i18n';
import { RememberLastOutputInterceptor } from './interceptors';
import { log } from './log';
import { StorelessInterceptor } from './persistence/user-store';

export interface SkillOptions {
  /** Where user records are kept between sessions; without one, nothing is remembered. */
  persistenceAdapter?: PersistenceAdapter;
  /** When set, requests for any other skill id are rejected. */
  skillId?: string;
  /** How routine turns are sent: APL for Audio (default, for Alexa) or one SSML document (local tools). */
  routineAudio?: RoutineAudio;
}

/** Every request handler, in the order the dispatcher tries them. */
export const requestHandlers: RequestHandler[] = [
  ...safetyHandlers,
  ...routineHandlers,
  ...findPointHandlers,
  UnroutableUserEventHandler,
  LaunchRequestHandler,
  HelpIntentHandler,
  NavigateHomeIntentHandler,
  StopCancelIntentHandler,
  NoIntentHandler,
  YesIntentHandler,
  RepeatIntentHandler,
  FallbackIntentHandler,
  SessionEndedRequestHandler,
  UnhandledIntentHandler,
  UnhandledRequestHandler,
];

/** Builds the skill with the given persistence and skill id. */
export function buildSkill(options: SkillOptions = {}): Skill {
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...requestHandlers)
    // Button presses become the spoken intent first, so the routine interceptor sees them as voice.
    // "I'm done" is not a health statement: it becomes a fallback before the routine sees it.
    .addRequestInterceptors(
      UserEventToIntentInterceptor,
      NotHealthStatementInterceptor,
      routineRequestInterceptor(options.routineAudio),
    )
    // The routine screen goes on after the handler, so every routine response gets it in one place.
    .addResponseInterceptors(RoutineScreenInterceptor, RememberLastOutputInterceptor)
    .addErrorHandlers(CatchAllErrorHandler)
    .withCustomUserAgent('pressure-point-guide/0.1');
  if (options.persistenceAdapter) builder.withPersistenceAdapter(options.persistenceAdapter);
  else builder.addRequestInterceptors(StorelessInterceptor);
  if (options.skillId) builder.withSkillId(options.skillId);
  return new GuardedSkill(builder.getSkillConfiguration());
}

/**
 * A skill that answers input the SDK cannot even dispatch (no request, not an object) with a calm
 * spoken apology instead of an exception. A skill id mismatch is still an error: those requests are
 * not ours to answer.
 */
class GuardedSkill extends Skill {
  override async invoke(input: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> {
    const envelope: unknown = input;
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
    return super.invoke(input, context);
  }
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
