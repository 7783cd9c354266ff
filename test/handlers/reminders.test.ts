/**
 * Practice reminders, from the user's words, through the real skill, against a local stand-in for
 * the Alexa Reminders and device settings APIs on 127.0.0.1 (test/support/alexa-api.ts) that the
 * request envelopes point at (context.System.apiEndpoint). Request bodies and the permission
 * directive are checked against the documented shapes written down below, not against the code.
 */
import type { Directive } from 'ask-sdk-model';
import { FakeAlexaApi } from '../../simulator/alexa-api';
import { newConversation } from '../support/skill';
import { Conversation, toTurn, type Turn } from '../support/conversation';
import { intentRequest } from '../../simulator/envelope';
import { model } from '../support/model';
import {
  REMINDERS_BUDGET_MS,
  REMINDERS_CALL_LIMIT_MS,
  TIME_ZONE_LIMIT_MS,
} from '../../lambda/src/handlers/reminders/api';

const SCOPE = 'alexa::alerts:reminders:skill:readwrite';
const REMINDER_TEXT = 'Time for your back routine: say, Alexa, open pressure point guide.';

/**
 * The documented create-reminder request body (POST /v1/alerts/reminders), from the Alexa Reminders
 * API reference: https://developer.amazon.com/docs/alexa/smapi/alexa-reminders-api-reference.html
 *
 *   requestTime        ISO 8601 date-time, no offset ("2019-09-22T19:04:00.672")
 *   trigger.type       "SCHEDULED_ABSOLUTE" | "SCHEDULED_RELATIVE"
 *   trigger.scheduledTime    local ISO 8601 date-time without an offset (absolute, one-off)
 *   trigger.offsetInSeconds  number (relative only)
 *   trigger.timeZoneId       IANA time zone ("America/Los_Angeles"); optional, the device's when absent
 *   trigger.recurrence.startDateTime / endDateTime   local ISO 8601 date-time, optional
 *   trigger.recurrence.recurrenceRules  array of RFC 5545 rules ("FREQ=DAILY;BYHOUR=6;BYMINUTE=10;…")
 *     (recurrence.freq / byDay are the deprecated older form, ignored when the new fields are present)
 *   alertInfo.spokenInfo.content[]  { locale: "en-US", text: string, ssml?: string }, at least one
 *   pushNotification.status  "ENABLED" | "DISABLED"
 */
function createBodyProblems(body: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  const localDateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?$/;
  const onlyKeys = (where: string, v: Record<string, unknown>, allowed: string[]) => {
    for (const key of Object.keys(v))
      if (!allowed.includes(key)) problems.push(`${where}: undocumented field ${key}`);
  };
  if (!isObject(body)) return ['body is not a JSON object'];
  onlyKeys('body', body, ['requestTime', 'trigger', 'alertInfo', 'pushNotification']);
  if (typeof body.requestTime !== 'string' || !localDateTime.test(body.requestTime))
    problems.push(`requestTime ${String(body.requestTime)} is not an ISO 8601 local date-time`);
  const trigger = body.trigger;
  if (!isObject(trigger)) problems.push('trigger missing');
  else {
    onlyKeys('trigger', trigger, ['type', 'scheduledTime', 'offsetInSeconds', 'timeZoneId', 'recurrence']);
    if (trigger.type !== 'SCHEDULED_ABSOLUTE' && trigger.type !== 'SCHEDULED_RELATIVE')
      problems.push(`trigger.type ${String(trigger.type)}`);
    if (trigger.scheduledTime !== undefined && !localDateTime.test(String(trigger.scheduledTime)))
      problems.push('trigger.scheduledTime is not a local date-time');
    if (
      trigger.timeZoneId !== undefined &&
      !/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(String(trigger.timeZoneId))
    )
      problems.push(`trigger.timeZoneId ${String(trigger.timeZoneId)} is not an IANA zone`);
    const recurrence = trigger.recurrence;
    if (recurrence !== undefined) {
      if (!isObject(recurrence)) problems.push('trigger.recurrence is not an object');
      else {
        onlyKeys('recurrence', recurrence, [
          'startDateTime',
          'endDateTime',
          'recurrenceRules',
          'freq',
          'byDay',
          'interval',
        ]);
        for (const key of ['startDateTime', 'endDateTime'])
          if (recurrence[key] !== undefined && !localDateTime.test(String(recurrence[key])))
            problems.push(`recurrence.${key} is not a local date-time`);
        const rules = recurrence.recurrenceRules;
        if (!Array.isArray(rules) || rules.length === 0) problems.push('recurrenceRules missing');
        else
          for (const rule of rules as unknown[])
            if (typeof rule !== 'string' || !/^FREQ=(DAILY|WEEKLY)(;[A-Z]+=[A-Z0-9,]+)*;?$/.test(rule))
              problems.push(`recurrence rule ${String(rule)} is not an RFC 5545 rule`);
      }
    }
  }
  const content =
    isObject(body.alertInfo) && isObject(body.alertInfo.spokenInfo)
      ? body.alertInfo.spokenInfo.content
      : undefined;
  if (!Array.isArray(content) || content.length === 0) problems.push('alertInfo.spokenInfo.content missing');
  else
    for (const item of content as unknown[]) {
      if (!isObject(item)) problems.push('spoken content item is not an object');
      else {
        onlyKeys('spoken content', item, ['locale', 'text', 'ssml']);
        if (typeof item.locale !== 'string' || !/^[a-z]{2}-[A-Z]{2}$/.test(item.locale))
          problems.push(`spoken content locale ${String(item.locale)}`);
        if (typeof item.text !== 'string' || item.text === '') problems.push('spoken content text missing');
      }
    }
  const push = body.pushNotification;
  if (push !== undefined && (!isObject(push) || !['ENABLED', 'DISABLED'].includes(String(push.status))))
    problems.push('pushNotification.status');
  return problems;
}

/** An RFC 5545 rule's parts ("FREQ=DAILY;BYHOUR=21" → { FREQ: 'DAILY', BYHOUR: '21' }). */
function ruleParts(rule: string): Record<string, string> {
  return Object.fromEntries(
    rule
      .split(';')
      .filter(Boolean)
      .map((part) => part.split('=') as [string, string]),
  );
}

/**
 * The voice permission request for reminders, as documented:
 * https://developer.amazon.com/docs/alexa/smapi/voice-permissions-for-reminders.html
 *   { type: "Connections.SendRequest", name: "AskFor",
 *     payload: { "@type": "AskForPermissionsConsentRequest", "@version": "1",
 *                permissionScope: "alexa::alerts:reminders:skill:readwrite" },
 *     token: string }
 */
function askForDirective(turn: Turn): Record<string, unknown> | undefined {
  const directive = turn.directives.find((d: Directive) => d.type === 'Connections.SendRequest') as
    Record<string, unknown> | undefined;
  if (!directive) return undefined;
  expect(directive.name).toBe('AskFor');
  expect(directive.payload).toEqual({
    '@type': 'AskForPermissionsConsentRequest',
    '@version': '1',
    permissionScope: SCOPE,
  });
  expect(typeof directive.token).toBe('string');
  // Alexa asks the question itself: the skill's response carries no reprompt of its own.
  expect(turn.reprompt).toBe('');
  return directive;
}

/** The Connections.Response Alexa sends after the permission question. */
function permissionAnswer(
  talk: Conversation,
  status: 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED',
  token: unknown,
) {
  return talk.request({
    type: 'Connections.Response',
    name: 'AskFor',
    status: { code: '200', message: 'OK' },
    payload: { permissionScope: SCOPE, status },
    token,
  });
}

/** Every turn that keeps the microphone open asks something. */
function expectAsks(turn: Turn): void {
  expect(turn.ended).toBe(false);
  expect(turn.reprompt).not.toBe('');
  expect(turn.speech).toMatch(/\?/);
}

const api = new FakeAlexaApi();
beforeAll(() => api.start());
afterAll(() => api.stop());
beforeEach(() => {
  api.reset({ reminders: true });
  api.granted = true;
  api.timeZone = 'Europe/London';
});

/** A conversation whose requests point at the local API, with the permission granted or not. */
function talkTo(granted = true, apiEndpoint = api.url): Conversation {
  const { skill } = newConversation();
  return new Conversation(skill, { apiEndpoint, ...(granted ? { grantedScopes: [SCOPE] } : {}) });
}

describe('setting a daily practice reminder', () => {
  it('"remind me every evening at 9" makes a daily 9 p.m. reminder in the device\'s time zone', async () => {
    const talk = talkTo();
    await talk.launch();
    const turn = await talk.utter('remind me every evening at 9');
    expect(turn.speech).toContain("I'll remind you every day at 9 p.m.");
    expectAsks(turn);

    const [tz] = api.calls('timeZone');
    expect(tz.path).toBe('/v2/devices/amzn1.ask.device.TESTDEVICE/settings/System.timeZone');
    expect(tz.authorization).toBe('Bearer test-token');

    const creates = api.calls('create');
    expect(creates).toHaveLength(1);
    const [create] = creates;
    expect(create.authorization).toBe('Bearer test-token');
    expect(create.contentType).toMatch(/application\/json/);
    expect(createBodyProblems(create.body)).toEqual([]);
    const body = create.body as {
      trigger: {
        type: string;
        timeZoneId?: string;
        recurrence: { startDateTime?: string; recurrenceRules: string[] };
      };
      alertInfo: { spokenInfo: { content: Array<{ locale: string; text: string }> } };
    };
    expect(body.trigger.type).toBe('SCHEDULED_ABSOLUTE');
    expect(body.trigger.timeZoneId).toBe('Europe/London');
    const rule = ruleParts(body.trigger.recurrence.recurrenceRules[0]);
    expect(rule).toMatchObject({ FREQ: 'DAILY', BYHOUR: '21', BYMINUTE: '0' });
    // The first one rings today at 9 p.m. in London (the request is at 08:00 UTC on 25 November).
    expect(body.trigger.recurrence.startDateTime).toBe('2026-11-25T21:00:00.000');
    expect(body.alertInfo.spokenInfo.content).toEqual([{ locale: 'en-US', text: REMINDER_TEXT }]);
    expect(api.reminders.size).toBe(1);
  });

  it('"remind me every day at 8 am" rings at 8 in the morning', async () => {
    const talk = talkTo();
    const turn = await talk.utter('remind me every day at 8 am');
    expect(turn.speech).toContain('every day at 8 a.m.');
    const body = api.calls('create')[0].body as { trigger: { recurrence: { recurrenceRules: string[] } } };
    expect(ruleParts(body.trigger.recurrence.recurrenceRules[0])).toMatchObject({
      FREQ: 'DAILY',
      BYHOUR: '8',
      BYMINUTE: '0',
    });
  });

  it('uses the time zone of the device it is asked on', async () => {
    api.timeZone = 'America/Los_Angeles';
    const talk = talkTo();
    await talk.utter('remind me every day at 7:30 pm');
    const body = api.calls('create')[0].body as {
      trigger: { timeZoneId: string; recurrence: { startDateTime: string; recurrenceRules: string[] } };
    };
    expect(body.trigger.timeZoneId).toBe('America/Los_Angeles');
    // 08:00 UTC on 25 November is still the 25th (midnight) in Los Angeles.
    expect(body.trigger.recurrence.startDateTime).toBe('2026-11-25T19:30:00.000');
    expect(ruleParts(body.trigger.recurrence.recurrenceRules[0])).toMatchObject({
      BYHOUR: '19',
      BYMINUTE: '30',
    });
  });

  it.each(['set a daily reminder', 'remind me to practise'])(
    '"%s" asks one question for the time, then sets it',
    async (words) => {
      const talk = talkTo();
      const question = await talk.utter(words);
      expect(question.speech).toMatch(/what time/i);
      expectAsks(question);
      expect(api.calls('create')).toHaveLength(0);
      const turn = await talk.utter('9 pm');
      expect(turn.speech).toContain('every day at 9 p.m.');
      expect(api.calls('create')).toHaveLength(1);
    },
  );

  it('a time said out of the blue sets nothing, and says how to ask', async () => {
    const talk = talkTo();
    await talk.launch();
    const turn = await talk.utter('9 pm');
    expect(turn.speech).toMatch(/remind me every evening at 9/);
    expectAsks(turn);
    expect(api.received).toHaveLength(0);
  });

  it('an envelope without context.System still gets a spoken answer, and no call is made', async () => {
    const { skill } = newConversation();
    for (const system of [null, undefined, 'junk']) {
      const request = intentRequest(model, 'ListRemindersIntent', {}, { apiEndpoint: api.url });
      (request.context as unknown as Record<string, unknown>).System = system;
      const turn = toTurn(await skill.invoke(request));
      expect(turn.speech).toMatch(/couldn't reach/);
      expect(turn.reprompt).not.toBe('');
    }
    expect(api.received).toHaveLength(0);
  });

  it('a time it cannot read is asked again, in other words', async () => {
    const talk = talkTo();
    const first = await talk.say('SetReminderIntent', { time: '2026-W48' });
    expect(first.speech).toMatch(/didn't catch a time/);
    expectAsks(first);
    expect(api.received).toHaveLength(0);
  });

  it("without a time zone from the device, the reminder is still made, in the device's own zone", async () => {
    api.behaviour.timeZone = 500;
    const talk = talkTo();
    const turn = await talk.utter('remind me every evening at 9');
    expect(turn.speech).toContain('every day at 9 p.m.');
    const body = api.calls('create')[0].body as {
      trigger: Record<string, unknown> & { recurrence: Record<string, unknown> };
    };
    expect(createBodyProblems(body)).toEqual([]);
    // No guessed zone (and no start date in an unknown zone): Alexa uses the device's.
    expect(body.trigger.timeZoneId).toBeUndefined();
    expect(body.trigger.recurrence.startDateTime).toBeUndefined();
  });

  it('a hung time zone lookup costs at most its own limit, and the reminder is still made', async () => {
    api.behaviour.timeZone = 'hang';
    const talk = talkTo();
    const started = Date.now();
    const turn = await talk.utter('remind me every evening at 9');
    const elapsed = Date.now() - started;
    expect(turn.speech).toContain('every day at 9 p.m.');
    expect(elapsed).toBeLessThan(TIME_ZONE_LIMIT_MS + 1000);
    expect(api.calls('create')).toHaveLength(1);
  });
});

describe('the reminders permission', () => {
  it('when it is missing, Alexa is asked to ask for it by voice, and nothing is created', async () => {
    const talk = talkTo(false);
    await talk.launch();
    const turn = await talk.utter('remind me every evening at 9');
    expect(askForDirective(turn)).toBeDefined();
    expect(turn.ended).toBe(false);
    expect(api.calls('create')).toHaveLength(0);
  });

  it('accepted: the reminder is created for the time asked, and confirmed', async () => {
    const talk = talkTo(false);
    const turn = await talk.utter('remind me every evening at 9');
    const directive = askForDirective(turn) as Record<string, unknown>;
    const answer = await permissionAnswer(talk.grantScopes([SCOPE]), 'ACCEPTED', directive.token);
    expect(answer.speech).toContain("I'll remind you every day at 9 p.m.");
    expectAsks(answer);
    const [create] = api.calls('create');
    expect(createBodyProblems(create.body)).toEqual([]);
    expect(
      ruleParts(
        (create.body as { trigger: { recurrence: { recurrenceRules: string[] } } }).trigger.recurrence
          .recurrenceRules[0],
      ),
    ).toMatchObject({ BYHOUR: '21' });
  });

  it.each(['DENIED', 'NOT_ANSWERED'] as const)(
    '%s: a clear line about the Alexa app, and nothing is created',
    async (status) => {
      const talk = talkTo(false);
      const turn = await talk.utter('remind me every day at 8 am');
      const directive = askForDirective(turn) as Record<string, unknown>;
      const answer = await permissionAnswer(talk, status, directive.token);
      expect(answer.speech).toMatch(/Alexa app/);
      expectAsks(answer);
      expect(answer.directives.some((d) => d.type === 'Connections.SendRequest')).toBe(false);
      expect(api.calls('create')).toHaveLength(0);
    },
  );

  it.each([401, 403])(
    'revoked later (the API answers %i): asked for again once, then explained',
    async (status) => {
      const talk = talkTo(true);
      api.behaviour.create = status;
      const turn = await talk.utter('remind me every evening at 9');
      const directive = askForDirective(turn) as Record<string, unknown>;
      expect(api.calls('create')).toHaveLength(1);
      // Accepted, but the API still refuses: no second permission request, a clear line instead.
      const answer = await permissionAnswer(talk, 'ACCEPTED', directive.token);
      expect(answer.directives.some((d) => d.type === 'Connections.SendRequest')).toBe(false);
      expect(answer.speech).toMatch(/Alexa app/);
      expectAsks(answer);
      expect(api.calls('create')).toHaveLength(2);
    },
  );

  it('an accepted answer with a token it did not send asks for the time', async () => {
    const talk = talkTo(true);
    const answer = await permissionAnswer(talk, 'ACCEPTED', 'something else');
    expect(answer.speech).toMatch(/what time/i);
    expectAsks(answer);
    expect(api.calls('create')).toHaveLength(0);
  });
});

describe('when the Reminders API fails, every answer is spoken and asks what next', () => {
  it.each([
    [429, /busy/],
    [500, /couldn't reach/],
    [503, /couldn't reach/],
  ] as const)('create answered %i', async (status, line) => {
    api.behaviour.create = status;
    const turn = await talkTo().utter('remind me every evening at 9');
    expect(turn.speech).toMatch(line);
    expectAsks(turn);
  });

  it('create answered with a body that is not JSON: not sure it was set, says how to check', async () => {
    api.behaviour.create = 'garbage';
    const turn = await talkTo().utter('remind me every evening at 9');
    expect(turn.speech).toMatch(/not sure the reminder was set/);
    expect(turn.speech).toMatch(/what reminders do I have/);
    expectAsks(turn);
  });

  it('create never answers: the skill answers within its budget', async () => {
    api.behaviour.create = 'hang';
    const started = Date.now();
    const turn = await talkTo().utter('remind me every evening at 9');
    const elapsed = Date.now() - started;
    expect(turn.speech).toMatch(/not sure the reminder was set/);
    expectAsks(turn);
    expect(elapsed).toBeLessThan(REMINDERS_BUDGET_MS + 1000);
  });

  it('a hung call is abandoned, not left open: its connection is closed', async () => {
    api.behaviour.create = 'hang';
    await talkTo().utter('remind me every evening at 9');
    const until = Date.now() + 1000;
    while (api.hangingCount > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(api.calls('create')).toHaveLength(1);
    expect(api.hangingCount).toBe(0);
  });

  it('the time zone and the reminder both hung: still one spoken answer within the budget', async () => {
    api.behaviour.timeZone = 'hang';
    api.behaviour.create = 'hang';
    const started = Date.now();
    const turn = await talkTo().utter('remind me every evening at 9');
    const elapsed = Date.now() - started;
    expect(turn.speech).toMatch(/not sure the reminder was set/);
    expectAsks(turn);
    expect(elapsed).toBeGreaterThanOrEqual(REMINDERS_CALL_LIMIT_MS);
    expect(elapsed).toBeLessThan(REMINDERS_BUDGET_MS + 500);
  });

  it('the API is not there at all (connection refused)', async () => {
    const turn = await talkTo(true, 'http://127.0.0.1:9').utter('remind me every evening at 9');
    expect(turn.speech).toMatch(/couldn't reach/);
    expectAsks(turn);
  });
});

describe('"what reminders do I have"', () => {
  const daily = (hour: number, minute = 0) => ({
    type: 'SCHEDULED_ABSOLUTE',
    timeZoneId: 'Europe/London',
    recurrence: { recurrenceRules: [`FREQ=DAILY;BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0;INTERVAL=1;`] },
  });

  it('none', async () => {
    const turn = await talkTo().utter('what reminders do I have');
    expect(turn.speech).toContain('You have no reminders from me');
    expectAsks(turn);
    expect(api.calls('list')[0].authorization).toBe('Bearer test-token');
  });

  it('reads each one', async () => {
    api.add(daily(21));
    api.add(daily(8, 30));
    const turn = await talkTo().utter('what reminders do I have');
    expect(turn.speech).toContain(
      'You have 2 reminders from me: every day at 9 p.m. and every day at 8:30 a.m.',
    );
    expectAsks(turn);
  });

  it('reads at most three, and says so', async () => {
    for (const hour of [7, 8, 9, 19, 21]) api.add(daily(hour));
    const turn = await talkTo().utter('list my reminders');
    expect(turn.speech).toContain('You have 5 reminders from me');
    expect(turn.speech.match(/every day at/g)).toHaveLength(3);
    expect(turn.speech).toContain('Those are the first three.');
  });

  it('skips finished ones and copes with a reminder whose trigger it cannot read', async () => {
    api.add(daily(21));
    api.add(daily(9), 'COMPLETED');
    api.add({ type: 'SCHEDULED_ABSOLUTE', recurrence: 'weird' });
    const turn = await talkTo().utter('what reminders do I have');
    expect(turn.speech).toContain(
      'You have 2 reminders from me: every day at 9 p.m. and one at a time I can',
    );
  });

  it.each([
    [401, /permission/],
    [403, /permission/],
    [429, /busy/],
    [500, /couldn't reach/],
    ['garbage', /couldn't read/],
    ['hang', /didn't answer in time/],
  ] as const)('the API answering %s', async (behaviour, line) => {
    api.behaviour.list = behaviour;
    const started = Date.now();
    const turn = await talkTo().utter('what reminders do I have');
    expect(Date.now() - started).toBeLessThan(REMINDERS_BUDGET_MS + 1000);
    expect(turn.speech).toMatch(line);
    expectAsks(turn);
  });
});

describe('"cancel my reminder"', () => {
  const daily = (hour: number) => ({
    type: 'SCHEDULED_ABSOLUTE',
    recurrence: { recurrenceRules: [`FREQ=DAILY;BYHOUR=${hour};BYMINUTE=0;BYSECOND=0;INTERVAL=1;`] },
  });

  it('with one reminder, cancels it and says which', async () => {
    const token = api.add(daily(21));
    const turn = await talkTo().utter('cancel my reminder');
    expect(turn.speech).toContain('Your reminder, every day at 9 p.m., is cancelled.');
    expectAsks(turn);
    const [del] = api.calls('delete');
    expect(del.path).toBe(`/v1/alerts/reminders/${token}`);
    expect(del.authorization).toBe('Bearer test-token');
    expect(api.reminders.size).toBe(0);
  });

  it('with none, says so', async () => {
    const turn = await talkTo().utter('cancel my reminder');
    expect(turn.speech).toContain('nothing to cancel');
    expect(api.calls('delete')).toHaveLength(0);
  });

  it('with more than one, asks once; yes cancels them all', async () => {
    for (const hour of [8, 21, 22]) api.add(daily(hour));
    const talk = talkTo();
    const question = await talk.utter('cancel my reminders');
    expect(question.speech).toContain('You have 3 reminders from me. Shall I cancel all of them?');
    expectAsks(question);
    expect(api.calls('delete')).toHaveLength(0);
    const turn = await talk.utter('yes');
    expect(turn.speech).toContain('All 3 reminders are cancelled.');
    expect(api.calls('delete')).toHaveLength(3);
    expect(api.reminders.size).toBe(0);
  });

  it('no keeps them', async () => {
    for (const hour of [8, 21]) api.add(daily(hour));
    const talk = talkTo();
    await talk.utter('cancel my reminders');
    const turn = await talk.utter('no');
    expect(turn.speech).toContain("I've kept your reminders.");
    expect(api.calls('delete')).toHaveLength(0);
    expect(api.reminders.size).toBe(2);
  });

  it('a yes after talking about something else is not taken as "cancel them all"', async () => {
    for (const hour of [8, 21]) api.add(daily(hour));
    const talk = talkTo();
    await talk.utter('cancel my reminders');
    await talk.utter('where is BL 23');
    await talk.utter('yes');
    expect(api.calls('delete')).toHaveLength(0);
    expect(api.reminders.size).toBe(2);
  });

  it.each([
    [429, /busy/],
    [500, /couldn't reach/],
    ['hang', /didn't answer in time/],
  ] as const)('a delete answered %s is said, and the reminder is still there', async (behaviour, line) => {
    api.add(daily(21));
    api.behaviour.delete = behaviour;
    const turn = await talkTo().utter('cancel my reminder');
    expect(turn.speech).toMatch(line);
    expectAsks(turn);
    expect(api.reminders.size).toBe(1);
  });

  it('when only some of several can be cancelled, says how many were', async () => {
    for (const hour of [8, 21, 22]) api.add(daily(hour));
    const talk = talkTo();
    await talk.utter('cancel my reminders');
    api.failDeletesAfter = { count: 1, status: 500 };
    const turn = await talk.utter('yes');
    expect(turn.speech).toContain('I cancelled 1 of your 3 reminders');
    expectAsks(turn);
    expect(api.reminders.size).toBe(2);
  });
});
