/**
 * Which routines this user has started before ("say less to those who know"): their steps are
 * announced briefly (which point, how long, which side), and "repeat" gives the full words. The
 * record keeps routine ids the user asked for (never a health-derived substitute); without a store
 * (or when the record can't be read) every routine is new, the safe way round.
 */
import type { HandlerInput } from 'ask-sdk-core';
import { getRoutine } from '../../core/catalogue';
import { loadUser, saveUser } from '../../persistence/user-store';

function startedList(record: Record<string, unknown>): string[] {
  const list = record.routinesStarted;
  return Array.isArray(list)
    ? list.filter((id): id is string => typeof id === 'string' && !!getRoutine(id))
    : [];
}

/** Whether this user has started the routine before, in this session or an earlier one. */
export async function startedBefore(h: HandlerInput, routineId: string): Promise<boolean> {
  const { record } = await loadUser(h);
  return startedList(record).includes(routineId);
}

/** Notes that the routine has started (with its full step words); a failed save changes nothing. */
export async function noteStarted(h: HandlerInput, routineId: string): Promise<void> {
  const { record, ok } = await loadUser(h);
  if (!ok || startedList(record).includes(routineId)) return;
  // Merged with what is stored at write time, so a concurrent start of another routine is kept.
  await saveUser(h, (stored) => ({ routinesStarted: [...new Set([...startedList(stored), routineId])] }));
}
