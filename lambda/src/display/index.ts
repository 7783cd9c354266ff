/**
 * What handlers call to put something on a screen. Each adds an APL RenderDocument directive only
 * when the requesting device supports `Alexa.Presentation.APL`; speakers get nothing extra. A screen is
 * never worth losing the spoken answer for: a failure here is logged and the response goes out without it.
 */
import { getSupportedInterfaces, type HandlerInput, type ResponseInterceptor } from 'ask-sdk-core';
import type { Directive, Response } from 'ask-sdk-model';
import type { TurnScreen } from '../core/routine/screen';
import type { Point } from '../core/types';
import { requestType, tr } from '../handlers/input';
import { readRoutine } from '../handlers/routine/state';
import { log } from '../log';
import { isRecord } from '../state/session';
import type * as Documents from './documents';
import type { RoutineScreen, RoutineTurnScreen } from './routine';

/** The screen documents, required on first use (a separate file in the Lambda: see documents.ts). */
function documents(): typeof Documents {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./documents') as typeof Documents;
}

export type { RoutineScreen, RoutineTurnScreen } from './routine';
export { UnroutableUserEventHandler, UserEventToIntentInterceptor } from './events';

/** True when the device that sent the request can render APL documents. */
export function supportsApl(handlerInput: HandlerInput): boolean {
  try {
    const interfaces: unknown = getSupportedInterfaces(handlerInput.requestEnvelope);
    return isRecord(interfaces) && isRecord(interfaces['Alexa.Presentation.APL']);
  } catch {
    return false; // an envelope without context.System.device: not a screen device we can know of
  }
}

/** Shows a point's diagram and card on a screen device. */
export function showPoint(handlerInput: HandlerInput, point: Point): void {
  addScreen(handlerInput, 'point', () => documents().pointDirective(tr(handlerInput), point));
}

/** Shows the routine screen for this turn (step, diagram, countdown bar, Pause/Next) on a screen device. */
export function showRoutineTurn(handlerInput: HandlerInput, screen: RoutineScreen | RoutineTurnScreen): void {
  addScreen(handlerInput, 'routine', () => documents().routineDirective(tr(handlerInput), screen));
}

const APL_RENDER = 'Alexa.Presentation.APL.RenderDocument';

/**
 * What the routine screen should show after this request, if anything: the turn just played (the
 * engine leaves it in the request attributes as `routineScreen`, and the plan is in the session
 * state the handler wrote), or the paused routine. Nothing otherwise: the last document stays.
 */
export function routineScreenAfter(handlerInput: HandlerInput): RoutineTurnScreen | undefined {
  const read = readRoutine(handlerInput);
  if (read.status !== 'active') return undefined;
  const attributes: unknown = handlerInput.attributesManager.getRequestAttributes();
  const turn = isRecord(attributes) ? attributes.routineScreen : undefined;
  const t = tr(handlerInput);
  if (isTurnScreen(turn) && !read.state.paused) return documents().turnScreenFor(t, turn, read.state.plan);
  return read.state.paused ? documents().pausedScreenFor(t, read.state) : undefined;
}

function isTurnScreen(value: unknown): value is TurnScreen {
  return isRecord(value) && Array.isArray(value.steps) && typeof value.totalMs === 'number';
}

/**
 * After every handler: on a screen device, a response about a routine (a turn, or the routine now
 * paused) gets the routine screen, unless the handler already put a document on the screen (a point
 * asked about mid-routine). One place for every routine handler; speakers get nothing.
 */
export const RoutineScreenInterceptor: ResponseInterceptor = {
  process(handlerInput, response) {
    if (!response || !supportsApl(handlerInput)) return;
    // A session that has ended gets no screen (Alexa takes no directives in reply to it).
    if (requestType(handlerInput) === 'SessionEndedRequest') return;
    if ((response.directives ?? []).some((d) => d.type === APL_RENDER)) return;
    try {
      const screen = routineScreenAfter(handlerInput);
      if (!screen) return;
      const maxBytes = screenBudget(handlerInput, response);
      const directive = documents().routineDirective(tr(handlerInput), screen, {
        maxBytes,
      }) as unknown as Directive;
      // Even without diagrams it does not fit: the spoken turn goes out, the last screen stays.
      if (Buffer.byteLength(JSON.stringify(directive), 'utf8') > maxBytes) {
        log.warn('display.tooLarge', { kind: 'routine' });
        return;
      }
      response.directives = [...(response.directives ?? []), directive];
    } catch (error) {
      log.error('display.failed', {
        kind: 'routine',
        error: error instanceof Error ? error.message : String(error),
      });
    }
  },
};

/** Alexa's limit on a whole response (envelope, speech, directives, session attributes). */
export const MAX_RESPONSE_BYTES = 24 * 1024;
/** The envelope around the response (version, user agent, keys), with room to spare. */
const ENVELOPE_BYTES = 512;

/** What is left of the 24 KB for the routine screen, after the response and the session attributes. */
function screenBudget(handlerInput: HandlerInput, response: Response): number {
  const attributes = handlerInput.requestEnvelope.session
    ? handlerInput.attributesManager.getSessionAttributes()
    : {};
  const used = Buffer.byteLength(JSON.stringify(response) + JSON.stringify(attributes), 'utf8');
  return MAX_RESPONSE_BYTES - ENVELOPE_BYTES - used;
}

function addScreen(handlerInput: HandlerInput, kind: string, build: () => Record<string, unknown>): void {
  if (!supportsApl(handlerInput)) return;
  try {
    handlerInput.responseBuilder.addDirective(build() as unknown as Directive);
  } catch (error) {
    log.error('display.failed', { kind, error: error instanceof Error ? error.message : String(error) });
  }
}
