/**
 * Health information is kept in the session only. It is stored across sessions only when the user
 * asks ("remember that I'm pregnant") and then says yes; "forget my information" deletes everything
 * stored for the user after a yes, and checks that it is gone. Nothing here logs a condition.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import { triage, type Condition } from '../../core/safety';
import { deleteUser, loadUser, saveUser } from '../../persistence/user-store';
import { spokenPhrase } from '../../speech/bounded-text';
import { updateSession } from '../conversation';
import { catalogueOf, isIntent, readHealth, translatorOf } from '../input';
import { beginScreened } from '../routine/start';
import { SCREENED_ATTRIBUTE } from '../routine/routine-attribute';
import { notDiagnosed } from './diagnosis';
import { hintAnswered, triageResponse, unknownConfirmed } from './health';
import { triageStatement, youList } from '../../speech/safety';
import {
  fingerprint,
  healthIntent,
  livePending,
  patchSafety,
  readSafety,
  storedConditions,
} from './health-profile';
import { ask, sayAndEnd } from '../reply';
import type { GuideHandler } from '../handler';

/** Asks a yes/no question and remembers that it is waiting for the answer to exactly this question. */
function confirm(
  h: HandlerInput,
  speech: string,
  pending: { action: 'forget' } | { action: 'remember'; conditions: string[] },
): Response {
  const t = translatorOf(h);
  patchSafety(h, { pending: { ...pending, asked: fingerprint(speech) } });
  return ask(h, speech, t('safety.confirmReprompt'));
}

function say(h: HandlerInput, speech: string): Response {
  return ask(h, speech, translatorOf(h)('safety.reprompt'));
}

export const RememberHealthIntentHandler = healthIntent('RememberHealthIntent', async (h, t, state) => {
  const health = readHealth(h);
  if (health.match?.kind === 'red-flag') {
    // A red flag is about today, never stored: it gets the urgent-care answer.
    return triageResponse(h, health.match.redFlag);
  }
  if (health.match?.kind === 'stop-symptom') {
    // How a hold feels is about now, never stored.
    return say(h, t('safety.remember.notLasting', { name: health.match.symptom.name }));
  }
  let wanted: Condition[];
  let first = '';
  if (health.match?.kind === 'condition') {
    const { condition } = health.match;
    if (!state.conditions.includes(condition.id))
      patchSafety(h, { conditions: [...state.conditions, condition.id] });
    // A stop-tier condition gets the urgent-care answer before anything about storing it.
    if (condition.tier === 'stop') {
      updateSession(h, { offer: undefined });
      first = triageStatement(t, condition);
      if (triage(condition).care === 'emergency') return sayAndEnd(h, first);
    }
    if (!condition.remember) {
      const note = t('safety.remember.notLasting', { name: condition.name });
      return say(h, first ? `${first} ${note}` : note);
    }
    wanted = [condition];
  } else if (health.given) {
    return say(h, t('safety.remember.unknown', { spoken: spokenPhrase(health.spoken ?? '') }));
  } else {
    wanted = state.conditions
      .map((id) => catalogueOf(h).safety.getCondition(id))
      .filter((c): c is Condition => c?.remember === true);
  }
  if (wanted.length === 0) return say(h, t('safety.remember.nothing'));
  const ids = wanted.map((c) => c.id);
  const question = t('safety.remember.confirm', { list: youList(t, ids) });
  return confirm(h, first ? `${first} ${question}` : question, { action: 'remember', conditions: ids });
});

export const ForgetHealthIntentHandler = healthIntent('ForgetHealthIntent', async (h, t, state) => {
  const health = readHealth(h);
  if (!health.given) return confirm(h, t('safety.forget.confirm'), { action: 'forget' });
  if (health.match?.kind !== 'condition') {
    if (health.match === undefined && state.unknown) {
      patchSafety(h, { unknown: false });
      return say(h, t('safety.forget.unknownCondition'));
    }
    return say(h, t('safety.forget.conditionNotNoted'));
  }
  const { condition } = health.match;
  const { record, ok } = await loadUser(h);
  const stored = ok ? storedConditions(record) : [];
  if (!state.conditions.includes(condition.id) && !stored.includes(condition.id))
    return say(h, t('safety.forget.conditionNotNoted'));
  patchSafety(h, { conditions: state.conditions.filter((id) => id !== condition.id), adjusted: undefined });
  let saved = true;
  if (stored.includes(condition.id)) {
    // A function of the stored record, so a write by another session in between is kept.
    saved = await saveUser(h, (current) => {
      const rest = storedConditions(current).filter((id) => id !== condition.id);
      return { health: rest.length > 0 ? { conditions: rest } : undefined };
    });
  }
  const speech = t('safety.forget.condition', { name: condition.name });
  return say(h, saved ? speech : `${speech} ${t('common.storage.unavailable')}`);
});

async function rememberConfirmed(h: HandlerInput, ids: string[]): Promise<Response> {
  const t = translatorOf(h);
  const { ok } = await loadUser(h);
  // Merged with what is stored at the moment of writing, not with this request's earlier copy.
  const saved =
    ok &&
    (await saveUser(h, (stored) => ({
      health: { conditions: [...new Set([...storedConditions(stored), ...ids])] },
    })));
  if (!saved) return say(h, t('safety.remember.failed'));
  return say(h, t('safety.remember.done', { list: youList(t, ids) }));
}

async function forgetConfirmed(h: HandlerInput): Promise<Response> {
  const t = translatorOf(h);
  // The session forgets too; red flags stay, since they are about today and were never stored.
  patchSafety(h, { conditions: [], unknown: false, adjusted: undefined, loaded: true });
  const deleted = await deleteUser(h);
  // Read back through the same interface: only an empty record counts as gone.
  const check = deleted ? await loadUser(h) : undefined;
  const gone = check !== undefined && check.ok && Object.keys(check.record).length === 0;
  return say(h, gone ? t('safety.forget.done') : t('safety.forget.failed'));
}

/** Yes or no to the safety feature's own question, and only while that question is the last thing said. */
export const SafetyConfirmationHandler: GuideHandler = {
  duringRoutine: 'continues',
  canHandle: (h) => isIntent(h, 'AMAZON.YesIntent', 'AMAZON.NoIntent') && livePending(h) !== undefined,
  async handle(h) {
    const t = translatorOf(h);
    const pending = livePending(h);
    patchSafety(h, { pending: undefined });
    const yes = isIntent(h, 'AMAZON.YesIntent');
    if (pending?.action === 'remember')
      return yes ? rememberConfirmed(h, pending.conditions) : say(h, t('safety.remember.declined'));
    if (pending?.action === 'forget') return yes ? forgetConfirmed(h) : say(h, t('safety.forget.declined'));
    if (pending?.action === 'unknown') return unknownConfirmed(h, yes);
    if (pending?.action === 'diagnosis') {
      if (!yes) return notDiagnosed(h);
      patchSafety(h, { diagnosed: [...readSafety(h).diagnosed, pending.routine] });
      // The safety question comes (again), its nerve group asking about either leg (section 6.4).
      updateSession(h, { [SCREENED_ATTRIBUTE]: undefined });
      return beginScreened(h, { type: 'routine', routineId: pending.routine });
    }
    if (pending?.action === 'hint') return hintAnswered(h, pending.flag, pending.need, yes);
    return say(h, t('safety.reprompt'));
  },
};
