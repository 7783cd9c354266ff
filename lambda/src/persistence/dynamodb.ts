/**
 * DynamoDB store on the AWS SDK v3 (the ask-sdk's own DynamoDB adapter is built on the v2 SDK,
 * which is out of support and absent from current Lambda runtimes).
 *
 * The table layout is the ask-sdk adapter's: partition key `id` (string, the Alexa user id) and the
 * user's record as a map under `attributes`, so a table created for that adapter keeps working.
 *
 * The client takes the standard AWS settings from the environment and shared config (region,
 * credentials, AWS_MAX_ATTEMPTS, AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL for DynamoDB Local or
 * dynalite). Timeouts are short on purpose (1 s to connect, 1 s per attempt, 2 attempts), and they
 * are real: `throwOnRequestTimeout` makes the HTTP handler fail the attempt instead of only logging
 * a warning, and every call also takes an AbortSignal (user-store's per-request deadline) that
 * cancels the whole call, retries included. A store that does not answer must become "couldn't
 * save" in the speech, within the turn's budget, not a silent skill.
 *
 * Writes are conditional on a version number kept beside the record (item attribute `version`), so
 * two requests for one user never overwrite each other's change (see user-store.ts).
 */
import { DescribeTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { ReadinessCheck, StoredRecord, VersionedStore } from './types';
import { userKey } from './user-key';

export interface DynamoDbOptions {
  tableName: string;
  /** Passed to the DynamoDB client on top of the defaults (tests set endpoint and credentials). */
  clientConfig?: DynamoDBClientConfig;
  /** Partition key name (default `id`, as the ask-sdk adapter). */
  partitionKeyName?: string;
  /** Name of the map holding the record (default `attributes`, as the ask-sdk adapter). */
  attributesName?: string;
}

/** The item attribute holding the record's version (beside the ask-sdk layout, which it leaves alone). */
const VERSION = 'version';
/** The start-up check gives up after this long (a table behind a hung endpoint must not hang start). */
const READY_TIMEOUT_MS = 4000;

/** Thrown by `checkReady` and by every operation when the table does not exist. */
export class MissingTableError extends Error {
  override readonly name = 'MissingTableError';
  constructor(tableName: string, region: string | undefined) {
    super(
      `DynamoDB table "${tableName}" does not exist${region ? ` in region ${region}` : ''}. ` +
        'Create it (partition key "id", type String) or point DYNAMODB_TABLE at an existing table.',
    );
  }
}

export class DynamoDbPersistenceAdapter implements PersistenceAdapter, ReadinessCheck, VersionedStore {
  readonly tableName: string;
  private readonly partitionKeyName: string;
  private readonly attributesName: string;
  private readonly client: DynamoDBClient;
  private readonly documents: DynamoDBDocumentClient;

  constructor(options: DynamoDbOptions) {
    this.tableName = options.tableName;
    this.partitionKeyName = options.partitionKeyName ?? 'id';
    this.attributesName = options.attributesName ?? 'attributes';
    this.client = new DynamoDBClient({
      requestHandler: { connectionTimeout: 1000, requestTimeout: 1000, throwOnRequestTimeout: true },
      // Two attempts unless AWS_MAX_ATTEMPTS says otherwise; user-store's deadline caps the whole call.
      ...(process.env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: 2 }),
      ...options.clientConfig,
    });
    this.documents = DynamoDBDocumentClient.from(this.client, {
      marshallOptions: { removeUndefinedValues: true },
    });
  }

  /** Confirms the table exists and has the expected key, with a message a person can act on. */
  async checkReady(): Promise<void> {
    let table;
    try {
      table = (
        await this.client.send(new DescribeTableCommand({ TableName: this.tableName }), {
          abortSignal: AbortSignal.timeout(READY_TIMEOUT_MS),
        })
      ).Table;
    } catch (error) {
      if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
        throw new Error(
          `DynamoDB did not answer within ${READY_TIMEOUT_MS / 1000} s when checking table "${this.tableName}" ` +
            '(is the endpoint up and reachable?).',
          { cause: error },
        );
      throw await this.explain(error);
    }
    if (!table) throw new Error(`DynamoDB table "${this.tableName}" could not be described.`);
    const hashKey = table?.KeySchema?.find((key) => key.KeyType === 'HASH')?.AttributeName;
    if (hashKey !== this.partitionKeyName)
      throw new Error(
        `DynamoDB table "${this.tableName}" has partition key "${hashKey ?? '?'}", expected "${this.partitionKeyName}".`,
      );
  }

  async read(requestEnvelope: RequestEnvelope, signal?: AbortSignal): Promise<StoredRecord> {
    try {
      const { Item } = await this.documents.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [this.partitionKeyName]: userKey(requestEnvelope) },
          ConsistentRead: true,
        }),
        { abortSignal: signal },
      );
      const stored: unknown = Item?.[this.attributesName];
      const version: unknown = Item?.[VERSION];
      return {
        record:
          typeof stored === 'object' && stored !== null && !Array.isArray(stored)
            ? (stored as Record<string, unknown>)
            : {},
        version: typeof version === 'number' && Number.isSafeInteger(version) && version > 0 ? version : 0,
      };
    } catch (error) {
      throw await this.explain(error);
    }
  }

  async write(
    requestEnvelope: RequestEnvelope,
    record: Record<string, unknown>,
    expected: number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            [this.partitionKeyName]: userKey(requestEnvelope),
            [this.attributesName]: record,
            [VERSION]: expected + 1,
          },
          // A record written by the ask-sdk adapter has no version: it counts as version 0.
          ConditionExpression: expected === 0 ? 'attribute_not_exists(#v)' : '#v = :expected',
          ExpressionAttributeNames: { '#v': VERSION },
          ...(expected === 0 ? {} : { ExpressionAttributeValues: { ':expected': expected } }),
        }),
        { abortSignal: signal },
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw await this.explain(error);
    }
  }

  async remove(requestEnvelope: RequestEnvelope, signal?: AbortSignal): Promise<void> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { [this.partitionKeyName]: userKey(requestEnvelope) },
        }),
        { abortSignal: signal },
      );
    } catch (error) {
      throw await this.explain(error);
    }
  }

  // The ask-sdk PersistenceAdapter interface (the simulator's "forget", other tools).

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    return (await this.read(requestEnvelope)).record;
  }

  /**
   * Replaces the record, moving its version on so conditional writers notice (with GetItem and
   * PutItem only: the Lambda's role allows nothing else).
   */
  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      const { version } = await this.read(requestEnvelope);
      if (await this.write(requestEnvelope, attributes, version)) return;
    }
    throw new Error('The record kept changing while it was being replaced');
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    await this.remove(requestEnvelope);
  }

  /** Closes the client's connections (for a clean process exit). */
  destroy(): void {
    this.documents.destroy();
    this.client.destroy();
  }

  private async explain(error: unknown): Promise<unknown> {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') {
      let region: string | undefined;
      try {
        region = await this.client.config.region();
      } catch {
        region = undefined; // no region configured: the message still names the table
      }
      return new MissingTableError(this.tableName, region);
    }
    return error;
  }
}
