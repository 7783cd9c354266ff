/**
 * Each market hears its own emergency and urgent-care words, from its locale resources, and never a
 * number or service from another market: through the real skill, from what a user says in that
 * market's language (test/fixtures/locales/<locale>.json).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogueFor, languageOf } from '../../../lambda/src/core/catalogue';
import { SUPPORTED_LOCALES, translatorFor } from '../../../lambda/src/i18n';
import { careSentence } from '../../../lambda/src/speech/safety';
import { ssmlToText } from '../../../lambda/src/speech/ssml';
import { whyWords } from '../../support/model';
import { routineState } from '../../support/routine';
import { LOCALES_UNDER_TEST } from '../../support/locales';
import { newConversation } from '../../support/skill';

type Market = (typeof SUPPORTED_LOCALES)[number];

/** What each market must hear: the emergency call, the urgent-care advice, and the numbers in SSML. */
const CARE: Record<Market, { emergency: RegExp; urgent: RegExp; call: RegExp; numbers: string[] }> = {
  'en-US': {
    emergency: /Please get emergency help now: call 911\./,
    urgent: /Please get medical advice from urgent care or your doctor today\./,
    call: /call 911 now\./,
    numbers: ['911'],
  },
  'en-GB': {
    emergency: /Please get emergency help now: call 999 or go to A and E\./,
    urgent: /Please get medical advice from NHS 111 or your GP today\./,
    call: /call 999 now\./,
    numbers: ['999', '111'],
  },
  'en-CA': {
    emergency: /Please get emergency help now: call 911\./,
    urgent: /Please see a doctor or walk-in clinic today, or call 811 where available\./,
    call: /call 911 now\./,
    numbers: ['911', '811'],
  },
  'en-AU': {
    emergency: /Please get emergency help now: call 000\./,
    urgent: /Please see your GP today, or call healthdirect on 1800 022 222\./,
    call: /call 000 now\./,
    numbers: ['1800 022 222'],
  },
  'en-IN': {
    emergency: /Please get emergency help now: call 112\./,
    urgent: /Please get medical advice from a doctor today\./,
    call: /call 112 now\./,
    numbers: ['112'],
  },
  // The other languages' sentences are the translators'; what each must carry is the market's number
  // or service (issue 15, LOCALES.md section 2).
  'de-DE': { emergency: /\b112\b/, urgent: /116 117/, call: /\b112\b/, numbers: ['112', '116 117'] },
  'es-ES': { emergency: /\b112\b/, urgent: /centro de salud/i, call: /\b112\b/, numbers: ['112'] },
  'es-MX': { emergency: /\b911\b/, urgent: /m[ée]dico/i, call: /\b911\b/, numbers: ['911'] },
  'es-US': { emergency: /\b911\b/, urgent: /urgenc|m[ée]dico/i, call: /\b911\b/, numbers: ['911'] },
  'fr-FR': {
    emergency: /\b15\b|\b112\b/,
    urgent: /m[ée]decin/i,
    call: /\b15\b|\b112\b/,
    numbers: ['15', '112'],
  },
  'fr-CA': {
    emergency: /\b911\b/,
    urgent: /Info-Sant[ée]|\b811\b/,
    call: /\b911\b/,
    numbers: ['911', '811'],
  },
};

/** Numbers and services that belong to one market or a few; any other market must not hear them. */
const MARKER_OWNERS: Array<[RegExp, Market[]]> = [
  [/\b911\b/, ['en-US', 'en-CA', 'es-US', 'es-MX', 'fr-CA']],
  [/\b999\b/, ['en-GB']],
  [/\bA and E\b|\bA&E\b/, ['en-GB']],
  [/\bNHS\b/, ['en-GB']],
  [/\b111\b/, ['en-GB']],
  [/\bGP\b/, ['en-GB', 'en-AU']],
  [/\burgent care\b/, ['en-US']],
  [/\bwalk-in\b/, ['en-CA']],
  [/\b811\b/, ['en-CA', 'fr-CA']],
  [/\b000\b|triple zero/, ['en-AU']],
  [/healthdirect|1800 022 222/, ['en-AU']],
  [/\b112\b/, ['en-IN', 'de-DE', 'es-ES', 'fr-FR']],
  [/116 117|Bereitschaftsdienst/, ['de-DE']],
  [/centro de salud/i, ['es-ES']],
  [/Info-Sant[ée]/, ['fr-CA']],
  [/(?<![\d ])15(?![\d ]?\d)/, ['fr-FR']],
];

/**
 * What a user in the market says, in its language: English markets the sentences below; another
 * language the first phrasing of the same entry in its own corpus, and its fixture's routine start.
 */
function words(market: Market): { emergency: string; urgent: string; fall: string; startRoutine: string } {
  if (market.startsWith('en-'))
    return {
      emergency: 'I have numbness between my legs',
      urgent: 'I have a fever',
      fall: 'I had a fall',
      startRoutine: 'start a routine',
    };
  const { phrasings } = catalogueFor(market).phrasings.corpus;
  const fixture = JSON.parse(
    readFileSync(path.join(__dirname, '../../fixtures/locales', `${market}.json`), 'utf8'),
  ) as { startRoutine: { say: string } };
  return {
    emergency: phrasings['saddle-numbness'][0],
    urgent: phrasings.fever[0],
    fall: phrasings['recent-fall'][0],
    startRoutine: fixture.startRoutine.say,
  };
}

function foreignMarkers(market: Market, text: string): string[] {
  return MARKER_OWNERS.filter(([marker, owners]) => !owners.includes(market) && marker.test(text)).map(
    ([marker]) => String(marker),
  );
}

const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(LOCALES_UNDER_TEST)('care words in %s', (market) => {
  const care = CARE[market];
  const said = words(market);
  const t = translatorFor(market);
  /** The market's care lines as heard (its own resources), which each answer must open with. */
  const emergencyLine = plain(ssmlToText(careSentence(t, 'emergency')));
  const urgentLine = plain(ssmlToText(careSentence(t, 'urgent')));
  /** The language's neutral emergency words ("call your local emergency number"): a market never hears them. */
  const generic = plain(ssmlToText(translatorFor(languageOf(market))('safety.care.emergency')));

  it('an emergency sign: that market’s emergency number, spoken as a phone number, and nothing from elsewhere', async () => {
    const { talk } = newConversation({ locale: market });
    const turn = await talk.utter(said.emergency);
    expect(turn.speech).toMatch(care.emergency);
    // The care line with the market's number comes first (in some languages the number is not its first word).
    expect(emergencyLine).toMatch(care.emergency);
    expect(turn.speech.startsWith(emergencyLine)).toBe(true);
    // One question ("Want to know why?"); said again after a silence, with the call for help first.
    expect(turn.ended).toBe(false);
    expect(turn.reprompt).toMatch(care.emergency);
    const reason = await talk.utter(whyWords(market));
    expect(reason.ended).toBe(true);
    for (const text of [turn.speech, turn.reprompt, reason.speech]) {
      expect(foreignMarkers(market, text)).toEqual([]);
      expect(text).not.toMatch(/local emergency number/);
      expect(text).not.toContain(generic);
    }
  });

  it('an urgent sign: that market’s same-day care, and the same words when a routine is refused', async () => {
    const { talk } = newConversation({ locale: market });
    const triage = await talk.utter(said.urgent);
    expect(triage.speech).toMatch(care.urgent);
    expect(foreignMarkers(market, triage.speech)).toEqual([]);
    const refused = await talk.utter(said.startRoutine);
    if (market.startsWith('en-')) expect(refused.speech).toMatch(/^I won't start a routine in this session/);
    expect(routineState(talk)).toBeUndefined();
    expect(refused.speech).toMatch(care.urgent);
    expect(foreignMarkers(market, refused.speech)).toEqual([]);
  });

  it('a fall: same-day care, and that market’s emergency number if it was serious, before any reason', async () => {
    const { talk } = newConversation({ locale: market });
    const turn = await talk.utter(said.fall);
    expect(urgentLine).toMatch(care.urgent);
    expect(turn.speech.startsWith(urgentLine)).toBe(true);
    // The escalation in the market's words, with its number.
    const escalation = plain(
      ssmlToText(t('safety.triage.escalation.recent-fall', { call: t('safety.care.call') })),
    );
    expect(turn.speech).toContain(escalation);
    expect(turn.speech).toMatch(care.call);
    expect(foreignMarkers(market, turn.speech)).toEqual([]);
    expect(turn.speech).not.toMatch(/emergency services|local emergency number/);
    expect(turn.speech).not.toContain(generic);
  });

  it('numbers are marked up to be read digit by digit, never as "nine hundred and eleven"', async () => {
    const { talk } = newConversation({ locale: market });
    const ssml = [
      (await talk.utter(said.urgent)).ssml,
      (await newConversation({ locale: market }).talk.utter(said.emergency)).ssml,
    ].join(' ');
    for (const number of care.numbers) {
      // Digit by digit, or through an alias the market uses ("triple zero").
      expect(ssml).toMatch(
        new RegExp(`<say-as interpret-as="telephone">${number}</say-as>|<sub alias="[^"]+">${number}</sub>`),
      );
    }
    // Every run of three or more digits is inside a telephone say-as or spoken through an alias.
    const bare = ssml
      .replace(/<say-as interpret-as="telephone">[^<]*<\/say-as>/g, '')
      .replace(/<sub alias="[^"]*">[^<]*<\/sub>/g, '');
    expect(bare).not.toMatch(/\d{3}/);
  });
});

describe('the shared English base', () => {
  it('a market the skill has no words for hears only the neutral advice, naming no country’s service', async () => {
    const { talk } = newConversation({ locale: 'en-NZ' });
    const emergency = await talk.utter('I have numbness between my legs');
    expect(emergency.speech).toMatch(/call your local emergency number/);
    const urgent = await newConversation({ locale: 'en-NZ' }).talk.utter('I have a fever');
    expect(urgent.speech).toMatch(/Please get medical advice from a doctor today\./);
    for (const text of [emergency.speech, urgent.speech]) {
      expect(MARKER_OWNERS.filter(([marker]) => marker.test(text)).map(String)).toEqual([]);
    }
  });
});
