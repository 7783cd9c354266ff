/**
 * A small, deterministic stand-in for Alexa's language understanding, driven only by the skill's own
 * interaction model: typed text is matched against every sample utterance (slots capture words),
 * slot words are checked against their slot type, and built-in intents get their common phrasings.
 * What matches nothing goes to AMAZON.FallbackIntent, as on Alexa.
 */
import { resolveSlotValue, type InteractionModelJson, type ModelSlotType } from './envelope';
import { alexaTimeValue } from './time-slot';
import { catalogueFor } from '../lambda/src/core/catalogue';
import { scoreReaderFor, type ScoreReader } from '../lambda/src/core/progress/score';

/** Common phrasings of Amazon's built-in intents (their samples live inside Alexa, not in the model). */
export const BUILT_IN_PHRASES: Record<string, string[]> = {
  'AMAZON.StopIntent': [
    'stop',
    'stop it',
    'exit',
    'quit',
    'goodbye',
    'bye',
    'shut up',
    'off',
    "that's enough",
    'enough',
  ],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it'],
  'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can you do'],
  'AMAZON.YesIntent': [
    'yes',
    'yeah',
    'yep',
    'yes please',
    'sure',
    'ok',
    'okay',
    'please do',
    'go ahead',
    'alright',
  ],
  'AMAZON.NoIntent': ['no', 'nope', 'no thanks', 'no thank you', 'not now', 'nah'],
  'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'say that again', 'again', 'what did you say', 'pardon'],
  'AMAZON.NavigateHomeIntent': ['home', 'go home', 'main menu', 'start page'],
  'AMAZON.PauseIntent': ['pause', 'hold on', 'wait', 'pause the routine', 'hang on'],
  'AMAZON.ResumeIntent': ['resume', 'carry on', 'unpause', 'keep going', 'continue the routine'],
  'AMAZON.NextIntent': [
    'next',
    'continue',
    'go on',
    'skip ahead',
    'next one',
    "i'm ready",
    'im ready',
    'ready',
    'next step',
  ],
  'AMAZON.PreviousIntent': ['previous', 'go back', 'back', 'previous one', 'last one', 'previous step'],
  'AMAZON.StartOverIntent': ['start over', 'restart', 'start again', 'from the beginning', 'begin again'],
  'AMAZON.ShuffleOffIntent': [],
};

/** What a device would send for typed words: a launch ("open pressure point guide") or an intent. */
export type Interpreted =
  { type: 'LaunchRequest' } | { type: 'IntentRequest'; intent: string; slots: Record<string, string> };

export interface Understood {
  intent: string;
  /** Slot name → the words the user used for it. */
  slots: Record<string, string>;
}

interface CompiledSample {
  intent: string;
  regex: RegExp;
  slotNames: string[];
  literalLength: number;
  /** A sample of the skill's own model, rather than a phrasing Alexa knows for a built-in intent. */
  own: boolean;
}

function clean(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}' {}-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Understands typed text using one interaction model. Compile once, call for every utterance. */
export class ModelMatcher {
  private readonly samples: CompiledSample[] = [];
  private readonly slotTypes = new Map<string, string>();
  private readonly types = new Map<string, ModelSlotType>();
  /** "open pressure point guide", "alexa, launch pressure point guide", "pressure point guide". */
  private readonly launch: RegExp;
  /** "alexa, ask pressure point guide (to|about|if)" before a one-shot request. */
  private readonly oneShot: RegExp;

  /** Numbers in the model's language ("sechs", "six et demi") fill AMAZON.NUMBER as on Alexa. */
  private readonly scores: ScoreReader;

  constructor(model: InteractionModelJson, locale = 'en-US') {
    this.scores = scoreReaderFor(catalogueFor(locale).spoken);
    const { intents, types = [], invocationName } = model.interactionModel.languageModel;
    const invocation = escapeRegex(clean(invocationName)).replace(/ /g, '\\s*');
    this.launch = new RegExp(
      `^(alexa )?((open|launch|start|begin|run|load|use|talk to|ask|tell)( the)? )?${invocation}( skill)?( please)?$`,
    );
    this.oneShot = new RegExp(
      `^(alexa )?(ask|tell|use|open) ${invocation} (to |about |if |whether |for |and )?`,
    );
    for (const type of types) this.types.set(type.name, type);
    for (const intent of intents) {
      for (const slot of intent.slots ?? []) this.slotTypes.set(`${intent.name}.${slot.name}`, slot.type);
      for (const sample of intent.samples ?? []) this.samples.push(this.compile(intent.name, sample, true));
      for (const sample of BUILT_IN_PHRASES[intent.name] ?? [])
        this.samples.push(this.compile(intent.name, sample, false));
    }
  }

  private compile(intent: string, sample: string, own: boolean): CompiledSample {
    const slotNames: string[] = [];
    const parts = clean(sample).split(/(\{\w+\})/);
    let literalLength = 0;
    const pattern = parts
      .map((part) => {
        const slot = /^\{(\w+)\}$/.exec(part);
        if (slot) {
          slotNames.push(slot[1]);
          return '(.+?)';
        }
        literalLength += part.trim().length;
        return escapeRegex(part).replace(/ /g, '\\s*');
      })
      .join('');
    return { intent, regex: new RegExp(`^${pattern}$`), slotNames, literalLength, own };
  }

  /** The request a device would send for these words: a launch, or an intent with its slot words. */
  interpret(text: string): Interpreted {
    if (this.launch.test(clean(text))) return { type: 'LaunchRequest' };
    return { type: 'IntentRequest', ...this.understand(text) };
  }

  /** The intent and slot words for what was typed. */
  understand(text: string): Understood {
    const input = clean(text).replace(this.oneShot, '');
    let best: { score: number; understood: Understood } | undefined;
    for (const sample of this.samples) {
      const match = sample.regex.exec(input);
      if (!match) continue;
      const slots: Record<string, string> = {};
      // The skill's own sample wins a tie with a built-in phrasing ("continue" as GoOnIntent, not next).
      let score = sample.literalLength + (sample.own ? 0.5 : 0);
      let fits = true;
      sample.slotNames.forEach((name, i) => {
        const words = match[i + 1].trim();
        slots[name] = words;
        const typeName = this.slotTypes.get(`${sample.intent}.${name}`) ?? '';
        // AMAZON.TIME fills only with words that are a time (a lone number only beside the sample's own words).
        if (typeName === 'AMAZON.TIME') {
          if (alexaTimeValue(words, sample.literalLength > 0)) score += 1000;
          else fits = false;
          return;
        }
        const type = this.types.get(typeName);
        // A slot whose words are a known value is a far better match than one that merely captured words.
        if (type) score += resolveSlotValue(type, words) ? 1000 : -500;
        // AMAZON.NUMBER fills only with a number ("six", "6", "minus two", "six and a half").
        else if (typeName === 'AMAZON.NUMBER') score += this.scores.isNumberPhrase(words) ? 1000 : -500;
      });
      if (!fits) continue;
      // A sample that is only a slot ("{point}") matches anything, so it counts only with a known value.
      if (sample.literalLength === 0 && score < 0) continue;
      if (!best || score > best.score) best = { score, understood: { intent: sample.intent, slots } };
    }
    if (best) return best.understood;
    return { intent: 'AMAZON.FallbackIntent', slots: {} };
  }
}
