/**
 * The simulator's matcher in German, Spanish and French (issue 15): letters with diacritics are
 * letters, typed accents are composed, French elisions match however the apostrophe is typed,
 * hyphens are spaces, and Alexa's own phrasings (launch words, built-in intents) are the
 * locale's. Each language is matched against a small model written here, so these tests do not
 * wait for the generated models.
 */
import { intentRequest, type InteractionModelJson, type ModelSlotType } from '../../simulator/envelope';
import { ModelMatcher, clean } from '../../simulator/nlu';

function model(
  invocationName: string,
  intents: Array<{ name: string; samples?: string[]; slots?: Array<{ name: string; type: string }> }>,
  types: ModelSlotType[],
): InteractionModelJson {
  return { interactionModel: { languageModel: { invocationName, intents, types } } };
}

const BUILT_INS = [
  'AMAZON.StopIntent',
  'AMAZON.CancelIntent',
  'AMAZON.HelpIntent',
  'AMAZON.YesIntent',
  'AMAZON.NoIntent',
  'AMAZON.PauseIntent',
  'AMAZON.ResumeIntent',
  'AMAZON.FallbackIntent',
].map((name) => ({ name, samples: [] }));

/** The id entity resolution gives a slot in the request the simulator would send. */
function resolvedId(m: InteractionModelJson, intent: string, slots: Record<string, string>, slot: string) {
  const request = intentRequest(m, intent, slots).request as {
    intent: {
      slots: Record<
        string,
        { resolutions?: { resolutionsPerAuthority: Array<{ values?: Array<{ value: { id: string } }> }> } }
      >;
    };
  };
  return request.intent.slots[slot]?.resolutions?.resolutionsPerAuthority[0]?.values?.[0]?.value.id;
}

describe('German', () => {
  const de = model(
    'druckpunkt ratgeber',
    [
      ...BUILT_INS,
      {
        name: 'FindPointIntent',
        slots: [{ name: 'point', type: 'PointName' }],
        samples: ['wo ist {point}', 'wo finde ich {point}', 'zeig mir {point}'],
      },
      {
        name: 'StartRoutineIntent',
        slots: [{ name: 'routine', type: 'RoutineName' }],
        samples: ['starte die {routine}', 'übung für {routine}'],
      },
    ],
    [
      {
        name: 'PointName',
        values: [
          {
            id: 'BL23',
            name: {
              value: 'B L 23',
              synonyms: ['Meer der Vitalität', 'Nierenpunkt', 'Blase dreiundzwanzig'],
            },
          },
          { id: 'GB30', name: { value: 'G B 30', synonyms: ['Hüftsprung', 'Gallenblase dreißig'] } },
        ],
      },
      {
        name: 'RoutineName',
        values: [{ id: 'sciatica', name: { value: 'Ischias-Routine', synonyms: ['Ischias'] } }],
      },
    ],
  );
  const matcher = new ModelMatcher(de, 'de-DE');

  it('keeps umlauts and ß as letters, and reads decomposed accents as the same letters', () => {
    expect(clean('Wo ist der HÜFTSPRUNG? Straße!', 'de')).toBe('wo ist der hüftsprung straße');
    expect(matcher.understand('Wo ist das Meer der Vitalität?')).toEqual({
      intent: 'FindPointIntent',
      slots: { point: 'das meer der vitalität' },
    });
    // "Hüftsprung" typed with a combining diaeresis (u + U+0308) is the same word.
    const decomposed = 'wo finde ich den Hu\u0308ftsprung';
    expect(matcher.understand(decomposed)).toEqual({
      intent: 'FindPointIntent',
      slots: { point: 'den hüftsprung' },
    });
    expect(resolvedId(de, 'FindPointIntent', { point: 'Hüftsprung' }, 'point')).toBe('GB30');
    expect(resolvedId(de, 'FindPointIntent', { point: 'Blase dreiundzwanzig' }, 'point')).toBe('BL23');
  });

  it('treats a hyphen as a space, both ways', () => {
    expect(matcher.understand('Starte die Ischias-Routine')).toEqual({
      intent: 'StartRoutineIntent',
      slots: { routine: 'ischias-routine' },
    });
    expect(matcher.understand('Übung für Ischias').intent).toBe('StartRoutineIntent');
    expect(resolvedId(de, 'StartRoutineIntent', { routine: 'ischias routine' }, 'routine')).toBe('sciatica');
  });

  it("lets the skill's own sample win over a built-in phrasing that only differs by a space", () => {
    // Alexa's German ResumeIntent knows "weiter machen"; a skill that says "weitermachen" is its own
    // intent must get it, as with any tie between the skill's words and a built-in phrasing.
    const own = new ModelMatcher(
      model('druckpunkt', [...BUILT_INS, { name: 'GoOnIntent', samples: ['weitermachen'] }], []),
      'de-DE',
    );
    expect(own.understand('weitermachen').intent).toBe('GoOnIntent');
    expect(own.understand('fortsetzen').intent).toBe('AMAZON.ResumeIntent');
  });

  it("knows Alexa's German launch words and built-in phrasings, not the English ones", () => {
    for (const words of [
      'öffne Druckpunkt Ratgeber',
      'Alexa, starte den Druckpunkt Ratgeber',
      'druckpunkt ratgeber',
    ])
      expect(matcher.interpret(words)).toEqual({ type: 'LaunchRequest' });
    expect(matcher.understand('Alexa, frag Druckpunkt Ratgeber wo ist der Nierenpunkt')).toEqual({
      intent: 'FindPointIntent',
      slots: { point: 'der nierenpunkt' },
    });
    expect(matcher.understand('warte mal').intent).toBe('AMAZON.PauseIntent');
    expect(matcher.understand('Ja').intent).toBe('AMAZON.YesIntent');
    expect(matcher.understand('nö').intent).toBe('AMAZON.NoIntent');
    expect(matcher.understand('hör auf').intent).toBe('AMAZON.StopIntent');
    expect(matcher.understand('mach weiter').intent).toBe('AMAZON.ResumeIntent');
    // English words are not German built-ins.
    expect(matcher.understand('yes').intent).toBe('AMAZON.FallbackIntent');
  });
});

describe('French', () => {
  const fr = model(
    'guide des points de pression',
    [
      ...BUILT_INS,
      {
        name: 'FindPointIntent',
        slots: [{ name: 'point', type: 'PointName' }],
        samples: ["c'est où {point}", "qu'est-ce que {point}", 'où se trouve {point}'],
      },
      {
        name: 'PointsForNeedIntent',
        slots: [{ name: 'need', type: 'NeedName' }],
        samples: ["j'ai mal à {need}", "j'ai besoin d'un point pour {need}"],
      },
      { name: 'StopRulesIntent', samples: ["quand est-ce que j'arrête d'appuyer"] },
    ],
    [
      {
        name: 'PointName',
        values: [
          { id: 'BL23', name: { value: 'vessie 23', synonyms: ['mer de vitalité', 'vessie vingt-trois'] } },
        ],
      },
      {
        name: 'NeedName',
        values: [
          { id: 'shoulder', name: { value: "l'épaule", synonyms: ['épaule'] } },
          { id: 'sciatica', name: { value: 'la sciatique', synonyms: ['sciatique'] } },
        ],
      },
    ],
  );
  const matcher = new ModelMatcher(fr, 'fr-FR');

  it('matches an elision however its apostrophe is typed', () => {
    for (const words of [
      "J'ai mal à l'épaule",
      'J’ai mal à l’épaule',
      "j' ai mal à l'épaule",
      'j ai mal à l’épaule',
    ])
      expect(matcher.understand(words)).toEqual({
        intent: 'PointsForNeedIntent',
        slots: { need: "l'épaule" },
      });
    expect(resolvedId(fr, 'PointsForNeedIntent', { need: "l'épaule" }, 'need')).toBe('shoulder');
    expect(matcher.understand("J'ai besoin d'un point pour la sciatique")).toEqual({
      intent: 'PointsForNeedIntent',
      slots: { need: 'la sciatique' },
    });
  });

  it('reads "qu\'est-ce" with or without its hyphen and apostrophe, and keeps é è ç', () => {
    for (const words of [
      "Qu'est-ce que la mer de vitalité ?",
      'qu’est ce que la mer de vitalité',
      'quest-ce que la mer de vitalité',
    ])
      expect(matcher.understand(words)).toEqual({
        intent: 'FindPointIntent',
        slots: { point: 'la mer de vitalité' },
      });
    expect(matcher.understand("Quand est-ce que j'arrête d'appuyer ?").intent).toBe('StopRulesIntent');
    expect(matcher.understand('C’est où vessie vingt-trois').slots.point).toBe('vessie vingt-trois');
    expect(clean('Ça fait très mal, à GAUCHE', 'fr')).toBe('ça fait très mal à gauche');
  });

  it("knows Alexa's French launch words and built-in phrasings", () => {
    for (const words of [
      'ouvre guide des points de pression',
      'Alexa, lance le guide des points de pression',
    ])
      expect(matcher.interpret(words)).toEqual({ type: 'LaunchRequest' });
    expect(matcher.understand("demande à guide des points de pression c'est où vessie 23")).toEqual({
      intent: 'FindPointIntent',
      slots: { point: 'vessie 23' },
    });
    expect(matcher.understand('arrête').intent).toBe('AMAZON.StopIntent');
    expect(matcher.understand("d'accord").intent).toBe('AMAZON.YesIntent');
    expect(matcher.understand('attends').intent).toBe('AMAZON.PauseIntent');
  });
});

describe('Spanish', () => {
  const es = model(
    'guía de puntos de presión',
    [
      ...BUILT_INS,
      {
        name: 'FindPointIntent',
        slots: [{ name: 'point', type: 'PointName' }],
        samples: ['dónde está {point}', 'cómo encuentro {point}'],
      },
      {
        name: 'PointsForNeedIntent',
        slots: [{ name: 'need', type: 'NeedName' }],
        samples: ['qué punto ayuda con {need}', 'me duele {need}'],
      },
    ],
    [
      {
        name: 'PointName',
        values: [{ id: 'BL23', name: { value: 'vejiga 23', synonyms: ['mar de la vitalidad'] } }],
      },
      { name: 'NeedName', values: [{ id: 'wrist', name: { value: 'la muñeca', synonyms: ['muñeca'] } }] },
    ],
  );
  const matcher = new ModelMatcher(es, 'es-MX');

  it('keeps ñ and accented vowels, and drops ¿ ¡', () => {
    expect(matcher.understand('¿Dónde está el mar de la vitalidad?')).toEqual({
      intent: 'FindPointIntent',
      slots: { point: 'el mar de la vitalidad' },
    });
    expect(matcher.understand('¡Me duele la MUÑECA!')).toEqual({
      intent: 'PointsForNeedIntent',
      slots: { need: 'la muñeca' },
    });
    expect(resolvedId(es, 'PointsForNeedIntent', { need: 'la muñeca' }, 'need')).toBe('wrist');
  });

  it("knows Alexa's Spanish launch words and built-in phrasings", () => {
    for (const words of ['abre guía de puntos de presión', 'Alexa, abre la guía de puntos de presión'])
      expect(matcher.interpret(words)).toEqual({ type: 'LaunchRequest' });
    expect(matcher.understand('pregúntale a guía de puntos de presión dónde está vejiga 23').slots).toEqual({
      point: 'vejiga 23',
    });
    expect(matcher.understand('sí').intent).toBe('AMAZON.YesIntent');
    expect(matcher.understand('espera').intent).toBe('AMAZON.PauseIntent');
    expect(matcher.understand('adiós').intent).toBe('AMAZON.StopIntent');
  });
});
