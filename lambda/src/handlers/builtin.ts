/**
 * The parts of a certifiable skill: launch, help, stop and cancel, fallback, navigate home, repeat,
 * no, session end, and catch-alls for intents and requests no other handler took.
 */
import type { ErrorHandler, HandlerInput } from 'ask-sdk-core';
import { log } from '../log';
import { welcomeSpeech } from '../speech/builtin';
import { loadUser, saveUserOrNotice } from '../persistence/user-store';
import { lastOutput, updateSession } from './conversation';
import { intentName, isIntent, localeOf, requestType, translatorOf } from './input';
import { ask, askKeys, sayAndEnd } from './reply';
import { BASE_LANGUAGE, speaksLanguageOf, translatorFor } from '../i18n';
import type { GuideHandler } from './handler';

export const LaunchRequestHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => requestType(h) === 'LaunchRequest',
  async handle(h) {
    const t = translatorOf(h);
    const speech = await welcome(h, t('common.launch.ask'), t('common.launch.askReturning'));
    return ask(h, speech, t('common.launch.reprompt'));
  },
};

/**
 * The welcome, followed by `next` (`nextReturning` for a returning user: one who has heard the
 * welcome or started a routine before, who hears a short "Welcome back." that says nothing of what
 * the skill does). The not-medical-advice note is said whenever we cannot tell that it was heard
 * before (new user, a user who has only used one-shot requests, or storage down); when the store
 * fails to keep that it was heard, the user also hears that progress can't be saved right now.
 */
export async function welcome(h: HandlerInput, next: string, nextReturning = next): Promise<string> {
  const t = translatorOf(h);
  const { record, configured } = await loadUser(h);
  const note = !record.welcomed;
  const returning = record.welcomed === true || record.routinesHeard === true;
  const notice = note && configured ? await saveUserOrNotice(h, t, { welcomed: true }) : '';
  return welcomeSpeech(t, { returning, note }, notice, returning ? nextReturning : next);
}

export const HelpIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'AMAZON.HelpIntent'),
  handle: (h) => askKeys(h, 'controls.help.none', 'common.help.reprompt'),
};

/**
 * "Go home", "no" to an offer, or "yes" when nothing was offered (offers are handled by the feature
 * that made them): drop any offer and ask what next.
 */
export const HomeIntentHandler: GuideHandler = {
  duringRoutine: (h) => (isIntent(h, 'AMAZON.NavigateHomeIntent') ? 'pauses' : 'continues'),
  canHandle: (h) => isIntent(h, 'AMAZON.NavigateHomeIntent', 'AMAZON.NoIntent', 'AMAZON.YesIntent'),
  handle(h) {
    updateSession(h, { offer: undefined });
    return askKeys(h, 'common.home.speech', 'common.launch.reprompt');
  },
};

export const StopCancelIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.PauseIntent'),
  handle(h) {
    return h.responseBuilder
      .speak(translatorOf(h)('common.goodbye'))
      .withShouldEndSession(true)
      .getResponse();
  },
};

export const RepeatIntentHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'AMAZON.RepeatIntent'),
  handle(h) {
    const t = translatorOf(h);
    const last = lastOutput(h);
    if (!last) return askKeys(h, 'common.repeat.nothing', 'common.launch.reprompt');
    return ask(h, last.speech, last.reprompt ?? t('common.launch.reprompt'));
  },
};

/** Words the model could not place, with no routine: a second miss in a row is shorter and different. */
export const FallbackIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'AMAZON.FallbackIntent'),
  handle(h) {
    const t = translatorOf(h);
    const first = t('common.fallback.speech');
    if (lastOutput(h)?.speech === first)
      return askKeys(h, 'controls.fallback.again', 'common.fallback.reprompt');
    return ask(h, first, t('common.fallback.reprompt'));
  },
};

/**
 * A request in a language the skill does not speak (ja-JP, it-IT, or de-DE before its content
 * exists): one short answer in English saying so, and the session ends. Never a crash, never another
 * language's text mixed in. A session's end is left to its own handler.
 */
export const UnsupportedLanguageHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => requestType(h) !== 'SessionEndedRequest' && !speaksLanguageOf(localeOf(h)),
  handle(h) {
    log.info('locale.unsupported', { locale: localeOf(h)?.slice(0, 20) });
    return sayAndEnd(h, translatorFor(BASE_LANGUAGE)('common.unsupportedLanguage'));
  },
};

export const SessionEndedRequestHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => requestType(h) === 'SessionEndedRequest',
  handle(h) {
    const request = h.requestEnvelope.request as { reason?: unknown; error?: { type?: unknown } };
    log.info('session.ended', {
      reason: typeof request.reason === 'string' ? request.reason : undefined,
      errorType: typeof request.error?.type === 'string' ? request.error.type : undefined,
    });
    return h.responseBuilder.getResponse();
  },
};

/** An intent this skill does not handle (for example one added to the model before its handler). */
export const UnhandledIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => requestType(h) === 'IntentRequest',
  handle(h) {
    log.warn('intent.unhandled', { intent: intentName(h) });
    return FallbackIntentHandler.handle(h);
  },
};

/**
 * Any other request type (System.ExceptionEncountered, an unknown request type): no speech,
 * since these requests must not or cannot be answered with output.
 */
export const UnhandledRequestHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: () => true,
  handle(h) {
    log.info('request.unhandled', { type: requestType(h) });
    return h.responseBuilder.getResponse();
  },
};

/** The last resort: a calm apology, the error logged (its name and message only), the session kept open. */
export const CatchAllErrorHandler: ErrorHandler = {
  canHandle: () => true,
  handle(h, error) {
    log.error('handler.error', {
      error: `${error.name}: ${error.message}`,
      type: requestType(h),
      intent: intentName(h),
    });
    return askKeys(h, 'common.error.speech', 'common.error.reprompt');
  },
};
