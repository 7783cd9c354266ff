/**
 * A reminder's time is said on the clock its language uses: English says "9 p.m.", German, Spanish
 * and French count the hours to 24 ("21 Uhr"), so the hour given to their sentence is 21, not 9.
 */
import { translatorFor } from '../../lambda/src/i18n';
import { spokenTime } from '../../lambda/src/speech/reminders';

describe('a reminder time in words', () => {
  it('is the 12-hour form with its period in English', () => {
    const t = translatorFor('en-US');
    expect(spokenTime(t, { hour: 21, minute: 0 })).toBe('9 p.m.');
    expect(spokenTime(t, { hour: 8, minute: 30 })).toBe('8:30 a.m.');
    expect(spokenTime(t, { hour: 12, minute: 0 })).toBe(t('reminders.clock.noon'));
  });

  it.each(['de-DE', 'es-ES', 'fr-FR'])('gives %s the hour on a 24-hour clock', (locale) => {
    const t = translatorFor(locale);
    expect(spokenTime(t, { hour: 21, minute: 0 })).toMatch(/(^|\D)21(\D|$)/);
    expect(spokenTime(t, { hour: 21, minute: 15 })).toMatch(/(^|\D)21(\D)+15(\D|$)/);
    expect(spokenTime(t, { hour: 21, minute: 0 })).not.toMatch(/(^|\D)9(\D|$)/);
    expect(spokenTime(t, { hour: 8, minute: 0 })).toMatch(/(^|\D)8(\D|$)/);
  });
});
