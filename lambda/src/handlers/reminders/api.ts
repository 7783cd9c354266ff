/**
 * The Alexa Reminders API and the device settings API, through ask-sdk's service clients
 * (`serviceClientFactory`, configured in skill.ts with an API client), each call under a deadline:
 * a call that has not answered by then is abandoned and the turn says so, so a hung API never hangs
 * the skill. Every failure becomes one of a few kinds the handlers have a sentence for; nothing here
 * throws.
 *
 * Reminders API: https://developer.amazon.com/docs/alexa/smapi/alexa-reminders-api-reference.html
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { services } from 'ask-sdk-model';
import { isRecord } from '../../core/record';
import { isTimeZone, REMINDERS_SCOPE } from '../../core/reminder-time';
import { log } from '../../log';

export { REMINDERS_SCOPE };

/** All the reminder calls of one turn share this budget, counted from the handler's start. */
export const REMINDERS_BUDGET_MS = 3000;
/** Any one Reminders API call is abandoned after this long. */
export const REMINDERS_CALL_LIMIT_MS = 2000;
/** The time zone lookup gets less: without it the reminder still works (in the device's zone). */
export const TIME_ZONE_LIMIT_MS = 800;

/**
 * `permission`: 401/403, the user has not granted (or has revoked) the reminders permission;
 * `throttled`: 429; `unavailable`: 5xx, another status, or no connection; `timeout`: no answer within
 * the deadline; `malformed`: an answer that is not the documented shape.
 */
export type Failure = 'permission' | 'throttled' | 'unavailable' | 'timeout' | 'malformed';
export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** The turn's deadline for reminder calls. */
export class Deadline {
  private readonly end: number;
  constructor(budget = REMINDERS_BUDGET_MS) {
    this.end = Date.now() + budget;
  }
  /** How long a call may take: its own limit, or what is left of the budget if that is less. */
  limit(callLimit: number): number {
    return Math.max(0, Math.min(callLimit, this.end - Date.now()));
  }
}

/** Resolves with the call's answer, or rejects with a DeadlineError after `ms`. */
async function within<T>(ms: number, call: () => Promise<T>): Promise<T> {
  if (ms <= 0) throw new DeadlineError('no time left');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([call(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function statusOf(error: unknown): number | undefined {
  if (!isRecord(error)) return undefined;
  const status = error.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** What went wrong, from what the SDK threw: a ServiceError with a status, a parse error, a deadline. */
export function classify(error: unknown): Failure {
  if (error instanceof DeadlineError) return 'timeout';
  const status = statusOf(error);
  if (status === 401 || status === 403) return 'permission';
  if (status === 429) return 'throttled';
  if (status !== undefined) return 'unavailable';
  // ask-sdk throws a SyntaxError when a JSON answer does not parse.
  if (error instanceof SyntaxError) return 'malformed';
  return 'unavailable';
}

async function attempt<T>(
  operation: string,
  ms: number,
  call: () => Promise<unknown>,
  read: (body: unknown) => T | undefined,
): Promise<Result<T>> {
  try {
    const body = await within(ms, call);
    const value = read(body);
    if (value === undefined) {
      log.warn('reminders.failed', { operation, failure: 'malformed' });
      return { ok: false, failure: 'malformed' };
    }
    return { ok: true, value };
  } catch (error) {
    const failure = classify(error);
    log.warn('reminders.failed', { operation, failure, status: statusOf(error) });
    return { ok: false, failure };
  }
}

/** Whether the request says the user has granted the reminders permission. */
export function remindersGranted(h: HandlerInput): boolean {
  const user: unknown = h.requestEnvelope?.context?.System?.user;
  if (!isRecord(user) || !isRecord(user.permissions) || !isRecord(user.permissions.scopes)) return false;
  const scope = user.permissions.scopes[REMINDERS_SCOPE];
  return isRecord(scope) && scope.status === 'GRANTED';
}

/** The API endpoint and token are in the request; without them (or an API client) no call can be made. */
function callable(h: HandlerInput): boolean {
  const system: unknown = h.requestEnvelope?.context?.System;
  return (
    h.serviceClientFactory !== undefined &&
    isRecord(system) &&
    typeof system.apiEndpoint === 'string' &&
    system.apiEndpoint !== '' &&
    typeof system.apiAccessToken === 'string' &&
    system.apiAccessToken !== ''
  );
}

const notCallable = <T>(): Result<T> => ({ ok: false, failure: 'unavailable' });

/**
 * The user's time zone from the device settings API (`System.timeZone`), or undefined when the
 * device has none, the call fails or the answer is not a zone this runtime knows.
 */
export async function deviceTimeZone(h: HandlerInput, deadline: Deadline): Promise<string | undefined> {
  const deviceId: unknown = h.requestEnvelope?.context?.System?.device?.deviceId;
  if (!callable(h) || typeof deviceId !== 'string' || deviceId === '') return undefined;
  const factory = h.serviceClientFactory as NonNullable<HandlerInput['serviceClientFactory']>;
  const result = await attempt(
    'time-zone',
    deadline.limit(TIME_ZONE_LIMIT_MS),
    () => factory.getUpsServiceClient().getSystemTimeZone(deviceId),
    (body) => (isTimeZone(body) ? body : undefined),
  );
  return result.ok ? result.value : undefined;
}

function reminderClient(h: HandlerInput): services.reminderManagement.ReminderManagementServiceClient {
  const factory = h.serviceClientFactory as NonNullable<HandlerInput['serviceClientFactory']>;
  return factory.getReminderManagementServiceClient();
}

/** Creates a reminder; the value is its alertToken. */
export async function createReminder(
  h: HandlerInput,
  deadline: Deadline,
  request: services.reminderManagement.ReminderRequest,
): Promise<Result<string>> {
  if (!callable(h)) return notCallable();
  return attempt(
    'create',
    deadline.limit(REMINDERS_CALL_LIMIT_MS),
    () => reminderClient(h).createReminder(request),
    (body) => (isRecord(body) && typeof body.alertToken === 'string' ? body.alertToken : undefined),
  );
}

export interface StoredReminder {
  alertToken: string;
  /** As the API returned it; read only through core/reminder-time's defensive readers. */
  trigger: unknown;
}

/**
 * This skill's reminders that are still on (the API returns only the calling skill's). An answer
 * without an `alerts` list is malformed; entries without an alertToken are skipped.
 */
export async function listReminders(h: HandlerInput, deadline: Deadline): Promise<Result<StoredReminder[]>> {
  if (!callable(h)) return notCallable();
  return attempt(
    'list',
    deadline.limit(REMINDERS_CALL_LIMIT_MS),
    () => reminderClient(h).getReminders(),
    (body) => {
      if (!isRecord(body)) return undefined;
      // No reminders may come back as an empty body or without a list.
      if (body.alerts === undefined && (body.totalCount === undefined || Number(body.totalCount) === 0))
        return [];
      if (!Array.isArray(body.alerts)) return undefined;
      return (body.alerts as unknown[]).flatMap((alert) =>
        isRecord(alert) && typeof alert.alertToken === 'string' && alert.status !== 'COMPLETED'
          ? [{ alertToken: alert.alertToken, trigger: alert.trigger }]
          : [],
      );
    },
  );
}

/** Deletes one reminder of this skill. */
export async function deleteReminder(
  h: HandlerInput,
  deadline: Deadline,
  alertToken: string,
): Promise<Result<true>> {
  if (!callable(h)) return notCallable();
  return attempt(
    'delete',
    deadline.limit(REMINDERS_CALL_LIMIT_MS),
    () => reminderClient(h).deleteReminder(alertToken),
    () => true as const,
  );
}
