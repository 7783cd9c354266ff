/**
 * The pre-routine safety question (section 4's short screen), in at most three groups: history
 * (pregnancy, cancer), nerve signs (numbness or weakness in both legs or between them, a bladder or
 * bowel change), and fever or a fall. What the user already told the skill this session is not
 * asked again. A user who has started a routine before (`returning`) hears it as one line about
 * what may be new since last time.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { ScreenedStart } from '../conversation';
import { translatorOf } from '../input';
import { screeningSpeech } from '../../speech/safety';
import { asksAboutEitherLeg } from './diagnosis';
import { readSafety } from './health-profile';

export function screeningQuestion(
  h: HandlerInput,
  then?: ScreenedStart,
  returning = false,
): { speech: string; reprompt: string } {
  return screeningSpeech(translatorOf(h), {
    pregnancyKnown: readSafety(h).conditions.includes('pregnancy'),
    eitherLeg: asksAboutEitherLeg(then),
    returning,
  });
}
