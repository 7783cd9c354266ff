import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { routines } from '../../../lambda/src/core/catalogue';
import { planRoutine } from '../../../lambda/src/core/routine/plan';
import {
  estimateSpeechMs,
  LANGUAGE_WORD_FACTOR,
  MS_PER_WORD,
  estimateTextMs,
  spokenNumberWords,
} from '../../../lambda/src/core/routine/speaking-rate';
import { allTurns } from '../../../lambda/src/core/routine/timeline';
import { PACE_RATE, type Pace } from '../../../lambda/src/core/routine/voice';
import type { Routine } from '../../../lambda/src/core/types';
import { ssmlToText } from '../../../lambda/src/speech/ssml';
import { say } from './fixtures';

describe('the speaking-rate model', () => {
  it('counts numbers as the words Alexa says', () => {
    expect([7, 19, 20, 23, 40, 52, 100, 120, 1500].map(spokenNumberWords)).toEqual([
      1, 1, 1, 2, 1, 2, 2, 3, 4,
    ]);
    // "B L 52" is four spoken words: bee, ell, fifty, two.
    expect(estimateTextMs('B L 52')).toBe(estimateTextMs('one two three four'));
  });

  it('adds pauses for commas and sentence ends, and nothing for empty text', () => {
    expect(estimateTextMs('')).toBe(0);
    expect(estimateTextMs('press now')).toBe(2 * 270);
    expect(estimateTextMs('press, now.')).toBe(2 * 270 + 350 + 350);
    expect(estimateTextMs('Press. Now.')).toBe(2 * 270 + 700 + 350);
    expect(estimateTextMs('Halfway. Keep going. Nearly there!')).toBeGreaterThan(
      estimateTextMs('Halfway keep going nearly there'),
    );
  });

  it('reads SSML: tags are silent, breaks take exactly their time, entities are one character', () => {
    expect(estimateSpeechMs('<speak><break time="2s"/></speak>')).toBe(2000);
    expect(estimateSpeechMs('Breathe in.<break time="1500ms"/>')).toBe(estimateTextMs('Breathe in.') + 1500);
    expect(estimateSpeechMs('<emphasis>Will&apos;s Chamber</emphasis>')).toBe(
      estimateTextMs("Will's Chamber"),
    );
  });

  it('speaks instructions at about 170 words a minute, pauses included', () => {
    // 170 words in sentences of 15 words with one comma each.
    const sentence = `${Array.from({ length: 7 }, () => 'word').join(' ')}, ${Array.from({ length: 8 }, () => 'word').join(' ')}.`;
    const ms = estimateTextMs(Array.from({ length: 170 / 15 }, () => sentence).join(' '));
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThan(65_000);
  });
});

// The model against a real speech synthesiser at 150 words a minute (espeak-ng, a Debian package
// installed by .ci/run). The property that matters: cues spoken inside a hold take about as long as
// the model says, so every hold's real length stays within a second of the plan.
const espeak = (() => {
  try {
    execFileSync('espeak-ng', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
(espeak ? describe : describe.skip)('against espeak-ng at 150 words a minute', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'speaking-rate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cache = new Map<string, number>();
  /** The cue as espeak-ng says it, at the `<prosody rate>` it carries (the pace), if any. */
  function spokenMs(ssml: string): number {
    const text = ssmlToText(ssml);
    const rate = /<prosody rate="(\d+%)">/.exec(ssml)?.[1];
    const key = `${rate ?? ''}|${text}`;
    const known = cache.get(key);
    if (known !== undefined) return known;
    const file = path.join(dir, 'cue.wav');
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    execFileSync(
      'espeak-ng',
      rate
        ? ['-m', '-s', '150', '-w', file, `<speak><prosody rate="${rate}">${escaped}</prosody></speak>`]
        : ['-s', '150', '-w', file, text],
    );
    const wav = readFileSync(file);
    // 16-bit mono PCM; the sample rate is in the header.
    const ms = ((wav.length - 44) / 2 / wav.readUInt32LE(24)) * 1000;
    cache.set(key, ms);
    return ms;
  }

  const paces: Pace[] = ['normal', 'slow', 'fast'];
  const cases = routines.flatMap((r) => paces.map((pace) => [r.id, pace] as [string, Pace]));
  const planAt = (routine: Routine, pace: Pace) => planRoutine(routine, { voice: { pace, cues: 'full' } });

  // At the normal pace a hold is within ±1 s of its plan. Said slowly, every cue takes 1/rate as long,
  // and so does the model's error on its words: the same accuracy is ±1 s ÷ rate (±1.25 s at 80 %,
  // and still ±1 s when faster).
  const toleranceMs = (pace: Pace) => 1000 / Math.min(1, Number.parseInt(PACE_RATE[pace] ?? '100%') / 100);

  it.each(cases)('%s at the %s pace: every hold is its planned length within ±1 s ÷ rate', (id, pace) => {
    const plan = planAt(
      routines.find((r) => r.id === id)!,
      pace,
    );
    for (const turn of allTurns(plan, say)) {
      let offset = 0;
      const cueStarts = turn.items.map((item) => {
        const start = offset;
        offset += item.ms;
        return start;
      });
      for (const step of turn.steps) {
        const holdEnd = step.holdStartMs + step.holdMs;
        let errorMs = 0;
        turn.items.forEach((item, i) => {
          const start = cueStarts[i];
          if (item.type === 'speech' && start >= step.holdStartMs && start < holdEnd) {
            errorMs += spokenMs(item.ssml) - item.ms;
          }
        });
        expect(Math.abs(errorMs)).toBeLessThanOrEqual(toleranceMs(pace));
      }
    }
  });

  it.each(paces)('estimates all the routine cues at the %s pace within 15 %% of the synthesiser', (pace) => {
    let estimated = 0;
    let spoken = 0;
    for (const routine of routines) {
      for (const turn of allTurns(planAt(routine, pace), say)) {
        for (const item of turn.items) {
          if (item.type !== 'speech') continue;
          estimated += item.ms;
          spoken += spokenMs(item.ssml);
        }
      }
    }
    expect(estimated / spoken).toBeGreaterThan(0.85);
    expect(estimated / spoken).toBeLessThan(1.15);
  });
});

describe('speaking rate per language', () => {
  const cue = 'Press both sides at once with your thumbs, and breathe slowly.';

  it('English is the model as fitted; German and French run longer for the same words, Spanish a little', () => {
    const english = estimateSpeechMs(cue);
    expect(estimateSpeechMs(cue, 'en')).toBe(english);
    expect(estimateSpeechMs(cue, 'en-GB')).toBe(english);
    expect(estimateSpeechMs(cue, 'de-DE')).toBeGreaterThan(estimateSpeechMs(cue, 'es-ES'));
    expect(estimateSpeechMs(cue, 'fr-FR')).toBeGreaterThan(english);
    expect(estimateSpeechMs(cue, 'es-MX')).toBeGreaterThan(english);
    // Only the words scale: pauses are the same length in every language.
    const words = 11 * MS_PER_WORD;
    expect(estimateSpeechMs(cue, 'de')).toBe(english - words + Math.round(words * LANGUAGE_WORD_FACTOR.de));
  });

  it('a language without a factor is timed as English', () => {
    expect(estimateSpeechMs(cue, 'ja-JP')).toBe(estimateSpeechMs(cue));
  });

  it('a routine turn is timed in its phrasebook’s language', () => {
    const ssml = '<speak>Halfway.</speak>';
    expect(estimateSpeechMs(ssml, 'de')).toBeGreaterThan(estimateSpeechMs(ssml));
  });
});
