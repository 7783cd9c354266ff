/**
 * The DynamoDB store against dynalite (a real DynamoDB-compatible server on 127.0.0.1), configured
 * only through the standard AWS settings, as in production: DYNAMODB_TABLE, AWS_REGION,
 * credentials and AWS_ENDPOINT_URL_DYNAMODB.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { AttributesManagerFactory, ResponseFactory, type HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import { translatorFor } from '../../lambda/src/i18n';
import { DynamoDbPersistenceAdapter, MissingTableError } from '../../lambda/src/persistence/dynamodb';
import { persistenceFromEnvironment } from '../../lambda/src/persistence/from-environment';
import { attachStore, loadUser, saveUser, saveUserOrNotice } from '../../lambda/src/persistence/user-store';
import { buildSkill } from '../../lambda/src/skill';
import { BUILD } from '../../scripts/build-output';
import { launchRequest } from '../../simulator/envelope';
import { Conversation, toTurn } from '../support/conversation';
import { setEnvironment, startDynalite, type Dynalite } from '../support/dynalite';
import { runServer } from '../support/server-process';

const TABLE = 'pressure-point-guide-users';
const t = translatorFor('en-US');
const UNSAVED = t('common.storage.unavailable');
const FIRST_USE_NOTE = t('common.launch.firstUseNote');

let db: Dynalite;
let restoreEnv: () => void;
const adapters: DynamoDbPersistenceAdapter[] = [];

/** The adapter exactly as the Lambda and the server make it: from the environment. */
function storeFromEnvironment(table = TABLE): DynamoDbPersistenceAdapter {
  const adapter = persistenceFromEnvironment({ ...process.env, DYNAMODB_TABLE: table });
  if (!(adapter instanceof DynamoDbPersistenceAdapter))
    throw new Error('DYNAMODB_TABLE did not select DynamoDB');
  adapters.push(adapter);
  return adapter;
}

/** One request's HandlerInput with the SDK's real AttributesManager on the store. */
function handlerInputFor(
  requestEnvelope: RequestEnvelope,
  adapter: DynamoDbPersistenceAdapter,
): HandlerInput {
  const handlerInput: HandlerInput = {
    requestEnvelope,
    context: {},
    attributesManager: AttributesManagerFactory.init({ requestEnvelope }),
    responseBuilder: ResponseFactory.init(),
  };
  attachStore(handlerInput, adapter); // what the skill's first request interceptor does
  return handlerInput;
}

beforeAll(async () => {
  db = await startDynalite();
  restoreEnv = setEnvironment(db.awsEnvironment());
  await db.createTable(TABLE);
});

afterAll(async () => {
  for (const adapter of adapters) adapter.destroy();
  restoreEnv();
  await db.close();
});

describe('DynamoDbPersistenceAdapter on dynalite', () => {
  it('is selected by DYNAMODB_TABLE and finds the table with AWS_ENDPOINT_URL_DYNAMODB', async () => {
    const store = storeFromEnvironment();
    await expect(store.checkReady()).resolves.toBeUndefined();
  });

  it('saves, reads back and deletes a user record', async () => {
    const store = storeFromEnvironment();
    const request = launchRequest({ userId: 'amzn1.ask.account.SAVE-READ-DELETE' });
    expect(await store.getAttributes(request)).toEqual({});
    await store.saveAttributes(request, { welcomed: true, routine: { id: 'evening', step: 3 } });
    expect(await store.getAttributes(request)).toEqual({
      welcomed: true,
      routine: { id: 'evening', step: 3 },
    });
    // another user sees nothing of it
    expect(await store.getAttributes(launchRequest({ userId: 'amzn1.ask.account.OTHER' }))).toEqual({});
    await store.deleteAttributes(request);
    expect(await store.getAttributes(request)).toEqual({});
  });

  it('uses the ask-sdk DynamoDB adapter layout: key "id", record under "attributes"', async () => {
    const store = storeFromEnvironment();
    const client = db.client();
    await store.saveAttributes(launchRequest({ userId: 'amzn1.ask.account.LAYOUT' }), { welcomed: true });
    const { Item } = await client.send(
      new GetItemCommand({ TableName: TABLE, Key: { id: { S: 'amzn1.ask.account.LAYOUT' } } }),
    );
    // plus the record's version beside it, for conditional writes
    expect(Item).toEqual({
      id: { S: 'amzn1.ask.account.LAYOUT' },
      attributes: { M: { welcomed: { BOOL: true } } },
      version: { N: '1' },
    });

    // a record written by the ask-sdk adapter (same layout) is read as is
    await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: {
          id: { S: 'amzn1.ask.account.FROM-ASK-SDK' },
          attributes: { M: { welcomed: { BOOL: true } } },
        },
      }),
    );
    expect(await store.getAttributes(launchRequest({ userId: 'amzn1.ask.account.FROM-ASK-SDK' }))).toEqual({
      welcomed: true,
    });
  });

  it('keeps both sessions’ fields when two sessions of one user save in turn', async () => {
    const store = storeFromEnvironment();
    const userId = 'amzn1.ask.account.TWO-DEVICES';
    const kitchen = (n: number) => launchRequest({ userId, sessionId: `kitchen-${n}` });
    const bedroom = (n: number) => launchRequest({ userId, sessionId: `bedroom-${n}` });

    expect(await saveUser(handlerInputFor(kitchen(1), store), { welcomed: true })).toBe(true);
    expect(await saveUser(handlerInputFor(bedroom(1), store), { lastRoutine: 'evening' })).toBe(true);
    expect(await saveUser(handlerInputFor(kitchen(2), store), { lastRoutine: 'morning' })).toBe(true);
    expect(
      await saveUser(handlerInputFor(bedroom(2), store), { welcomed: undefined, favourite: 'BL 23' }),
    ).toBe(true);

    const { record, ok } = await loadUser(handlerInputFor(kitchen(3), store));
    expect(ok).toBe(true);
    expect(record).toEqual({ lastRoutine: 'morning', favourite: 'BL 23' });
  });

  it('names a missing table clearly, at start and on use', async () => {
    const store = storeFromEnvironment('no-such-table');
    await expect(store.checkReady()).rejects.toThrow(MissingTableError);
    await expect(store.checkReady()).rejects.toThrow(
      /DynamoDB table "no-such-table" does not exist in region us-east-1\. Create it \(partition key "id"/,
    );
    await expect(store.getAttributes(launchRequest())).rejects.toThrow(/"no-such-table" does not exist/);
  });

  it('refuses, at start, a table whose partition key is not "id"', async () => {
    await db.createTable('wrong-key-table', 'userId');
    await expect(storeFromEnvironment('wrong-key-table').checkReady()).rejects.toThrow(
      /partition key "userId", expected "id"/,
    );
  });
});

describe('the store going down mid-session and coming back', () => {
  it('keeps answering, says progress could not be saved, loses nothing, and saves again once back', async () => {
    const store = storeFromEnvironment();
    const skill = buildSkill({ persistenceAdapter: store });
    const user = new Conversation(skill, { userId: 'amzn1.ask.account.OUTAGE' });

    const first = await user.launch();
    expect(first.speech).toContain(FIRST_USE_NOTE);
    expect(first.speech).not.toContain(UNSAVED);
    expect((await user.launch()).speech).not.toContain(FIRST_USE_NOTE); // remembered

    await db.stop();
    try {
      // A question that needs no storage is answered as usual.
      const find = await user.utter('where is b l twenty three');
      expect(find.speech).toMatch(/^Sea of Vitality, B L 23/);
      // A turn that saves: the skill answers, says it could not save, and keeps the session open.
      const launch = await user.launch();
      expect(launch.speech).toMatch(/^Welcome to Pressure Point Guide/);
      expect(launch.speech).toContain(UNSAVED);
      expect(launch.ended).toBe(false);
      expect(launch.reprompt).not.toBe('');
      // A new user at the same moment fares the same.
      const newcomer = await new Conversation(skill, { userId: 'amzn1.ask.account.NEWCOMER' }).launch();
      expect(newcomer.speech).toContain(UNSAVED);
      // the helper every feature uses says the same thing
      const hi = handlerInputFor(launchRequest({ userId: 'amzn1.ask.account.OUTAGE' }), store);
      expect(await saveUserOrNotice(hi, t, { lastRoutine: 'evening' })).toBe(UNSAVED);
    } finally {
      await db.restart();
    }

    // Back: nothing stored before the outage was lost or overwritten, and saving works again.
    const back = await user.launch();
    expect(back.speech).not.toContain(FIRST_USE_NOTE);
    expect(back.speech).not.toContain(UNSAVED);
    const newcomer = new Conversation(skill, { userId: 'amzn1.ask.account.NEWCOMER' });
    expect((await newcomer.launch()).speech).toContain(FIRST_USE_NOTE);
    expect((await newcomer.launch()).speech).not.toContain(FIRST_USE_NOTE);
    const hi = handlerInputFor(launchRequest({ userId: 'amzn1.ask.account.OUTAGE' }), store);
    expect(await saveUserOrNotice(hi, t, { lastRoutine: 'evening' })).toBe('');
    expect(await store.getAttributes(launchRequest({ userId: 'amzn1.ask.account.OUTAGE' }))).toEqual({
      welcomed: true,
      lastRoutine: 'evening',
    });
  });
});

describe('the built hosts with DYNAMODB_TABLE', () => {
  const storedFor = async (userId: string) =>
    (await db.client().send(new GetItemCommand({ TableName: TABLE, Key: { id: { S: userId } } }))).Item;

  it('the Lambda bundle (with the AWS SDK inside it) saves to the table', async () => {
    const bundle = BUILD.lambda;
    const request = launchRequest({ userId: 'amzn1.ask.account.LAMBDA' });
    const script = `require(${JSON.stringify(bundle)}).handler(JSON.parse(process.argv[1])).then((r) => process.stdout.write(JSON.stringify(r)))`;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, JSON.stringify(request)], {
      env: {
        PATH: process.env.PATH ?? '',
        LOG_LEVEL: 'silent',
        DYNAMODB_TABLE: TABLE,
        ...db.awsEnvironment(),
      },
    });
    expect(toTurn(JSON.parse(stdout) as Parameters<typeof toTurn>[0]).speech).toContain(FIRST_USE_NOTE);
    expect(await storedFor('amzn1.ask.account.LAMBDA')).toEqual({
      id: { S: 'amzn1.ask.account.LAMBDA' },
      attributes: { M: { welcomed: { BOOL: true } } },
      version: { N: '1' },
    });
  });

  it('npm start serves with the table, and refuses to start when the table is missing', async () => {
    const server = runServer({
      ALEXA_SKIP_VERIFICATION: 'true',
      DYNAMODB_TABLE: TABLE,
      ...db.awsEnvironment(),
    });
    try {
      const { url, storage } = await server.waitFor('server.listening');
      expect(storage).toBe('DynamoDbPersistenceAdapter');
      const res = await fetch(String(url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(launchRequest({ userId: 'amzn1.ask.account.SERVER' })),
      });
      expect(res.status).toBe(200);
      expect(await storedFor('amzn1.ask.account.SERVER')).toBeDefined();
    } finally {
      server.child.kill('SIGTERM');
    }
    expect(await server.exited).toBe(0);

    const missing = runServer({ DYNAMODB_TABLE: 'not-created-yet', ...db.awsEnvironment() });
    expect(await missing.exited).toBe(1);
    expect(missing.logs.find((l) => l.event === 'server.storage_not_ready')?.message).toMatch(
      /DynamoDB table "not-created-yet" does not exist in region us-east-1/,
    );
    expect(missing.logs.some((l) => l.event === 'server.listening')).toBe(false);
  });
});
