/**
 * Putting something on a screen. Each function adds an APL RenderDocument directive only when the
 * requesting device supports `Alexa.Presentation.APL`; speakers get nothing extra. The documents
 * themselves come from display/, which knows nothing of requests. A screen is never worth losing the
 * spoken answer for: a failure here is logged and the response goes out without it.
 */
import { getSupportedInterfaces, type HandlerInput, type ResponseInterceptor } from 'ask-sdk-core';
import type { Directive } from 'ask-sdk-model';
import { isRecord } from '../core/record';
import type { RoutinePlan } from '../core/routine/plan';
import type { TurnScreen } from '../core/routine/screen';
import type { ChartDay } from '../core/progress/types';
import type { PointAdvice } from '../core/safety';
import type { Point } from '../core/types';
import type * as Documents from '../display/documents';
import { log } from '../log';
import { localeOf, requestType, translatorOf } from './input';
import { readRoutine } from './routine/routine-attribute';

/** The screen documents, required on first use (a file of its own in the Lambda: see documents.ts). */
function documents(): typeof Documents {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../display/documents') as typeof Documents;
}

/** True when the device that sent the request can render APL documents. */
export function supportsApl(h: HandlerInput): boolean {
  try {
    const interfaces: unknown = getSupportedInterfaces(h.requestEnvelope);
    return isRecord(interfaces) && isRecord(interfaces['Alexa.Presentation.APL']);
  } catch {
    return false; // an envelope without context.System.device: not a screen device we can know of
  }
}

/** Shows a point's diagram and card on a screen device, as the session's safety profile allows it. */
export function showPoint(h: HandlerInput, point: Point, advice?: PointAdvice): void {
  addScreen(h, 'point', () => documents().pointDirective(translatorOf(h), point, advice));
}

/**
 * Shows the progress chart of `days` (chartDays' output) up to `today` on a screen device, with the
 * touched day `selected` marked. False when nothing was shown (a speaker, or the screen failed).
 */
export function showProgressChart(
  h: HandlerInput,
  days: ChartDay[],
  today: string,
  selected?: string,
): boolean {
  if (!supportsApl(h)) return false;
  try {
    const t = translatorOf(h);
    const screens = documents();
    h.responseBuilder.addDirective(
      asDirective(
        screens.progressChartDirective(screens.progressChartData(t, localeOf(h), days, today, selected)),
      ),
    );
    return true;
  } catch (error) {
    logFailure('progress', error);
    return false;
  }
}

/**
 * Shows the turn just built from `plan` (every hold of it, in step with the audio) on a screen device.
 * Called once the turn's audio is in the response: the screen gets what is left of Alexa's 24 KB, and
 * a turn whose holds span several body views keeps diagrams on as many pages as fit. If even the
 * text-only pages do not fit, the spoken turn goes out and the last screen stays.
 */
export function showTurn(h: HandlerInput, turn: TurnScreen, plan: RoutinePlan): void {
  if (!supportsApl(h)) return;
  try {
    const t = translatorOf(h);
    const maxBytes = screenBudget(h);
    const directive = documents().routineDirective(t, documents().turnScreenFor(t, turn, plan), { maxBytes });
    if (Buffer.byteLength(JSON.stringify(directive), 'utf8') > maxBytes) {
      log.warn('display.tooLarge', { kind: 'routine' });
      return;
    }
    h.responseBuilder.addDirective(asDirective(directive));
  } catch (error) {
    logFailure('routine', error);
  }
}

/** Alexa's limit on a whole response (envelope, speech, directives, session attributes). */
export const MAX_RESPONSE_BYTES = 24 * 1024;
/** The envelope around the response (version, user agent, keys) and a reprompt added after the screen. */
const ENVELOPE_BYTES = 1024;

/** What is left of the 24 KB for the routine screen, after the response so far and the session attributes. */
function screenBudget(h: HandlerInput): number {
  const attributes = h.requestEnvelope.session ? h.attributesManager.getSessionAttributes() : {};
  const used = Buffer.byteLength(
    JSON.stringify(h.responseBuilder.getResponse()) + JSON.stringify(attributes),
    'utf8',
  );
  return MAX_RESPONSE_BYTES - ENVELOPE_BYTES - used;
}

const APL_RENDER = 'Alexa.Presentation.APL.RenderDocument';

/**
 * After every handler: on a screen device, a response that leaves the routine paused gets the paused
 * routine screen, unless the handler already put a document on the screen (a turn, or a point asked
 * about mid-routine). One place for every way of pausing; speakers get nothing.
 */
export const PausedRoutineScreenInterceptor: ResponseInterceptor = {
  process(h, response) {
    if (!response || !supportsApl(h)) return;
    // A session that has ended gets no screen (Alexa takes no directives in reply to it).
    if (requestType(h) === 'SessionEndedRequest') return;
    if ((response.directives ?? []).some((d) => d.type === APL_RENDER)) return;
    const read = readRoutine(h);
    if (read.status !== 'active' || !read.state.paused) return;
    const { state } = read;
    try {
      const t = translatorOf(h);
      const screen = documents().pausedScreenFor(t, state);
      if (!screen) return;
      response.directives = [
        ...(response.directives ?? []),
        asDirective(documents().routineDirective(t, screen)),
      ];
    } catch (error) {
      logFailure('routine', error);
    }
  },
};

function addScreen(h: HandlerInput, kind: string, build: () => Record<string, unknown>): void {
  if (!supportsApl(h)) return;
  try {
    h.responseBuilder.addDirective(asDirective(build()));
  } catch (error) {
    logFailure(kind, error);
  }
}

/** display/ builds documents as plain JSON; ask-sdk-model types the directive union. */
function asDirective(json: Record<string, unknown>): Directive {
  return json as unknown as Directive;
}

function logFailure(kind: string, error: unknown): void {
  log.error('display.failed', { kind, error: error instanceof Error ? error.message : String(error) });
}
