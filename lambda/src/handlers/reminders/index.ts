/**
 * Practice reminders: "remind me every evening at 9" sets a daily reminder through the Alexa
 * Reminders API, asking for the reminders permission by voice first when the user has not granted
 * it (the AskFor permission request); "what reminders do I have" reads up to three; "cancel my
 * reminder" cancels this skill's reminders, with one question when there is more than one. Every
 * failure of the API (permission, 429, 5xx, no answer, an answer that does not parse) gets a spoken
 * sentence and a question, never an error.
 */
import type { HandlerInput, RequestInterceptor } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { isRecord } from '../../core/record';
import {
  dailyTrigger,
  partOfDayFrom,
  requestTimeString,
  timeOfDayFrom,
  type TimeOfDay,
} from '../../core/reminder-time';
import { reminderListSpeech, reminderPhrase, spokenTime } from '../../speech/reminders';
import { sessionAttributes, updateSession } from '../conversation';
import type { GuideHandler } from '../handler';
import {
  catalogueOf,
  intentName,
  isIntent,
  readSlot,
  requestTime,
  requestType,
  translatorOf,
} from '../input';
import { ask } from '../reply';
import {
  createReminder,
  Deadline,
  deleteReminder,
  deviceTimeZone,
  listReminders,
  remindersGranted,
  REMINDERS_SCOPE,
  type Failure,
} from './api';

/** The session key for the reminder question the last answer asked. */
export const REMINDER_ATTRIBUTE = 'reminder';

/** `time`: "what time shall I remind you?"; `cancel`: "shall I cancel all N of them?". */
export type ReminderState = { stage: 'time' } | { stage: 'cancel'; count: number };

/** The pending reminder question, validated (session attributes are client input). */
export function readReminderState(h: HandlerInput): ReminderState | undefined {
  const state = sessionAttributes(h)[REMINDER_ATTRIBUTE];
  if (!isRecord(state)) return undefined;
  if (state.stage === 'time') return { stage: 'time' };
  if (
    state.stage === 'cancel' &&
    typeof state.count === 'number' &&
    Number.isInteger(state.count) &&
    state.count > 1 &&
    state.count < 1000
  )
    return { stage: 'cancel', count: state.count };
  return undefined;
}

/** The intents that answer a reminder question; any other request drops it. */
const ANSWERS = new Set([
  'SetReminderIntent',
  'ReminderTimeIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.RepeatIntent',
]);

/** A reminder question is answered on the very next turn or not at all: a later "yes" is about something else. */
export const ReminderQuestionInterceptor: RequestInterceptor = {
  process(h) {
    if (sessionAttributes(h)[REMINDER_ATTRIBUTE] === undefined) return;
    const name = intentName(h);
    if (name !== undefined && ANSWERS.has(name)) return;
    updateSession(h, { [REMINDER_ATTRIBUTE]: undefined });
  },
};

/** Says `speech`, then asks what next (every turn that keeps the microphone open asks something). */
function sayThenAsk(h: HandlerInput, speech: string): Response {
  const t = translatorOf(h);
  updateSession(h, { [REMINDER_ATTRIBUTE]: undefined });
  return ask(h, `${speech} ${t('reminders.next')}`, t('reminders.nextReprompt'));
}

const FAILURE_KEYS: Record<Exclude<Failure, 'permission'>, string> = {
  throttled: 'reminders.failure.throttled',
  unavailable: 'reminders.failure.unavailable',
  timeout: 'reminders.failure.timeout',
  malformed: 'reminders.failure.unreadable',
};

/** The sentence for a failed read or cancel. */
function failureSpeech(h: HandlerInput, failure: Failure): string {
  const t = translatorOf(h);
  return failure === 'permission' ? t('reminders.permission.neededToRead') : t(FAILURE_KEYS[failure]);
}

function askForTime(h: HandlerInput, key = 'reminders.askTime'): Response {
  const t = translatorOf(h);
  updateSession(h, { [REMINDER_ATTRIBUTE]: { stage: 'time' }, offer: undefined });
  return ask(h, t(key), t('reminders.askTimeReprompt'));
}

/** The AskFor token carries the time asked for, so the answer to the permission request can set it. */
const TOKEN_PREFIX = 'daily-reminder@';
function tokenFor(time: TimeOfDay): string {
  return `${TOKEN_PREFIX}${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;
}
function timeFromToken(token: unknown): TimeOfDay | undefined {
  if (typeof token !== 'string' || !token.startsWith(TOKEN_PREFIX)) return undefined;
  return timeOfDayFrom(token.slice(TOKEN_PREFIX.length));
}

/**
 * Asks Alexa to ask the user for the reminders permission (voice permission for reminders:
 * https://developer.amazon.com/docs/alexa/smapi/voice-permissions-for-reminders.html). Alexa speaks
 * the question itself and answers with a Connections.Response.
 */
function askForPermission(h: HandlerInput, time: TimeOfDay): Response {
  updateSession(h, { [REMINDER_ATTRIBUTE]: undefined, offer: undefined });
  return h.responseBuilder
    .addDirective({
      type: 'Connections.SendRequest',
      name: 'AskFor',
      payload: {
        '@type': 'AskForPermissionsConsentRequest',
        '@version': '1',
        permissionScope: REMINDERS_SCOPE,
      },
      token: tokenFor(time),
    })
    .getResponse();
}

/**
 * Sets the daily reminder. `mayAsk`: a refused call (401/403) asks for the permission by voice; after
 * the user has just accepted, a second refusal is not asked again but explained.
 */
async function setReminder(h: HandlerInput, time: TimeOfDay, mayAsk: boolean): Promise<Response> {
  const t = translatorOf(h);
  if (mayAsk && !remindersGranted(h)) return askForPermission(h, time);
  const deadline = new Deadline();
  const now = requestTime(h) ?? Date.now();
  const zone = await deviceTimeZone(h, deadline);
  let locale = 'en-US';
  const requested: unknown = h.requestEnvelope?.request;
  if (
    isRecord(requested) &&
    typeof requested.locale === 'string' &&
    /^[a-z]{2}-[A-Z]{2}$/.test(requested.locale)
  )
    locale = requested.locale;
  const result = await createReminder(h, deadline, {
    requestTime: requestTimeString(now),
    trigger: dailyTrigger(time, zone, now),
    alertInfo: { spokenInfo: { content: [{ locale, text: t('reminders.text') }] } },
    pushNotification: { status: 'ENABLED' },
  });
  if (result.ok) return sayThenAsk(h, t('reminders.created', { time: spokenTime(t, time) }));
  switch (result.failure) {
    case 'permission':
      return mayAsk ? askForPermission(h, time) : sayThenAsk(h, t('reminders.permission.stillMissing'));
    case 'timeout':
    case 'malformed':
      // The reminder may have been made: say so, rather than inviting a duplicate.
      return sayThenAsk(h, t('reminders.failure.unsure'));
    default:
      return sayThenAsk(h, t(FAILURE_KEYS[result.failure]));
  }
}

const PART_VALUES = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI' } as const;

/** The time the user said: the time slot, read with the part of the day ("every evening at 9"). */
function saidTime(h: HandlerInput): { time?: TimeOfDay; given: boolean } {
  const timeSlot = readSlot(h, 'time');
  // The slot's resolved id, else its words in the request's language ("jeden Abend", "ce soir").
  const partSlot = readSlot(h, 'part');
  const part = partOfDayFrom(partSlot.id ?? partSlot.spoken, catalogueOf(h).spoken);
  const value = timeSlot.spoken;
  if (value) return { time: timeOfDayFrom(value, part), given: true };
  if (part) return { time: timeOfDayFrom(PART_VALUES[part]), given: true };
  return { given: false };
}

/** "Remind me every evening at 9", "set a daily reminder", "remind me to practise". */
export const SetReminderIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'SetReminderIntent'),
  async handle(h) {
    const { time, given } = saidTime(h);
    if (!given) return askForTime(h);
    if (!time) return askForTime(h, 'reminders.timeNotHeard');
    return setReminder(h, time, true);
  },
};

/** "9 p.m.", "at 8 in the morning": the answer to "what time shall I remind you?". */
export const ReminderTimeIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'ReminderTimeIntent'),
  async handle(h) {
    const { time, given } = saidTime(h);
    // A time said out of the blue is not taken as a request to set anything: say how to ask.
    if (readReminderState(h)?.stage !== 'time')
      return sayThenAsk(h, translatorOf(h)('reminders.timeOutOfContext'));
    if (!given || !time) return askForTime(h, 'reminders.timeNotHeard');
    return setReminder(h, time, true);
  },
};

/** The answer to the AskFor permission request. */
export const PermissionResponseHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle(h) {
    const request: unknown = h.requestEnvelope?.request;
    return requestType(h) === 'Connections.Response' && isRecord(request) && request.name === 'AskFor';
  },
  async handle(h) {
    const t = translatorOf(h);
    const request = h.requestEnvelope.request as unknown as Record<string, unknown>;
    const payload = isRecord(request.payload) ? request.payload : {};
    const code = isRecord(request.status) ? String(request.status.code) : undefined;
    if (code === '200' && payload.status === 'ACCEPTED') {
      const time = timeFromToken(request.token);
      if (!time) return askForTime(h);
      return setReminder(h, time, false);
    }
    // DENIED, NOT_ANSWERED, or an error status: the permission is not there.
    return sayThenAsk(h, t('reminders.permission.denied'));
  },
};

/** "What reminders do I have". */
export const ListRemindersIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'ListRemindersIntent'),
  async handle(h) {
    const t = translatorOf(h);
    const result = await listReminders(h, new Deadline());
    if (!result.ok) return sayThenAsk(h, failureSpeech(h, result.failure));
    return sayThenAsk(
      h,
      reminderListSpeech(
        t,
        result.value.map((r) => r.trigger),
      ),
    );
  },
};

/** Deletes every reminder in the list, one after another, under one deadline. */
async function cancelAll(h: HandlerInput, deadline: Deadline, tokens: string[]): Promise<Response> {
  const t = translatorOf(h);
  let done = 0;
  let firstFailure: Failure | undefined;
  for (const token of tokens) {
    const result = await deleteReminder(h, deadline, token);
    if (result.ok) done++;
    else {
      firstFailure = result.failure;
      break;
    }
  }
  if (firstFailure === undefined) return sayThenAsk(h, t('reminders.cancel.doneAll', { count: done }));
  if (done === 0) return sayThenAsk(h, failureSpeech(h, firstFailure));
  return sayThenAsk(h, t('reminders.cancel.partial', { done, count: tokens.length }));
}

/** "Cancel my reminder": one reminder is cancelled; more than one, one question first. */
export const CancelReminderIntentHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) => isIntent(h, 'CancelReminderIntent'),
  async handle(h) {
    const t = translatorOf(h);
    const deadline = new Deadline();
    const result = await listReminders(h, deadline);
    if (!result.ok) return sayThenAsk(h, failureSpeech(h, result.failure));
    const reminders = result.value;
    if (reminders.length === 0) return sayThenAsk(h, t('reminders.cancel.none'));
    if (reminders.length === 1) {
      const deleted = await deleteReminder(h, deadline, reminders[0].alertToken);
      if (!deleted.ok) return sayThenAsk(h, failureSpeech(h, deleted.failure));
      return sayThenAsk(h, t('reminders.cancel.doneOne', { item: reminderPhrase(t, reminders[0].trigger) }));
    }
    const count = reminders.length;
    updateSession(h, { [REMINDER_ATTRIBUTE]: { stage: 'cancel', count }, offer: undefined });
    return ask(h, t('reminders.cancel.confirm', { count }), t('reminders.cancel.confirmReprompt', { count }));
  },
};

/** "Yes" / "no" to "shall I cancel all of them?". Yes cancels the reminders there are now. */
export const CancelConfirmHandler: GuideHandler = {
  duringRoutine: 'pauses',
  canHandle: (h) =>
    isIntent(h, 'AMAZON.YesIntent', 'AMAZON.NoIntent') && readReminderState(h)?.stage === 'cancel',
  async handle(h) {
    const t = translatorOf(h);
    if (isIntent(h, 'AMAZON.NoIntent')) return sayThenAsk(h, t('reminders.cancel.kept'));
    const deadline = new Deadline();
    const result = await listReminders(h, deadline);
    if (!result.ok) return sayThenAsk(h, failureSpeech(h, result.failure));
    if (result.value.length === 0) return sayThenAsk(h, t('reminders.cancel.none'));
    return cancelAll(
      h,
      deadline,
      result.value.map((r) => r.alertToken),
    );
  },
};

/** The reminder handlers after the safety ones; the yes/no to a reminder question goes first of all. */
export const reminderHandlers: GuideHandler[] = [
  SetReminderIntentHandler,
  ReminderTimeIntentHandler,
  PermissionResponseHandler,
  ListRemindersIntentHandler,
  CancelReminderIntentHandler,
];
