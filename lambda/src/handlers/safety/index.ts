import type { RequestHandler } from 'ask-sdk-core';

/** Safety and triage handlers, in order (filled in by the safety feature). */
export const safetyHandlers: RequestHandler[] = [];
