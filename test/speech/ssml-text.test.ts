/** The plain text of what the skill says: what screens show and what tests compare against. */
import { ssmlToText } from '../../lambda/src/speech/ssml';
import { translatorFor } from '../../lambda/src/i18n';

describe('ssmlToText', () => {
  it('keeps the space French writes before "?" and ":"', () => {
    expect(ssmlToText('Voulez-vous savoir pourquoi ? Oui : maintenant.')).toBe(
      'Voulez-vous savoir pourquoi ? Oui : maintenant.',
    );
  });

  it('drops the space a tag leaves before punctuation, and any space before "." or ","', () => {
    expect(
      ssmlToText(
        '<speak>Call <say-as interpret-as="telephone">911</say-as>. Now <break time="1s"/>?</speak>',
      ),
    ).toBe('Call 911. Now?');
    expect(ssmlToText('one ,  two\n three .')).toBe('one, two three.');
  });

  it('gives a French resource back as written, once its tags are gone', () => {
    const t = translatorFor('fr-FR');
    const unclear = t('safety.statement.unclear');
    expect(unclear).toMatch(/ \?$/);
    expect(ssmlToText(unclear)).toBe(unclear);
  });
});
