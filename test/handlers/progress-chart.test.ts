/**
 * "Show my progress" (issue 14, item 6), from the user's words through the real skill, with the
 * scores in the user record on dynalite (as the Lambda keeps them in DynamoDB): the chart and a
 * spoken summary on a screen, the summary alone on a speaker, no chart with fewer than three
 * scores, a touched day named by voice and marked on the chart, and a corrupt score list ignored.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { addDays, chartDays } from '../../lambda/src/core/progress/chart-days';
import type { ChartDay, ScoreEntry } from '../../lambda/src/core/progress/types';
import { DynamoDbPersistenceAdapter } from '../../lambda/src/persistence/dynamodb';
import { persistenceFromEnvironment } from '../../lambda/src/persistence/from-environment';
import { buildSkill } from '../../lambda/src/skill';
import type { DeviceProfile } from '../../simulator/envelope';
import { Conversation, type Turn } from '../support/conversation';
import { routineState } from '../support/routine';
import { setEnvironment, startDynalite, type Dynalite } from '../support/dynalite';

const TABLE = 'progress-chart-users';
const TODAY = '2026-11-25';
const START = Date.parse(`${TODAY}T08:00:00Z`);
const SCREEN: DeviceProfile = { screen: true };
const ROUND: DeviceProfile = {
  screen: true,
  viewport: { shape: 'ROUND', pixelWidth: 480, pixelHeight: 480, dpi: 160 },
};

let db: Dynalite;
let restoreEnv: () => void;
let store: DynamoDbPersistenceAdapter;
let users = 0;

beforeAll(async () => {
  db = await startDynalite();
  restoreEnv = setEnvironment(db.awsEnvironment());
  await db.createTable(TABLE);
  // dynalite makes the table active a moment after creating it (later still on a busy machine).
  const client = db.client();
  for (let tries = 0; ; tries++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE }));
    if (Table?.TableStatus === 'ACTIVE') break;
    if (tries > 100) throw new Error(`table ${TABLE} is still ${Table?.TableStatus}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const adapter = persistenceFromEnvironment({ ...process.env, DYNAMODB_TABLE: TABLE });
  if (!(adapter instanceof DynamoDbPersistenceAdapter))
    throw new Error('DYNAMODB_TABLE did not select DynamoDB');
  store = adapter;
});

afterAll(async () => {
  store?.destroy();
  restoreEnv?.();
  await db?.close();
});

/** A user whose record holds `record`, and a conversation with the skill on that store. */
async function userWith(record: Record<string, unknown>, device?: DeviceProfile): Promise<Conversation> {
  const userId = `amzn1.ask.account.CHART${++users}`;
  const envelope = { context: { System: { user: { userId } } } } as unknown as RequestEnvelope;
  // Scores are stored with consent, in the record's `progress` (schema version 1).
  if (record.scores !== undefined)
    await store.saveAttributes(envelope, { progress: { v: 1, consent: 'yes', scores: record.scores } });
  return new Conversation(buildSkill({ persistenceAdapter: store }), { userId, device, startTime: START });
}

/** `n` daily check-ins ending today: before 5–8, after 2–5, the evening routine and, every third day, the quick one. */
function daily(n: number): ScoreEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    date: addDays(TODAY, -i),
    routine: i % 3 === 0 ? 'quick' : 'evening',
    before: 5 + (i % 4),
    after: 2 + (i % 4),
  }));
}

type Json = Record<string, unknown>;
function chartDirective(turn: Turn): { document: Json; datasources: { payload: Json } } | undefined {
  return turn.directives.find(
    (d) =>
      d.type === 'Alexa.Presentation.APL.RenderDocument' &&
      (d as { token?: string }).token === 'ppg.progress',
  ) as never;
}
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const mean = (values: number[]) => Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;

describe('show my progress', () => {
  it('on a screen: the 28-day chart from the stored scores, and a summary of at most 35 words', async () => {
    const entries = daily(40);
    const talk = await userWith({ scores: entries }, SCREEN);
    await talk.launch();
    const turn = await talk.utter('show my progress');
    const directive = chartDirective(turn);
    expect(directive).toBeDefined();
    const days = chartDays(entries, TODAY);
    expect(days).toHaveLength(28);
    // The chart is drawn from the same days the summary speaks of.
    expect((directive!.datasources.payload.chartData as { days: ChartDay[] }).days).toEqual(days);
    const before = mean(days.map((d) => d.before!));
    const after = mean(days.map((d) => d.after!));
    expect(turn.speech).toBe(
      `In the last 28 days you practised on 28 days. On average your back was ${before} before a routine and ${after} after. Touch a day for details. Shall I start a routine?`,
    );
    expect(words(turn.speech)).toBeLessThanOrEqual(35);
    expect(turn.ended).toBe(false);
    expect(turn.reprompt).toMatch(/\?/);
    // Asked again, the question comes in other words.
    const again = await talk.utter('show me my chart');
    expect(again.speech).toMatch(/after\. Touch a day for details\. Would you like a routine now\?$/);
    // "Yes" to the offer asks which routine.
    const yes = await talk.utter('yes');
    expect(yes.speech).toMatch(/^Which routine would you like\?/);
  });

  it.each(['show me my chart', 'my progress chart', 'show my progress'])(
    '"%s" shows the chart',
    async (said) => {
      const talk = await userWith({ scores: daily(5) }, SCREEN);
      const turn = await talk.utter(said);
      expect(chartDirective(turn)).toBeDefined();
      expect(turn.speech).toMatch(/^In the last 28 days you practised on 5 days\./);
    },
  );

  it('on a speaker: the same summary without the chart, and the offer', async () => {
    const talk = await userWith({ scores: daily(3) });
    const turn = await talk.utter('show my progress');
    expect(turn.directives).toEqual([]);
    expect(turn.speech).toMatch(
      /^In the last 28 days you practised on 3 days\. On average your back was [\d.]+ before a routine and [\d.]+ after\. Shall I start a routine\?$/,
    );
    expect(turn.speech).not.toMatch(/Touch/);
    const no = await talk.utter('no');
    expect(no.ended).toBe(true);
  });

  it('with 0 or 2 scores: says so, and draws no empty chart; with 3 scores, the chart', async () => {
    const none = await (await userWith({}, SCREEN)).utter('show my progress');
    expect(none.speech).toMatch(/^I don't have any pain scores for you yet\./);
    expect(chartDirective(none)).toBeUndefined();

    const two = await (
      await userWith({ scores: [{ date: TODAY, routine: 'quick', before: 6, after: 4 }] }, SCREEN)
    ).utter('show my progress');
    expect(two.speech).toMatch(/^I have only 2 pain scores so far\./);
    expect(chartDirective(two)).toBeUndefined();

    const three = await (
      await userWith(
        {
          scores: [
            { date: TODAY, routine: 'quick', before: 6, after: 4 },
            { date: addDays(TODAY, -2), routine: 'evening', before: 7 },
          ],
        },
        SCREEN,
      )
    ).utter('show my progress');
    expect(chartDirective(three)).toBeDefined();
    expect(three.speech).toMatch(
      /^In the last 28 days you practised on 2 days\. On average your back was 6\.5 before a routine and 4 after\./,
    );
  });

  it('scores older than 28 days are not in the chart or the summary', async () => {
    const old = daily(3).map((e) => ({ ...e, date: addDays(e.date, -40) }));
    const turn = await (await userWith({ scores: old }, SCREEN)).utter('show my progress');
    expect(turn.speech).toMatch(/^I don't have any pain scores for you yet\./);
    expect(chartDirective(turn)).toBeUndefined();
  });

  it('without consent, this session’s scores are charted (kept in the session’s check-in)', async () => {
    const talk = await userWith({}, SCREEN);
    await talk.launch();
    talk.setAttributes({ progress: { scores: daily(2) } });
    const turn = await talk.utter('show my progress');
    expect(chartDirective(turn)).toBeDefined();
    expect(turn.speech).toMatch(/you practised on 2 days/);
  });

  it('a corrupt or foreign score list is ignored, never a crash', async () => {
    for (const scores of [
      'lots',
      42,
      { date: TODAY },
      [null, 'x', { date: 'soon', routine: 'quick', before: 5 }, { date: TODAY, routine: 7 }],
    ]) {
      const turn = await (await userWith({ scores }, SCREEN)).utter('show my progress');
      expect(turn.speech).toMatch(/^I don't have any pain scores for you yet\./);
    }
    // Good entries among bad ones still count; a score off the scale is left out.
    const mixed = [...daily(2), { date: TODAY, routine: 'quick', before: 42, after: -3 }, 'junk'];
    const turn = await (await userWith({ scores: mixed }, SCREEN)).utter('show my progress');
    expect(turn.speech).toMatch(/you practised on 2 days/);
  });

  it('with the store down (dynalite stopped): a clear spoken answer, no chart, the session open', async () => {
    const talk = await userWith({ scores: daily(10) }, SCREEN);
    await db.stop();
    try {
      const turn = await talk.utter('show my progress');
      expect(turn.speech).toMatch(
        /^I can't reach your saved scores just now, so I can't show your progress\./,
      );
      expect(chartDirective(turn)).toBeUndefined();
      expect(turn.ended).toBe(false);
    } finally {
      await db.restart();
    }
    // Nothing was lost: with the store back, the chart is there.
    talk.newSession();
    expect(chartDirective(await talk.utter('show my progress'))).toBeDefined();
  });

  it('on a small round screen, the simplified chart (valid APL, checked by the conversation)', async () => {
    const turn = await (await userWith({ scores: daily(10) }, ROUND)).utter('show my progress');
    const directive = chartDirective(turn)!;
    const roundData = directive.datasources.payload.roundData as {
      chart: { days: ChartDay[]; window: number };
    };
    expect(roundData.chart.window).toBe(7);
    expect(roundData.chart.days.map((d) => d.date)).toEqual(
      chartDays(daily(10), TODAY, 7).map((d) => d.date),
    );
  });
});

describe('mid-routine', () => {
  it('"show my progress" mid-hold pauses the routine, shows the chart, and offers to carry on, not a new routine', async () => {
    const talk = await userWith({ scores: daily(6) }, SCREEN);
    await talk.utter('start the quick routine');
    await talk.utter('no');
    talk.wait(routineState(talk)!.turn!.windows[0].holdStartMs / 1000 + 10);
    const turn = await talk.utter('show my progress');
    expect(chartDirective(turn)).toBeDefined();
    expect(turn.speech).toMatch(
      /^In the last 28 days you practised on 6 days\..*Say resume when you're ready, or stop to finish for now\.$/,
    );
    expect(routineState(talk)!.paused).toBeDefined();
    expect(talk.sessionAttributes.offer).toBeUndefined();
    const resumed = await talk.utter('resume');
    expect(routineState(talk)!.paused).toBeUndefined();
    expect(resumed.ended).toBe(false);
  });
});

describe('touching a day of the chart', () => {
  const touch = (talk: Conversation, args: unknown[]) =>
    talk.request({
      type: 'Alexa.Presentation.APL.UserEvent',
      requestId: 'amzn1.echo-api.request.touch',
      timestamp: new Date(talk.now).toISOString(),
      locale: 'en-US',
      token: 'ppg.progress',
      arguments: args,
    });

  it('names that day’s routines and scores by voice, and marks the day on the chart', async () => {
    const entries: ScoreEntry[] = [
      ...daily(4),
      { date: addDays(TODAY, -1), routine: 'quick', before: 8, after: 5 },
    ];
    const talk = await userWith({ scores: entries }, SCREEN);
    const shown = await talk.utter('show my progress');
    const columns = chartDirective(shown)!.datasources.payload.columnData as Array<{
      date: string;
      detail: string;
    }>;
    expect(columns).toHaveLength(28);
    expect(columns[27].date).toBe(TODAY);
    const yesterday = columns[26];
    expect(yesterday).toEqual({
      date: '2026-11-24',
      detail: 'Nov 24: the evening and quick routines. Before 7, after 4.',
    });

    const turn = await touch(talk, ['progressDay', yesterday.date]);
    expect(turn.speech).toMatch(
      /^Tuesday, November 24: the evening and quick routines\. Your back was 7 before and 4 after\./,
    );
    expect(turn.speech).toMatch(/Touch another day, or shall I start a routine\?$/);
    const marked = chartDirective(turn)!;
    expect(marked.datasources.payload.detail).toBe(yesterday.detail);
    expect((marked.datasources.payload.chartData as { selected?: string }).selected).toBe(yesterday.date);

    const empty = await touch(talk, ['progressDay', addDays(TODAY, -20)]);
    expect(empty.speech).toMatch(/^Thursday, November 5: no check-in that day\./);
    // Never the same question twice in a row.
    expect(empty.speech).toMatch(/Another day, or a routine now\?$/);
    const third = await touch(talk, ['progressDay', TODAY]);
    expect(third.speech).toMatch(/Touch another day, or shall I start a routine\?$/);
    expect(third.reprompt).toBe('Would you like to touch another day, or start a routine?');
  });

  it('a forged or stale day is answered calmly', async () => {
    const talk = await userWith({ scores: daily(4) }, SCREEN);
    for (const args of [
      ['progressDay', '2020-01-01'],
      ['progressDay', '2026-13-45'],
      ['progressDay', { date: TODAY }],
      ['progressDay'],
    ]) {
      const turn = await touch(talk, args);
      expect(turn.speech).toMatch(/^That day isn't on your chart\./);
      expect(turn.ended).toBe(false);
    }
  });
});
