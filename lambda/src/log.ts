/**
 * Structured logs, one JSON object per line. Only event names and small, non-personal fields are
 * logged: never request envelopes, user ids, tokens or anything the user said about their health.
 *
 * Fields copied from a request envelope cannot be trusted to be what Alexa sends, so every line is
 * bounded here, whoever logs it: a request type (`type`, `requestType`) or an intent name (`intent`)
 * is logged only when it is one this skill knows, a SessionEndedRequest's `reason` and `errorType`
 * only when Alexa documents them, and anything else as `other`. No string field is longer than
 * 100 characters (longer ones are cut, ending in `…`).
 */
import intentNames from './generated/intent-names.json';

type Level = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | undefined>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The longest string a log field may hold. */
export const MAX_LOG_FIELD_CHARACTERS = 100;

/** What a value outside a field's known list is logged as. */
export const OTHER = 'other';

/** Request types Alexa documents for custom skills (and the ones this skill's screens send). */
export const KNOWN_REQUEST_TYPES: ReadonlySet<string> = new Set([
  'LaunchRequest',
  'IntentRequest',
  'SessionEndedRequest',
  'SessionResumedRequest',
  'CanFulfillIntentRequest',
  'System.ExceptionEncountered',
  'Alexa.Presentation.APL.UserEvent',
  'Alexa.Presentation.APL.LoadIndexListData',
  'Alexa.Presentation.APL.LoadTokenListData',
  'Alexa.Presentation.APL.RuntimeError',
  'Alexa.Presentation.APLA.RuntimeError',
  'Alexa.Presentation.HTML.Message',
  'AudioPlayer.PlaybackStarted',
  'AudioPlayer.PlaybackFinished',
  'AudioPlayer.PlaybackStopped',
  'AudioPlayer.PlaybackNearlyFinished',
  'AudioPlayer.PlaybackFailed',
  'PlaybackController.NextCommandIssued',
  'PlaybackController.PauseCommandIssued',
  'PlaybackController.PlayCommandIssued',
  'PlaybackController.PreviousCommandIssued',
  'Connections.Response',
  'Display.ElementSelected',
  'Messaging.MessageReceived',
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.SkillAccountLinked',
]);

/** The intents of the skill's own interaction model (built-in AMAZON.* intents included). */
export const KNOWN_INTENTS: ReadonlySet<string> = new Set(intentNames);

/** SessionEndedRequest `reason` and `error.type` values Alexa documents. */
export const SESSION_ENDED_REASONS: ReadonlySet<string> = new Set([
  'USER_INITIATED',
  'ERROR',
  'EXCEEDED_MAX_REPROMPTS',
]);
export const SESSION_ENDED_ERROR_TYPES: ReadonlySet<string> = new Set([
  'INVALID_RESPONSE',
  'DEVICE_COMMUNICATION_ERROR',
  'INTERNAL_SERVICE_ERROR',
  'ENDPOINT_TIMEOUT',
]);

/** Fields that only ever carry a value from a known list, on every event. */
const FIELD_WORDS: Record<string, ReadonlySet<string>> = {
  type: KNOWN_REQUEST_TYPES,
  requestType: KNOWN_REQUEST_TYPES,
  intent: KNOWN_INTENTS,
};

/** Fields bound to a known list on one event only (the same name means something else elsewhere). */
const EVENT_FIELD_WORDS: Record<string, Record<string, ReadonlySet<string>>> = {
  'session.ended': { reason: SESSION_ENDED_REASONS, errorType: SESSION_ENDED_ERROR_TYPES },
};

function threshold(): number {
  const configured = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
  if (configured === 'silent') return Infinity;
  return ORDER[configured as Level] ?? ORDER.info;
}

/** A string cut to the longest a log field may hold. */
export function clip(value: string, max = MAX_LOG_FIELD_CHARACTERS): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

function bounded(event: string, fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [name, value] of Object.entries(fields)) {
    const words = EVENT_FIELD_WORDS[event]?.[name] ?? FIELD_WORDS[name];
    if (words && value !== undefined)
      out[name] = typeof value === 'string' && words.has(value) ? value : OTHER;
    else out[clip(name)] = typeof value === 'string' ? clip(value) : value;
  }
  return out;
}

function write(level: Level, event: string, fields: LogFields = {}): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({
    level,
    event: clip(event),
    time: new Date().toISOString(),
    ...bounded(event, fields),
  });
  if (level === 'error' || level === 'warn') process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (event: string, fields?: LogFields) => write('debug', event, fields),
  info: (event: string, fields?: LogFields) => write('info', event, fields),
  warn: (event: string, fields?: LogFields) => write('warn', event, fields),
  error: (event: string, fields?: LogFields) => write('error', event, fields),
};
