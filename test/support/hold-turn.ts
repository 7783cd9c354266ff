/**
 * A hand-built guided-routine turn of the documented shapes (an APL for Audio Sequencer of Speech
 * and Silence, and an APL display document), and a real ask-sdk skill that answers with it. For
 * testing the simulator's playback and screen before the routines and display features exist.
 */
import { SkillBuilders, type Skill } from 'ask-sdk-core';
import type { interfaces, RequestEnvelope } from 'ask-sdk-model';

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

/** "Press now.", a silence of `holdMs`, "Release." */
export function holdAudio(holdMs: number): interfaces.alexa.presentation.apla.RenderDocumentDirective {
  return {
    type: 'Alexa.Presentation.APLA.RenderDocument',
    token: 'hold-audio',
    document: {
      type: 'APLA',
      version: '0.91',
      mainTemplate: {
        parameters: ['payload'],
        item: {
          type: 'Sequencer',
          items: [
            { type: 'Speech', content: 'Press now.' },
            { type: 'Silence', duration: holdMs },
            { type: 'Speech', content: 'Release.' },
          ],
        },
      },
    },
  };
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
