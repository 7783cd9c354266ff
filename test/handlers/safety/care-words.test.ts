/**
 * Each English market hears its own emergency and urgent-care words, from its locale resources,
 * and never a number or service from another market: through the real skill, from what a user says.
 */
import { SUPPORTED_LOCALES } from '../../../lambda/src/i18n';
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
};

/** Numbers and services that belong to one market or a few; any other market must not hear them. */
const MARKER_OWNERS: Array<[RegExp, Market[]]> = [
  [/\b911\b/, ['en-US', 'en-CA']],
  [/\b999\b/, ['en-GB']],
  [/\bA and E\b|\bA&E\b/, ['en-GB']],
  [/\bNHS\b/, ['en-GB']],
  [/\b111\b/, ['en-GB']],
  [/\bGP\b/, ['en-GB', 'en-AU']],
  [/\burgent care\b/, ['en-US']],
  [/\bwalk-in\b/, ['en-CA']],
  [/\b811\b/, ['en-CA']],
  [/\b000\b|triple zero/, ['en-AU']],
  [/healthdirect|1800 022 222/, ['en-AU']],
  [/\b112\b/, ['en-IN']],
];

function foreignMarkers(market: Market, text: string): string[] {
  return MARKER_OWNERS.filter(([marker, owners]) => !owners.includes(market) && marker.test(text)).map(
    ([marker]) => String(marker),
  );
}

describe.each(SUPPORTED_LOCALES)('care words in %s', (market) => {
  const care = CARE[market];

  it('an emergency sign: that market’s emergency number, spoken as a phone number, and nothing from elsewhere', async () => {
    const { talk } = newConversation({ locale: market });
    const turn = await talk.utter('I have numbness between my legs');
    expect(turn.speech).toMatch(care.emergency);
    expect(turn.speech.search(care.emergency)).toBe(0);
    // One question ("Want to know why?"); said again after a silence, with the call for help first.
    expect(turn.ended).toBe(false);
    expect(turn.reprompt).toMatch(care.emergency);
    const reason = await talk.utter('why');
    expect(reason.ended).toBe(true);
    for (const text of [turn.speech, turn.reprompt, reason.speech]) {
      expect(foreignMarkers(market, text)).toEqual([]);
      expect(text).not.toMatch(/local emergency number/);
    }
  });

  it('an urgent sign: that market’s same-day care, and the same words when a routine is refused', async () => {
    const { talk } = newConversation({ locale: market });
    const triage = await talk.utter('I have a fever');
    expect(triage.speech).toMatch(care.urgent);
    expect(foreignMarkers(market, triage.speech)).toEqual([]);
    const refused = await talk.utter('start a routine');
    expect(refused.speech).toMatch(/^I won't start a routine in this session/);
    expect(refused.speech).toMatch(care.urgent);
    expect(foreignMarkers(market, refused.speech)).toEqual([]);
  });

  it('a fall: same-day care, and that market’s emergency number if it was serious, before any reason', async () => {
    const { talk } = newConversation({ locale: market });
    const turn = await talk.utter('I had a fall');
    expect(turn.speech.search(care.urgent)).toBe(0);
    expect(turn.speech).toMatch(/After a bad fall/);
    expect(turn.speech).toMatch(care.call);
    expect(foreignMarkers(market, turn.speech)).toEqual([]);
    expect(turn.speech).not.toMatch(/emergency services|local emergency number/);
  });

  it('numbers are marked up to be read digit by digit, never as "nine hundred and eleven"', async () => {
    const { talk } = newConversation({ locale: market });
    const ssml = [
      (await talk.utter('I have a fever')).ssml,
      (await newConversation({ locale: market }).talk.utter('I had a fall')).ssml,
      (await newConversation({ locale: market }).talk.utter('I have numbness between my legs')).ssml,
    ].join(' ');
    for (const number of care.numbers) {
      expect(ssml).toContain(`<say-as interpret-as="telephone">${number}</say-as>`);
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
