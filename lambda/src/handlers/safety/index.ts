import { SafetyChangesIntentHandler } from './changes';
import {
  HealthStatementIntentHandler,
  SafetyCheckIntentHandler,
  SafetyMoreHandler,
  SafetyWhyHandler,
} from './health';
import { ForgetHealthIntentHandler, RememberHealthIntentHandler, SafetyConfirmationHandler } from './privacy';
import type { GuideHandler } from '../handler';

export { NotHealthStatementInterceptor } from './not-health';
export { WhyIntentInterceptor } from './why';
export { recordAdjustment, routineGate, routinesBlocked, type RoutineGate, type SafeRoutine } from './gate';

/**
 * Safety and triage handlers, in order. They run before every other feature's handlers, so each
 * claims only its own intents, and yes/no only while its own question is pending.
 */
export const safetyHandlers: GuideHandler[] = [
  SafetyConfirmationHandler,
  SafetyWhyHandler,
  SafetyCheckIntentHandler,
  SafetyMoreHandler,
  HealthStatementIntentHandler,
  RememberHealthIntentHandler,
  ForgetHealthIntentHandler,
  SafetyChangesIntentHandler,
];
