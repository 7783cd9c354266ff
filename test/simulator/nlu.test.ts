import { intentRequest, resolveSlotValue, type InteractionModelJson } from '../../simulator/envelope';
import { BUILT_IN_PHRASES, ModelMatcher } from '../../simulator/nlu';
import { SUGGESTIONS } from '../../simulator/page/suggestions';
import { model } from '../support/model';

const matcher = new ModelMatcher(model);
const { intents, types = [] } = model.interactionModel.languageModel;

/** Amazon's built-in slot types are not in the model: a value each, as Alexa would fill them. */
const BUILT_IN_TYPES: Record<string, string> = { 'AMAZON.NUMBER': '65', 'AMAZON.TIME': '9 pm' };

function slotType(intentName: string, slotName: string) {
  const intent = intents.find((i) => i.name === intentName);
  const typeName = intent?.slots?.find((s) => s.name === slotName)?.type;
  const builtIn = typeName ? BUILT_IN_TYPES[typeName] : undefined;
  if (builtIn) return { name: typeName ?? '', values: [{ name: { value: builtIn } }] };
  const type = types.find((t) => t.name === typeName);
  if (!type) throw new Error(`${intentName}.${slotName} has no slot type in the model`);
  return type;
}

/** Every sample of the model with its slots filled by the first value of their type. */
const samples = intents.flatMap((intent) =>
  (intent.samples ?? []).map((sample): [string, string, string, Record<string, string>] => {
    const slots: Record<string, string> = {};
    const filled = sample.replace(/\{(\w+)\}/g, (_m, name: string) => {
      slots[name] = slotType(intent.name, name).values[0].name.value;
      return slots[name];
    });
    return [intent.name, sample, filled, slots];
  }),
);

describe("the matcher understands typed words from the skill's own interaction model", () => {
  it('has samples to check', () => {
    expect(samples.length).toBeGreaterThan(50);
  });

  it.each(samples)('%s: "%s"', (intent, _sample, filled, slots) => {
    const understood = matcher.understand(filled);
    expect(understood.intent).toBe(intent);
    for (const [name, words] of Object.entries(slots))
      expect(understood.slots[name]?.toLowerCase()).toBe(words.toLowerCase());
  });

  it('resolves every slot value and synonym to its id, through every sample that carries the slot', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const intent of intents) {
      for (const sample of intent.samples ?? []) {
        const slotNames = [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        if (slotNames.length !== 1) continue;
        const [slot] = slotNames;
        const type = slotType(intent.name, slot);
        for (const value of type.values) {
          for (const spoken of [value.name.value, ...(value.name.synonyms ?? [])]) {
            checked++;
            const understood = matcher.understand(sample.replace(`{${slot}}`, spoken));
            const words = understood.slots[slot] ?? '';
            const request = intentRequest(model, understood.intent, understood.slots);
            const resolution = (
              request.request as {
                intent: {
                  slots: Record<
                    string,
                    {
                      resolutions?: {
                        resolutionsPerAuthority: Array<{ values?: Array<{ value: { id: string } }> }>;
                      };
                    }
                  >;
                };
              }
            ).intent.slots[slot]?.resolutions?.resolutionsPerAuthority[0]?.values?.[0]?.value.id;
            if (understood.intent !== intent.name || resolution !== value.id)
              failures.push(
                `"${sample}" with "${spoken}" → ${understood.intent} ${slot}="${words}" → ${resolution} (want ${value.id})`,
              );
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });

  it('gives every slot value its own id (no synonym belongs to two values)', () => {
    for (const type of types)
      for (const value of type.values)
        for (const spoken of value.name.synonyms ?? [])
          expect(resolveSlotValue(type, spoken)?.id).toBe(value.id);
  });

  it("folds case, punctuation and Alexa's one-shot phrasing", () => {
    for (const words of [
      'Where is Kunlun?',
      'alexa, ask pressure point guide where is kunlun',
      'tell Pressure Point Guide about kunlun',
    ])
      expect(matcher.understand(words)).toEqual({ intent: 'FindPointIntent', slots: { point: 'kunlun' } });
  });

  it('understands launch phrases as a launch, and anything else as an intent', () => {
    for (const words of [
      'open pressure point guide',
      'Alexa, launch Pressure Point Guide',
      'start pressure point guide',
      'pressure point guide',
    ])
      expect(matcher.interpret(words)).toEqual({ type: 'LaunchRequest' });
    expect(matcher.interpret('which point helps sciatica')).toEqual({
      type: 'IntentRequest',
      intent: 'PointsForNeedIntent',
      slots: { need: 'sciatica' },
    });
  });

  it('sends what it cannot place to AMAZON.FallbackIntent', () => {
    for (const words of ['play some jazz', 'turn off the lights', '', '???'])
      expect(matcher.understand(words)).toEqual({ intent: 'AMAZON.FallbackIntent', slots: {} });
  });

  it('keeps a known carrier phrase with an unknown slot value, as Alexa does for custom slot types', () => {
    const understood = matcher.understand('where is the moon point');
    expect(understood).toEqual({ intent: 'FindPointIntent', slots: { point: 'moon' } });
    const request = intentRequest(model, understood.intent, understood.slots);
    expect(JSON.stringify(request.request)).toMatch(/ER_SUCCESS_NO_MATCH/);
  });

  it('knows the common phrasings of the built-in intents in the model, and only of those', () => {
    // A phrase the skill's model gives to one of its own intents goes there ("carry on" is GoOnIntent).
    const own = new Map(intents.flatMap((i) => (i.samples ?? []).map((s) => [s.toLowerCase(), i.name])));
    for (const intent of intents.filter((i) => i.name in BUILT_IN_PHRASES))
      for (const phrase of BUILT_IN_PHRASES[intent.name])
        expect(matcher.understand(phrase).intent).toBe(own.get(phrase) ?? intent.name);
    expect(matcher.understand('carry on').intent).toBe('GoOnIntent');
    const small: InteractionModelJson = {
      interactionModel: {
        languageModel: {
          invocationName: 'pressure point guide',
          intents: [
            { name: 'AMAZON.StopIntent', samples: [] },
            { name: 'AMAZON.FallbackIntent', samples: [] },
          ],
        },
      },
    };
    const smallMatcher = new ModelMatcher(small);
    expect(smallMatcher.understand('stop').intent).toBe('AMAZON.StopIntent');
    // Without AMAZON.PauseIntent in the model, "pause" is not understood, as on Alexa.
    expect(smallMatcher.understand('pause').intent).toBe('AMAZON.FallbackIntent');
  });
});

describe("the page's suggestion chips", () => {
  it('are each understood as the intent they are there to show', () => {
    const expected: Record<string, string> = {
      'open pressure point guide': 'LaunchRequest',
      'where is kunlun': 'FindPointIntent',
      'which point helps sciatica': 'PointsForNeedIntent',
      'tell me more': 'PointDetailIntent',
      'how long do I hold it': 'PointHoldTimeIntent',
      'start a routine': 'StartRoutineIntent',
      pause: 'AMAZON.PauseIntent',
      resume: 'AMAZON.ResumeIntent',
      next: 'AMAZON.NextIntent',
      'how long is left': 'TimeLeftIntent',
      help: 'AMAZON.HelpIntent',
      stop: 'AMAZON.StopIntent',
    };
    const understood = Object.fromEntries(
      SUGGESTIONS.map((text) => {
        const interpreted = matcher.interpret(text);
        return [text, interpreted.type === 'LaunchRequest' ? 'LaunchRequest' : interpreted.intent];
      }),
    );
    expect(understood).toEqual(expected);
  });
});
