import { getPoint, points as catalogue } from '../../lambda/src/core/catalogue';
import { newConversation } from '../support/skill';

describe('find a point, from what the user says', () => {
  const wherePhrasings: Array<[string, RegExp]> = [
    [
      'where is BL 23',
      /Sea of Vitality, B L 23, is two finger-widths out from the spine, two vertebrae above/,
    ],
    ['where is the sea of vitality', /B L 23/],
    ['how do I find the sea of vitality', /B L 23.*two finger-widths/],
    ['how do I find b l twenty three', /B L 23/],
    ['tell me about kunlun', /B L 60.*hollow between your outer ankle bone and your Achilles tendon/],
    // Its landmark is too long for one breath: the region first, the landmark on "tell me more".
    ['what is g b thirty', /G B 30, is on the buttock and hip\./],
    ['where is c v six', /C V 6.*two finger-widths straight below your navel/],
    ['where is the commanding middle', /B L 40.*crease behind your knee/],
    ['where is bladder twenty three', /B L 23/],
    ['where is ren six', /C V 6/],
  ];
  it.each(wherePhrasings)('"%s"', async (words, expected) => {
    const { talk } = newConversation();
    const turn = await talk.utter(words);
    expect(turn.speech).toMatch(expected);
    expect(turn.speech).toMatch(/Hold for/);
    // One question that names its answers, so a bare "yes" has one meaning (the first: more detail).
    expect(turn.speech).toMatch(/More detail, or time it\?$/);
    expect(turn.ended).toBe(false);
    expect(turn.reprompt).not.toBe('');
  });

  it('answers B 47 as BL 52, naming the Gach code and never saying "BL 47"', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('where is b 47');
    expect(turn.speech).toMatch(
      /Will's Chamber, B L 52, also called B 47, is four finger-widths out from the spine/,
    );
    const article = await talk.utter('where is b l forty seven');
    expect(article.speech).toMatch(/Charts number this point differently.*B L 52/);
    expect(`${turn.speech} ${article.speech}`).not.toMatch(/B L 47|BL 47/);
  });

  it('answers "B 48" with the sacral point, not the article\'s ankle (E-2)', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('where is b 48');
    expect(turn.speech).toMatch(/B L 53, also called B 48, is on the buttock/);
    expect(turn.speech).not.toMatch(/ankle|heel/);
    // Its landmark, on "tell me more": beside the sacrum.
    expect((await talk.utter('tell me more')).speech).toMatch(/B L 53.*sacrum/);
  });

  it('answers "B 54" with the centre of the back-of-knee crease, BL 40 (E-3)', async () => {
    const { talk } = newConversation();
    expect((await talk.utter('where is b 54')).speech).toMatch(
      /B L 40, also called B 54, is in the middle of the crease behind your knee/,
    );
  });

  it('answers a safety-only point without offering to time a hold', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('where is l i four');
    expect(turn.speech).toMatch(/L I 4.*isn't part of these lower back routines.*pregnancy/);
    expect(turn.speech).not.toMatch(/time a hold/);
  });

  describe('follow-ups refer to the last point', () => {
    it('tell me more, how long do I hold it, where exactly, repeat that', async () => {
      const { talk } = newConversation();
      const first = await talk.utter('where is g b thirty');
      const more = await talk.utter('tell me more');
      expect(more.speech).toMatch(
        /^Here's more on G B 30\. On the outer back of the buttock.*Take care\..*hip replacement\. Want to hear how to press it\?$/,
      );
      const hold = await talk.utter('how long do I hold it');
      expect(hold.speech).toMatch(/^Hold G B 30 for 2 minutes\./);
      const where = await talk.utter('where exactly');
      expect(where.speech).toMatch(/^G B 30 is on the buttock and hip\. Lie on your side/);
      const again = await talk.utter('repeat that');
      expect(again.speech).toBe(where.speech);
      expect(first.ended || more.ended || hold.ended || where.ended || again.ended).toBe(false);
    });

    it('"yes" after the offer gives the detail', async () => {
      const { talk } = newConversation();
      await talk.utter('where is the sea of vitality');
      expect((await talk.utter('yes')).speech).toMatch(/^Here's more on B L 23/);
    });

    it('says each-side hold times for one-side-at-a-time points', async () => {
      const { talk } = newConversation();
      await talk.utter('where is kunlun');
      expect((await talk.utter('how long should I hold it')).speech).toMatch(/1 minute on each side/);
    });

    it('asks which point when there is no last point', async () => {
      const { talk } = newConversation();
      const turn = await talk.utter('tell me more');
      expect(turn.speech).toMatch(/Which point do you mean\?/);
      expect(turn.ended).toBe(false);
    });

    it('ignores a tampered last point in the session', async () => {
      const { talk } = newConversation();
      talk.setAttributes({ lastPoint: 'BL 99', offer: { kind: 'point', code: 42 } });
      expect((await talk.utter('how long do I hold it')).speech).toMatch(/Which point do you mean\?/);
    });
  });

  describe('points for a need', () => {
    it.each([
      ['which point helps sciatica'],
      ['what point is good for sciatica'],
      ['points for sciatica'],
      ['which points help with pain down my leg'],
    ])('"%s" lists two or three points and offers the routine', async (words) => {
      const { talk } = newConversation();
      const turn = await talk.utter(words);
      expect(turn.speech).toMatch(
        /^For sciatica, this guide's points are Jumping Circle; Womb and Vitals; and Commanding Middle\. Shall I guide you through the sciatica routine\?$/,
      );
      expect(turn.speech).toMatch(/guide you through the sciatica routine/);
      expect(turn.ended).toBe(false);
    });

    it('adds the red-flag note for disc pain', async () => {
      const { talk } = newConversation();
      const turn = await talk.utter('which point helps disc pain');
      expect(turn.speech).toMatch(
        /Commanding Middle.*Kunlun Mountains\. No spine pressure\. Leg weakness, numbness, bladder or bowel changes: get medical help first\./,
      );
    });

    it('"tell me more" after a list is about the first point', async () => {
      const { talk } = newConversation();
      await talk.utter('points for stiffness');
      expect((await talk.utter('tell me more')).speech).toMatch(/^Here's more on B L 23/);
    });

    it('says a need outside lower back care is out of scope', async () => {
      const { talk } = newConversation();
      const turn = await talk.utter('which point helps headaches');
      expect(turn.speech).toMatch(/This guide is for lower back pain, so I don't have points for headaches/);
      expect(turn.ended).toBe(false);
    });
  });

  describe('bad input', () => {
    it('"where is the moon": an unknown point, the session stays open', async () => {
      const { talk } = newConversation();
      const turn = await talk.utter('where is the moon');
      expect(turn.speech).toMatch(/I don't know a point called moon\. .*Which point would you like\?/);
      expect(turn.ended).toBe(false);
    });

    it('an unknown point with no words at all', async () => {
      const { talk } = newConversation();
      const turn = await talk.send(
        (await import('../../simulator/envelope')).envelope({
          type: 'IntentRequest',
          intent: {
            name: 'FindPointIntent',
            slots: {
              point: {
                name: 'point',
                resolutions: { resolutionsPerAuthority: [{ status: { code: 'ER_SUCCESS_NO_MATCH' } }] },
              },
            },
          },
        }),
      );
      expect(turn.speech).toMatch(/Which point would you like to find\?/);
    });

    it('a missing point slot asks which point', async () => {
      const { talk } = newConversation();
      const turn = await talk.say('FindPointIntent');
      expect(turn.speech).toMatch(/^Which point would you like to find\? For example, say where is B L 23\./);
      expect(turn.ended).toBe(false);
    });

    it('a missing need slot asks what for', async () => {
      const { talk } = newConversation();
      expect((await talk.say('PointsForNeedIntent')).speech).toMatch(/What would you like help with\?/);
    });

    it('an unknown need names what it can help with', async () => {
      const { talk } = newConversation();
      const turn = await talk.say('PointsForNeedIntent', { need: 'flying' });
      expect(turn.speech).toMatch(/I don't have points for flying\. I can suggest points for sciatica/);
    });

    it('escapes what the user said before speaking it', async () => {
      const { talk } = newConversation();
      const turn = await talk.say('FindPointIntent', { point: 'R&D <point>' });
      expect(turn.ssml).toContain('R&amp;D &lt;point&gt;');
    });

    it('a slot id that is not in the catalogue falls back to the words', async () => {
      const { talk } = newConversation();
      const { envelope } = await import('../../simulator/envelope');
      const turn = await talk.send(
        envelope({
          type: 'IntentRequest',
          intent: {
            name: 'FindPointIntent',
            slots: {
              point: {
                name: 'point',
                value: 'sea of vitality',
                resolutions: {
                  resolutionsPerAuthority: [
                    { status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { id: 'XX99', name: 'x' } }] },
                  ],
                },
              },
            },
          },
        }),
      );
      expect(turn.speech).toMatch(/B L 23/);
    });
  });
});

describe('"tell me more" is brief and says nothing twice', () => {
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const sentences = (s: string) => s.split(/(?<=[.?!])\s+/).filter(Boolean);

  it.each(catalogue.map((p) => p.code))(
    '%s: at most 70 words each, then how to press it on "yes"',
    async (code) => {
      const { talk } = newConversation();
      const first = await talk.utter(`where is ${code}`);
      const more = await talk.utter('tell me more');
      expect(words(more.speech)).toBeLessThanOrEqual(70);
      expect(more.speech).toMatch(/Want to hear how to press it\?$/);
      const press = await talk.utter('yes');
      expect(words(press.speech)).toBeLessThanOrEqual(70);
      expect(press.speech).toContain(getPoint(code)!.technique.detail);
      // No sentence said twice, within an answer or across the three; only a caution may come again
      // (a point outside the routines gives its first caution in its first answer too).
      const cautions = getPoint(code)!.cautions.flatMap(sentences);
      for (const turn of [more, press]) {
        const own = sentences(turn.speech);
        expect(own.filter((s, i) => own.indexOf(s) !== i)).toEqual([]);
      }
      const all = [first, more, press].flatMap((turn) => sentences(turn.speech));
      const repeated = all.filter((s, i) => all.indexOf(s) !== i && !cautions.includes(s));
      expect(repeated).toEqual([]);
      expect(more.ended || press.ended).toBe(false);
    },
  );

  it('"Shall I time a hold on it?" answered yes times that point', async () => {
    const { talk } = newConversation();
    await talk.utter('where is kunlun');
    await talk.utter('tell me more');
    const press = await talk.utter('yes');
    expect(press.speech).toMatch(/Shall I time a hold\?$/);
    expect(press.reprompt).toBe('Shall I time a hold on B L 60? Say yes, or ask about another point.');
    await talk.utter('yes');
    const hold = await talk.utter('no');
    expect(hold.speech).toMatch(/^Let's time a hold on B L 60\./);
  });
});
