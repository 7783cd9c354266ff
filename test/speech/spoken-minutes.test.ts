/** "About … minutes" in each language: the half minute where that language says it, plural-aware. */
import { translatorFor } from '../../lambda/src/i18n';
import { routineOpening, spokenMinutes } from '../../lambda/src/speech/routine-cues';

describe.each([
  ['en-US', 7.5, '7 and a half minutes'],
  ['en-US', 5, '5 minutes'],
  ['en-US', 1, '1 minute'],
  ['fr-FR', 7.5, '7 minutes et demie'],
  ['fr-FR', 1.5, 'une minute et demie'],
  ['fr-FR', 5, '5 minutes'],
  ['de-DE', 7.5, '7 einhalb Minuten'],
  ['de-DE', 1.5, 'eineinhalb Minuten'],
  ['de-DE', 1, '1 Minute'],
  ['es-ES', 7.5, '7 minutos y medio'],
  ['es-MX', 1.5, 'un minuto y medio'],
  ['es-US', 6, '6 minutos'],
])('%s, %s minutes', (locale, minutes, said) => {
  const t = translatorFor(locale);
  it(`is "${said}"`, () => {
    expect(spokenMinutes(t, minutes)).toBe(said);
  });
  it('is said once in the routine opening, with no second word for minutes and no decimal comma', () => {
    const opening = routineOpening(t, { name: 'x', approxMinutes: minutes })[0];
    expect(opening).toContain(said);
    expect(opening.match(/minut/gi)).toHaveLength(1);
    expect(opening).not.toMatch(/\d,5/);
  });
});
