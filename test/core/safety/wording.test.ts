import { readFileSync } from 'node:fs';
import path from 'node:path';
import { bannedClaims, safetyData } from '../../../lambda/src/core/safety';
import { resources } from '../../../lambda/src/i18n';

const ROOT = path.join(__dirname, '../../..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

/** Every string leaf of a JSON value, with where it is ("points.json /points/0/cautions/1"). */
function strings(value: unknown, where: string, skip: string[] = []): Array<{ where: string; text: string }> {
  if (typeof value === 'string') return [{ where, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${where}/${i}`, skip));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) =>
      skip.includes(k) ? [] : strings(v, `${where}/${k}`, skip),
    );
  }
  return [];
}

/** Everything the user can hear or read: i18n resources, the data's text, and the store listing. */
function userFacingText(data: Record<string, unknown>) {
  return [
    ...strings(resources, 'i18n'),
    ...Object.entries(data).flatMap(([file, json]) => strings(json, file, ['wording', 'sources'])),
  ];
}

const committedData = (): Record<string, unknown> => ({
  'points.json': readJson('data/points.json'),
  'needs.json': readJson('data/needs.json'),
  'routines.json': readJson('data/routines.json'),
  'safety.json': readJson('data/safety.json'),
  'skill.json': readJson('skill-package/skill.json'),
});

function scan(data: Record<string, unknown>): string[] {
  return userFacingText(data).flatMap(({ where, text }) =>
    bannedClaims(text).map((use) => `${where}: "${use.found}" (${use.claim})`),
  );
}

describe('banned wording (domain reference section 5)', () => {
  it('scans a real amount of text', () => {
    const texts = userFacingText(committedData());
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.some((t) => t.where.startsWith('i18n/en/translation/safety'))).toBe(true);
    expect(texts.some((t) => t.where.startsWith('routines.json'))).toBe(true);
  });

  it('no user-facing string makes a banned claim', () => {
    expect(scan(committedData())).toEqual([]);
  });

  it.each([
    [
      'points.json',
      (d: Record<string, unknown>) =>
        ((d['points.json'] as { points: Array<{ cautions: string[] }> }).points[0].cautions[0] =
          'Pressing here cures sciatica.'),
    ],
    [
      'routines.json',
      (d: Record<string, unknown>) =>
        ((d['routines.json'] as { routines: Array<{ closing: string }> }).routines[2].closing =
          'This gives lasting relief.'),
    ],
    [
      'safety.json',
      (d: Record<string, unknown>) =>
        ((d['safety.json'] as { redFlags: Array<{ why: string }> }).redFlags[0].why =
          'It calms the nervous system.'),
    ],
  ])('fails on a banned phrase planted in %s, naming where it is', (file, plant) => {
    const data = committedData();
    plant(data);
    const found = scan(data);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${file.replace('.', '\\.')}/`));
  });

  it.each([
    'This cures back pain.',
    'It HEALS the spine.',
    'It fixes your back.',
    'Clinically proven.',
    'Long-lasting relief.',
    'It gives lasting relief.',
    'Validated by science.',
    'The most effective point.',
    'It realigns the spine.',
    'It repairs discs.',
    'It replaces medical care.',
    'It calms the parasympathetic nervous system.',
    'It releases the fascia.',
  ])('flags "%s"', (text) => {
    expect(bannedClaims(text)).not.toEqual([]);
  });

  it.each([
    'Good for your health and a healthy back.',
    'Keep it secure, and procure a tennis ball.',
    'A prefix, a fixture, and a curious question about a secure hold.',
    'The Sea of Energy, below the navel.',
    'Press the point for a minute.',
  ])('leaves innocent words alone: "%s"', (text) => {
    expect(bannedClaims(text)).toEqual([]);
  });

  it('uses the approved reminder in every safety answer', () => {
    expect(safetyData.wording.approved).toContain('if pain persists or worsens, see a clinician');
    expect((resources.en.translation.safety as { reminder: string }).reminder).toContain(
      'if pain persists or worsens, see a clinician',
    );
  });
});

describe('banned wording in other languages', () => {
  const german = [{ claim: 'heals', forms: ['heilt', 'geheilt', 'Heilung'] }];

  it('finds a banned form as a whole word, letters with diacritics included', () => {
    expect(bannedClaims('Das hat meinen Rücken geheilt.', german).map((u) => u.found)).toEqual(['geheilt']);
    expect(bannedClaims('Die Heilung kommt.', german)).toHaveLength(1);
  });

  it('never inside a longer word, even one with an umlaut next to it', () => {
    expect(bannedClaims('Die Wunde ist ungeheilt.', german)).toEqual([]);
    expect(bannedClaims('Die Wunde ist ügeheilt.', german)).toEqual([]);
  });
});
