/**
 * DynamoDB store on the AWS SDK v3 (the ask-sdk's own DynamoDB adapter is built on the v2 SDK,
 * which is out of support and absent from current Lambda runtimes).
 *
 * The table layout is the ask-sdk adapter's: partition key `id` (string, the Alexa user id) and the
 * user's record as a map under `attributes`, so a table created for that adapter keeps working.
 *
 * The client takes the standard AWS settings from the environment and shared config (region,
 * credentials, AWS_MAX_ATTEMPTS, AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL for DynamoDB Local or
 * dynalite). Timeouts are short on purpose (1 s to connect, 2 s per attempt, 2 attempts): Alexa
 * waits 8 seconds for an answer, and a store that does not answer must become "couldn't save" in
 * the speech, not a silent skill.
 */
import { DescribeTableCommand, DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { PersistenceAdapter } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import type { ReadinessCheck } from './types';
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

export class DynamoDbPersistenceAdapter implements PersistenceAdapter, ReadinessCheck {
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
      requestHandler: { connectionTimeout: 1000, requestTimeout: 2000 },
      // Two attempts unless AWS_MAX_ATTEMPTS says otherwise: worst case about 4.5 s, inside Alexa's 8.
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
      table = (await this.client.send(new DescribeTableCommand({ TableName: this.tableName }))).Table;
    } catch (error) {
      throw await this.explain(error);
    }
    const hashKey = table?.KeySchema?.find((key) => key.KeyType === 'HASH')?.AttributeName;
    if (hashKey !== this.partitionKeyName)
      throw new Error(
        `DynamoDB table "${this.tableName}" has partition key "${hashKey ?? '?'}", expected "${this.partitionKeyName}".`,
      );
  }

  async getAttributes(requestEnvelope: RequestEnvelope): Promise<Record<string, unknown>> {
    try {
      const { Item } = await this.documents.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { [this.partitionKeyName]: userKey(requestEnvelope) },
          ConsistentRead: true,
        }),
      );
      const stored: unknown = Item?.[this.attributesName];
      return typeof stored === 'object' && stored !== null && !Array.isArray(stored)
        ? (stored as Record<string, unknown>)
        : {};
    } catch (error) {
      throw await this.explain(error);
    }
  }

  async saveAttributes(requestEnvelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    try {
      await this.documents.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { [this.partitionKeyName]: userKey(requestEnvelope), [this.attributesName]: attributes },
        }),
      );
    } catch (error) {
      throw await this.explain(error);
    }
  }

  async deleteAttributes(requestEnvelope: RequestEnvelope): Promise<void> {
    try {
      await this.documents.send(
        new DeleteCommand({
          TableName: this.tableName,
          Key: { [this.partitionKeyName]: userKey(requestEnvelope) },
        }),
      );
    } catch (error) {
      throw await this.explain(error);
    }
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
