/**
 * A request in a language the skill does not speak gets one short English answer saying so, and the
 * session ends: never a crash, never a half-English conversation. English markets the skill has no
 * words of their own for (en-NZ) are still served, in the neutral English base.
 */
import { SUPPORTED_LOCALES, speaksLanguageOf } from '../../lambda/src/i18n';
import { newConversation } from '../support/skill';

const NOT_YET = /^Sorry, Pressure Point Guide doesn't speak this language yet\./;

describe('a locale the skill does not speak', () => {
  it.each(['ja-JP', 'it-IT', 'pt-BR', 'hi-IN', 'ar-SA'])(
    '%s: a short English answer, and the session ends',
    async (locale) => {
      const { talk } = newConversation({ locale });
      for (const turn of [await talk.launch(), await talk.say('FindPointIntent', { point: 'BL23' })]) {
        expect(turn.speech).toMatch(NOT_YET);
        expect(turn.speech.split(/\s+/).length).toBeLessThan(35);
        expect(turn.ended).toBe(true);
      }
    },
  );

  it('a session ending in such a locale is answered quietly, as any session end is', async () => {
    const { talk } = newConversation({ locale: 'ja-JP' });
    const turn = await talk.end();
    expect(turn.speech).toBe('');
  });

  it('an odd locale value is no crash: an empty or malformed one is the default market', async () => {
    for (const locale of ['', '-', 'en_gb', '<speak>', 'e'.repeat(500)]) {
      const turn = await newConversation({ locale }).talk.launch();
      expect(turn.speech).not.toMatch(NOT_YET);
      expect(turn.speech).toMatch(/^Welcome/);
    }
  });

  it('every supported market is spoken once its language has content, and English always', () => {
    expect(speaksLanguageOf('en-NZ')).toBe(true);
    expect(speaksLanguageOf('ja-JP')).toBe(false);
    for (const locale of SUPPORTED_LOCALES.filter((l) => l.startsWith('en-')))
      expect(speaksLanguageOf(locale)).toBe(true);
  });
});
