/**
 * The voice guidance's "share of a corpus understood in each routine state": every phrase of the
 * control corpus (data/phrasings/en-US/controls.json), through the committed model (the simulator's
 * matcher) and the real skill, from a hold playing, paused, between steps, after the routine, and
 * with none. A phrase counts as understood when it reaches its action's intent and the skill does
 * not answer it with a fallback. test/handlers/controls-corpus.test.ts checks what each one does.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import controls from '../../data/phrasings/en-US/controls.json';
import type { RoutineState } from '../../lambda/src/core/routine/progress';
import { buildSkill } from '../../lambda/src/skill';
import { intentRequest, launchRequest, type EnvelopeOptions } from '../../simulator/envelope';
import { ModelMatcher } from '../../simulator/nlu';
import { readModel } from '../generate-model';
import type { BenchSection } from './index';

type State = 'playing' | 'paused' | 'between' | 'finished' | 'none';
/** The fallback's wordings (controls.fallback and common.fallback in i18n/en). */
const FALLBACK = /didn't catch|missed that|still didn't get|Sorry\. Say|Say resume, next, or stop\./;

export async function run(): Promise<BenchSection> {
  process.env.LOG_LEVEL ??= 'silent';
  const model = readModel();
  const matcher = new ModelMatcher(model);
  const skill = buildSkill();

  /** A session: its attributes and clock, moved on by each answer. */
  class Talk {
    attributes: Record<string, unknown> = {};
    now = Date.parse('2026-11-25T08:00:00Z');
    private started = false;
    options(): EnvelopeOptions {
      return {
        sessionId: 's',
        newSession: !this.started,
        attributes: this.attributes,
        timestamp: new Date(this.now).toISOString(),
      };
    }
    async send(request: RequestEnvelope): Promise<ResponseEnvelope> {
      const response = await skill.invoke(request);
      this.started = true;
      this.attributes = (response.sessionAttributes ?? {}) as Record<string, unknown>;
      return response;
    }
    say(intent: string, slots: Record<string, string> = {}) {
      return this.send(intentRequest(model, intent, slots, this.options()));
    }
    utter(words: string) {
      const understood = matcher.understand(words);
      return this.say(understood.intent, understood.slots);
    }
    get routine(): RoutineState | undefined {
      return this.attributes.routine as RoutineState | undefined;
    }
    wait(seconds: number) {
      this.now += seconds * 1000;
    }
  }

  async function reach(state: State): Promise<Talk> {
    const talk = new Talk();
    await talk.send(launchRequest(talk.options()));
    if (state === 'none') return talk;
    await talk.utter('start the general routine');
    await talk.utter('no');
    const turnSeconds = () => talk.routine!.turn!.totalMs / 1000;
    if (state === 'finished') {
      while (talk.routine?.turn && talk.routine.turn.next < talk.routine.plan.steps.length) {
        talk.wait(turnSeconds() + 1);
        await talk.say('AMAZON.NextIntent');
      }
      talk.wait(turnSeconds() + 1);
    } else if (state === 'between') {
      talk.wait(turnSeconds() + 1);
    } else {
      talk.wait(turnSeconds() + 1);
      await talk.say('AMAZON.NextIntent');
      talk.wait(talk.routine!.turn!.windows[0].holdStartMs / 1000 + 10);
      if (state === 'paused') await talk.say('AMAZON.PauseIntent');
    }
    return talk;
  }

  const actions = Object.values(controls.actions);
  const phrases = actions.flatMap((a) => a.phrasings.map((p) => ({ phrase: p, intent: a.intent })));
  const figures: BenchSection['figures'] = [];
  for (const state of controls.states as State[]) {
    const start = await reach(state);
    let understood = 0;
    for (const { phrase, intent } of phrases) {
      const talk = new Talk();
      talk.attributes = structuredClone(start.attributes);
      talk.now = start.now;
      if (matcher.understand(phrase).intent !== intent) continue;
      const response = await talk.utter(phrase);
      const speech = response.response.outputSpeech;
      const ssml = speech && speech.type === 'SSML' ? speech.ssml : '';
      if (!FALLBACK.test(ssml)) understood += 1;
    }
    const share = (100 * understood) / phrases.length;
    figures.push({
      name: `control phrases understood, ${state} (${phrases.length})`,
      value: share,
      unit: '%',
      target: '100 %',
      ok: understood === phrases.length,
    });
  }
  return { title: `Controls understood in each routine state (${actions.length} actions)`, figures };
}
