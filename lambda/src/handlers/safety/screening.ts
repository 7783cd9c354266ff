/**
 * The pre-routine safety question (section 4's short screen), in at most three groups: history
 * (pregnancy, cancer), nerve signs (numbness or weakness in both legs or between them, a bladder or
 * bowel change), and fever or a fall. What the user already told the skill this session is not
 * asked again.
 */
import type { HandlerInput } from 'ask-sdk-core';
import type { ScreenedStart } from '../../state/session';
import { tr } from '../input';
import { asksAboutEitherLeg } from './diagnosis';
import { readSafety } from './state';

export function screeningQuestion(
  h: HandlerInput,
  then?: ScreenedStart,
): { speech: string; reprompt: string } {
  const t = tr(h);
  const known = readSafety(h).conditions;
  const history = known.includes('pregnancy') ? t('safety.screen.cancer') : t('safety.screen.history');
  return {
    speech: `${t('safety.screen.lead')} ${t('safety.screen.question', { history, signs: asksAboutEitherLeg(then) ? t('safety.screen.signsAnyLeg') : t('safety.screen.signs'), other: t('safety.screen.other') })}`,
    reprompt: t('safety.screen.reprompt'),
  };
}
