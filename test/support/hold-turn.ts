/**
 * A fixed turn for the simulator's own tests (its clock, session handling, playback and screen),
 * where the skill's answers would change under them: one hold as APL for Audio, built by the
 * skill's own `timelineToApla`, and a minimal APL document that is not the skill's (the simulator
 * reads any document's text). The skill's real turns and screens are tested through `buildSkill`.
 */
import { SkillBuilders, type Skill } from 'ask-sdk-core';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';
import { estimateSpeechMs } from '../../lambda/src/core/routine/speaking-rate';
import type { TimelineItem } from '../../lambda/src/core/routine/timeline';
import { timelineToApla } from '../../lambda/src/speech/apla';

export const holdDisplay: interfaces.alexa.presentation.apl.RenderDocumentDirective = {
  type: 'Alexa.Presentation.APL.RenderDocument',
  token: 'hold',
  document: { type: 'APL', version: '2023.3', mainTemplate: { parameters: ['payload'], items: [] } },
  datasources: {
    hold: {
      title: 'Sea of Vitality, BL 23',
      step: 'Step 2 of 5',
      secondsLeft: 45,
      imageUrl: 'https://x/y.png',
    },
  },
};

/** "Press now.", a silence of `holdMs`, "Release.": a timeline sent the way the skill sends turns. */
export function holdAudio(holdMs: number): interfaces.alexa.presentation.apla.RenderDocumentDirective {
  const speech = (ssml: string): TimelineItem => ({ type: 'speech', ssml, ms: estimateSpeechMs(ssml) });
  const items = [speech('Press now.'), { type: 'silence', ms: holdMs } as const, speech('Release.')];
  return timelineToApla(
    items,
    'hold-audio',
  ) as unknown as interfaces.alexa.presentation.apla.RenderDocumentDirective;
}

/**
 * A skill that answers every request with "Step two." and the hold turn (and the display on a
 * screen device), ending the session as told; each request it gets is pushed to `received`.
 */
export function holdSkill(options: {
  shouldEndSession?: boolean;
  holdMs?: number;
  received?: RequestEnvelope[];
}): Skill {
  return SkillBuilders.custom()
    .addRequestHandlers({
      canHandle: () => true,
      handle(h) {
        options.received?.push(h.requestEnvelope);
        const builder = h.responseBuilder.speak('Step two.').addDirective(holdAudio(options.holdMs ?? 45000));
        if (h.requestEnvelope.context.System.device?.supportedInterfaces['Alexa.Presentation.APL'])
          builder.addDirective(holdDisplay);
        if (options.shouldEndSession !== undefined) builder.withShouldEndSession(options.shouldEndSession);
        return builder.getResponse();
      },
    })
    .create();
}
