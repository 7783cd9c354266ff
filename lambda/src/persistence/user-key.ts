import type { RequestEnvelope } from 'ask-sdk-model';

/** The Alexa user id of a request, which partitions every store. Throws on an envelope without one. */
export function userKey(requestEnvelope: RequestEnvelope): string {
  const userId = requestEnvelope?.context?.System?.user?.userId;
  if (typeof userId !== 'string' || userId === '') throw new Error('Request has no user id');
  return userId;
}
