/**
 * How a whole routine sounds through the real skill, played start to end with "next": the cues vary,
 * no sentence comes twice in a row, and the speaker is never silent for more than 25 s.
 */
import { routines } from '../../lambda/src/core/catalogue';
import { estimateSpeechMs } from '../../lambda/src/core/routine/speaking-rate';
import type { AplaDirective } from '../../lambda/src/speech/apla';
import { ssmlToText } from '../../lambda/src/speech/ssml';
import type { Conversation, Turn } from '../support/conversation';
import { askForRoutine, routineOver, routineState } from '../support/routine';
import { newConversation } from '../support/skill';

/** Plays a routine through: start it, then lie still through each turn and say "next". */
async function playThrough(talk: Conversation, routineId: string): Promise<Turn[]> {
  const turns = [await askForRoutine(talk, routineId)];
  for (let n = 0; !routineOver(talk) && n < 20; n++) {
    talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 3);
    turns.push(await talk.utter('next'));
  }
  expect(routineOver(talk)).toBe(true);
  return turns;
}

/** What an APLA turn plays, in order: each spoken piece's sentences, and silences. */
function played(apla: AplaDirective): Array<{ text: string } | { silenceMs: number }> {
  return apla.document.mainTemplate.item.items.map((c) =>
    c.type === 'Speech' ? { text: ssmlToText(c.content) } : { silenceMs: c.duration },
  );
}

const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

describe.each(routines.map((r) => [r.id]))('the %s routine played through the skill', (id) => {
  it('never says one sentence twice in a row, and is never silent for more than 25 s', async () => {
    const { talk } = newConversation();
    const turns = await playThrough(talk, id);
    let previous: string[] = [];
    let silence = 0;
    let longest = 0;
    const counts = new Map<string, number>();
    for (const turn of turns) {
      expect(turn.apla).toBeDefined();
      for (const piece of played(turn.apla!)) {
        if ('silenceMs' in piece) {
          silence += piece.silenceMs;
          longest = Math.max(longest, silence);
          continue;
        }
        silence = 0;
        const now = sentences(piece.text);
        expect({ said: piece.text, again: now.filter((s) => previous.includes(s)) }).toEqual({
          said: piece.text,
          again: [],
        });
        for (const s of now) counts.set(s, (counts.get(s) ?? 0) + 1);
        previous = now;
      }
      silence = 0;
    }
    expect(longest).toBeLessThanOrEqual(25_000);
    expect(longest).toBeGreaterThan(0);
    // "Halfway", "release" and the breath cues each recur; none is one sentence said over and over.
    const breathCue = [...counts].filter(([s]) => /breath|breathe/.test(s) && !/^rest your hands/.test(s));
    expect(breathCue.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...[...counts.values()])).toBeLessThanOrEqual(4);
  });
});

describe('a long hold through the skill', () => {
  it('keeps the 2-minute hold of B L 23 timed while a breath cue comes at least every 25 s', async () => {
    const { talk } = newConversation();
    await askForRoutine(talk, 'general');
    talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 3);
    const turn = await talk.utter('next');
    const window = routineState(talk)!.turn!.windows[0];
    expect(window.holdMs).toBe(120_000);
    let at = 0;
    const inHold: Array<{ at: number; text: string }> = [];
    for (const c of turn.apla!.document.mainTemplate.item.items) {
      if (c.type === 'Speech' && at >= window.holdStartMs && at < window.holdStartMs + window.holdMs) {
        inHold.push({ at, text: ssmlToText(c.content) });
      }
      at += c.type === 'Speech' ? estimateSpeechMs(c.content) : c.duration;
    }
    expect(inHold.length).toBeGreaterThanOrEqual(4);
    expect(new Set(inHold.map((c) => c.text)).size).toBe(inHold.length);
    expect(inHold.some((c) => /Sea of Vitality/.test(c.text))).toBe(true);
    expect(inHold.map((c) => c.text).join(' ')).not.toMatch(/B L 23/);
  });
});

/** The minutes the opening announces ("about 4 and a half minutes" → 4.5). */
function announced(speech: string): number {
  const said = /It takes about (\d+)( and a half)? minutes/.exec(speech);
  if (!said) throw new Error(`no announced length in: ${speech}`);
  return Number(said[1]) + (said[2] ? 0.5 : 0);
}

describe('"about N minutes" is what the routine plays, talk included', () => {
  it.each(
    routines.flatMap((r) =>
      [
        ['as written', []],
        ['shorter holds', ['make the holds shorter', 'make the holds shorter']],
        ['longer holds', ['make the holds longer', 'make the holds longer']],
      ].map(([how, asks]) => [r.id, how as string, asks as string[]] as const),
    ),
  )('the %s routine, %s: announced within 10 %% of what it plays', async (id, _how, asks) => {
    const { talk } = newConversation();
    for (const words of asks) await talk.utter(words);
    const first = await askForRoutine(talk, id);
    const scale = routineState(talk)!.plan.holdScale;
    expect(scale).toBe(asks.length === 0 ? 1 : asks[0].includes('shorter') ? 0.5 : 1.5);
    let playedMs = routineState(talk)!.turn!.totalMs;
    for (let n = 0; !routineOver(talk) && n < 20; n++) {
      talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 3);
      await talk.utter('next');
      playedMs += routineState(talk)!.turn!.totalMs;
    }
    expect(routineOver(talk)).toBe(true);
    const minutes = announced(first.speech);
    expect({ minutes, error: Math.abs(minutes * 60_000 - playedMs) / playedMs <= 0.1 }).toEqual({
      minutes,
      error: true,
    });
  });
});

describe('"about N minutes" after the safety gate changed the routine', () => {
  it.each([
    ['I take blood thinners', 'general'],
    ["I'm pregnant", 'general'],
  ])('"%s", then the %s routine: the adjusted routine is announced as it plays', async (health, id) => {
    const { talk } = newConversation();
    await talk.utter(health);
    const first = await askForRoutine(talk, id);
    let playedMs = routineState(talk)!.turn!.totalMs;
    for (let n = 0; !routineOver(talk) && n < 20; n++) {
      talk.wait(routineState(talk)!.turn!.totalMs / 1000 + 3);
      await talk.utter('next');
      playedMs += routineState(talk)!.turn!.totalMs;
    }
    const minutes = announced(first.speech);
    expect(Math.abs(minutes * 60_000 - playedMs) / playedMs).toBeLessThanOrEqual(0.1);
  });
});

describe('more cues in a turn still fit one response', () => {
  it.each(
    routines.flatMap((r) =>
      [
        ['shorter holds', 'make the holds shorter'],
        ['longer holds', 'make the holds longer'],
      ].map(([how, words]) => [r.id, how, words] as const),
    ),
  )('the %s routine with %s, on a screen device: every response within 24 KB', async (id, _how, words) => {
    const { talk } = newConversation({ device: { screen: true } });
    await talk.utter(words);
    await talk.utter(words);
    const turns = await playThrough(talk, id);
    for (const turn of turns) {
      expect(Buffer.byteLength(JSON.stringify(turn.envelope), 'utf8')).toBeLessThanOrEqual(24 * 1024);
    }
  });
});
