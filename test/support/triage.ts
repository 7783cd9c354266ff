/**
 * What the urgent-care answer must be (issue 13 item 4, section 4 of the domain reference), shared
 * by the safety and voice tests: the first answer is the market's care line first (an emergency:
 * call the emergency number now), that no routine will start, and one question, "Want to know
 * why?"; where the catalogue's reason itself escalates ("call emergency services now"), the first
 * answer already says it with the market's number. The reason comes on "why", "yes" or "tell me
 * more"; after an emergency's reason the session closes.
 */
import { triage, type Condition, type RedFlag } from '../../lambda/src/core/safety';
import { englishRules } from '../../lambda/src/core/safety/rules';
import { translatorFor } from '../../lambda/src/i18n';
import { careSentence } from '../../lambda/src/speech/safety';
import { ssmlToText } from '../../lambda/src/speech/ssml';
import type { Turn } from './conversation';

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A template of the locale's own safety text as plain words, with its placeholders left empty. */
const bare = (locale: string, key: string): string =>
  plain(ssmlToText(translatorFor(locale)(key, { care: '', escalation: '', why: '' })));

/** "Want to know why?" in the locale's language (its `safety.triage.clinicianShort` without the care line), at the end. */
export function whyOffer(locale = 'en-US'): RegExp {
  return new RegExp(`${escapeRegex(bare(locale, 'safety.triage.clinicianShort'))}$`);
}

export const WHY_OFFER = whyOffer('en-US');

/**
 * The words that say no routine will start, in the locale's language: the triage template for the
 * trigger's care ("Please don't use acupressure for this, and I won't start a routine.") without
 * its care line, escalation and question.
 */
function noRoutineWords(locale: string, trigger: RedFlag | Condition, escalates: boolean): string {
  const { care } = triage(trigger);
  const key = care === 'emergency' ? 'emergency' : escalates ? 'urgentEscalated' : 'urgent';
  const offer = bare(locale, 'safety.triage.clinicianShort');
  const sentence = bare(locale, `safety.triage.${key}`);
  return plain(sentence.endsWith(offer) ? sentence.slice(0, -offer.length) : sentence);
}

/** The sentences that offer a routine, in the locale's language (up to the routine's name). */
export function routineOffers(locale: string): string[] {
  const t = translatorFor(locale);
  const before = (key: string, name: string) =>
    plain(ssmlToText(t(key, { [name]: '\u0000' })).split('\u0000')[0]);
  return [
    before('safety.statement.offerRoutine', 'routine'),
    before('find.needOfferRoutine', 'routine'),
    plain(ssmlToText(t('safety.statement.offerBreathing'))),
  ].filter((s) => s !== '');
}

/** Sentences an urgent-care answer never has, in the locale's language: a routine offered, the first-use note. */
function offersOrNotes(locale: string): string[] {
  const t = translatorFor(locale);
  return [
    ...routineOffers(locale),
    plain(ssmlToText(t('common.firstUseNote'))),
    plain(ssmlToText(t('common.notMedicalAdvice'))),
  ].filter((s) => s !== '');
}

/** True when the trigger's care is urgent care or an emergency (the ones answered with the offer). */
export const offersWhy = (trigger: RedFlag | Condition): boolean =>
  ['emergency', 'urgent'].includes(triage(trigger).care);

/** The catalogue's reason, as heard. */
export const reasonOf = (trigger: RedFlag | Condition): string => plain(triage(trigger).why);

/**
 * A reason that calls for an emergency in some cases, while the trigger's own care is same-day. The
 * fact is the same in every language, so it is read from the English entry of the same id.
 */
export const reasonEscalates = (trigger: RedFlag | Condition): boolean => {
  const english = englishRules.getRedFlag(trigger.id) ?? englishRules.getCondition(trigger.id) ?? trigger;
  return triage(trigger).care !== 'emergency' && /emergency services/.test(triage(english).why);
};

/** Asserts `turn` is the one-breath urgent-care answer for `trigger` in `locale`. */
export function expectUrgentCareFirst(turn: Turn, trigger: RedFlag | Condition, locale = 'en-US'): void {
  const t = translatorFor(locale);
  const { care } = triage(trigger);
  const careLine = ssmlToText(careSentence(t, care));
  expect({ id: trigger.id, opens: turn.speech.slice(0, careLine.length) }).toEqual({
    id: trigger.id,
    opens: careLine,
  });
  const escalation = t(`safety.triage.escalation.${trigger.id}`, { defaultValue: '' }) !== '';
  expect(turn.speech).toContain(noRoutineWords(locale, trigger, escalation));
  expect(turn.speech).toMatch(whyOffer(locale));
  expect(turn.speech.match(/\?/g)).toHaveLength(1);
  expect(turn.ended).toBe(false);
  for (const sentence of offersOrNotes(locale)) expect(turn.speech).not.toContain(sentence);
  if (locale.startsWith('en-'))
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
