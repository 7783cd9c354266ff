/**
 * What handlers call to put something on a screen. Each adds an APL RenderDocument directive only
 * when the requesting device supports `Alexa.Presentation.APL`; speakers get nothing extra. A screen is
 * never worth losing the spoken answer for: a failure here is logged and the response goes out without it.
 */
import { getSupportedInterfaces, type HandlerInput } from 'ask-sdk-core';
import type { Directive } from 'ask-sdk-model';
import type { Point } from '../core/types';
import { tr } from '../handlers/input';
import { log } from '../log';
import { isRecord } from '../state/session';
import { pointDirective, routineDirective } from './apl';
import type { RoutineScreen } from './routine';

export type { RoutineScreen } from './routine';
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
  addScreen(handlerInput, 'point', () => pointDirective(tr(handlerInput), point));
}

/** Shows the routine screen for this turn (step, diagram, countdown bar, Pause/Next) on a screen device. */
export function showRoutineTurn(handlerInput: HandlerInput, screen: RoutineScreen): void {
  addScreen(handlerInput, 'routine', () => routineDirective(tr(handlerInput), screen));
}

function addScreen(handlerInput: HandlerInput, kind: string, build: () => Record<string, unknown>): void {
  if (!supportsApl(handlerInput)) return;
  try {
    handlerInput.responseBuilder.addDirective(build() as unknown as Directive);
  } catch (error) {
    log.error('display.failed', { kind, error: error instanceof Error ? error.message : String(error) });
  }
}
