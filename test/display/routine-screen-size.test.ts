/**
 * Alexa refuses a response over 24 KB. A routine turn on a screen device carries the spoken turn
 * (APL for Audio) and a screen with a diagram per body view; a turn whose holds span several views
 * used to reach 29.7 KB. Every turn of every routine, with and without a condition that adjusts it,
 * now fits, and keeps its screen (diagrams on as many first pages as fit).
 */
import { routines } from '../../lambda/src/core/catalogue';
import { Conversation } from '../support/conversation';
import { newConversation } from '../support/skill';

const LIMIT = 24 * 1024;
const screen = { screen: true };

async function walk(talk: Conversation, first: Awaited<ReturnType<Conversation['utter']>>) {
  const turns = [first];
  let turn = first;
  for (let i = 0; i < 20 && !turn.ended && turn.apla; i++) {
    turn = await talk.wait(1).utter('skip this point');
    turns.push(turn);
  }
  return turns;
}

describe('routine turns on a screen device stay within 24 KB', () => {
  it.each(routines.flatMap((r) => [[r.id, ''] as const, [r.id, 'I take blood thinners'] as const]))(
    '%s routine %s',
    async (id, statement) => {
      const { talk } = newConversation({ device: screen });
      if (statement) await talk.utter(statement);
      talk.wait(1);
      const asked = await talk.utter(`start the ${id} routine`);
      // The disc routine first asks whether a clinician diagnosed the problem (section 6.4).
      if (/Has one diagnosed yours\?$/.test(asked.speech)) await talk.utter('yes');
      const first = await talk.utter('no');
      const turns = await walk(talk, first);
      let screens = 0;
      for (const turn of turns) {
        expect(Buffer.byteLength(JSON.stringify(turn.envelope), 'utf8')).toBeLessThanOrEqual(LIMIT);
        if (turn.directives.some((d) => d.type === 'Alexa.Presentation.APL.RenderDocument')) screens++;
      }
      expect(screens).toBeGreaterThan(0);
    },
  );
});
