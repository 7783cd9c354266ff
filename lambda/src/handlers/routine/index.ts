import type { RequestHandler } from 'ask-sdk-core';

/** Guided routine handlers, in order (filled in by the routines feature). */
export const routineHandlers: RequestHandler[] = [];
