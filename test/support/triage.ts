/**
 * What the urgent-care answer must be (issue 13 item 4, section 4 of the domain reference), shared
 * by the safety and voice tests: the first answer is the market's care line first (an emergency:
 * call the emergency number now), that no routine will start, and one question, "Want to know
 * why?"; where the catalogue's reason itself escalates ("call emergency services now"), the first
 * answer already says it with the market's number. The reason comes on "why", "yes" or "tell me
 * more"; after an emergency's reason the session closes.
 */
import { triage, type Condition, type RedFlag } from '../../lambda/src/core/safety';
import { translatorFor } from '../../lambda/src/i18n';
import { careSentence } from '../../lambda/src/speech/safety';
import { ssmlToText } from '../../lambda/src/speech/ssml';
import type { Turn } from './conversation';

export const WHY_OFFER = /Want to know why\?$/;

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

/** True when the trigger's care is urgent care or an emergency (the ones answered with the offer). */
export const offersWhy = (trigger: RedFlag | Condition): boolean =>
  ['emergency', 'urgent'].includes(triage(trigger).care);

/** The catalogue's reason, as heard. */
export const reasonOf = (trigger: RedFlag | Condition): string => plain(triage(trigger).why);

/** A reason that calls for an emergency in some cases, while the trigger's own care is same-day. */
export const reasonEscalates = (trigger: RedFlag | Condition): boolean =>
  triage(trigger).care !== 'emergency' && /emergency services/.test(triage(trigger).why);

/** Asserts `turn` is the one-breath urgent-care answer for `trigger` in `locale`. */
export function expectUrgentCareFirst(turn: Turn, trigger: RedFlag | Condition, locale = 'en-US'): void {
  const t = translatorFor(locale);
  const { care } = triage(trigger);
  const careLine = ssmlToText(careSentence(t, care));
  expect({ id: trigger.id, opens: turn.speech.slice(0, careLine.length) }).toEqual({
    id: trigger.id,
    opens: careLine,
  });
  expect(turn.speech).toMatch(/I won't start a routine/);
  expect(turn.speech).toMatch(WHY_OFFER);
  expect(turn.speech.match(/\?/g)).toHaveLength(1);
  expect(turn.ended).toBe(false);
  expect(turn.speech).not.toMatch(/Shall I start|guide you through|not medical advice/);
  if (reasonEscalates(trigger)) expect(turn.speech).toContain(ssmlToText(t('safety.care.call')));
}

/** Asserts `turn` (the answer to "why" or "yes") gives the reason; an emergency then closes. */
export function expectReason(turn: Turn, trigger: RedFlag | Condition): void {
  expect(turn.speech.startsWith(reasonOf(trigger))).toBe(true);
  const emergency = triage(trigger).care === 'emergency';
  expect(turn.ended).toBe(emergency);
  if (!emergency) expect(turn.speech.match(/\?/g)).toHaveLength(1);
}
