/**
 * The skill manifest must enable what the code sends: Alexa rejects Alexa.Presentation.APL
 * directives from a skill whose manifest does not declare the APL interface (APL for Audio needs no
 * declaration), and a screen device whose viewport matches no supported viewport gets no APL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newConversation } from '../support/skill';
import { SUPPORTED_LOCALES } from '../../lambda/src/i18n';
import { LOCALES, readModel } from '../../scripts/generate-model';

interface SupportedViewport {
  mode: string;
  shape: string;
  minWidth: number;
  maxWidth: number;
  minHeight: number;
  maxHeight: number;
}
const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../skill-package/skill.json'), 'utf8')) as {
  manifest: {
    apis: { custom: { interfaces: Array<{ type: string; supportedViewports?: SupportedViewport[] }> } };
  };
};
const apl = manifest.manifest.apis.custom.interfaces.find((i) => i.type === 'ALEXA_PRESENTATION_APL');

describe('skill.json interfaces', () => {
  it('declares the APL interface, since screen devices get APL documents', async () => {
    const { talk } = newConversation({ device: { screen: true } });
    const turn = await talk.utter('where is kunlun');
    expect(turn.directives.map((d) => d.type)).toContain('Alexa.Presentation.APL.RenderDocument');
    expect(apl).toBeDefined();
  });

  it.each([
    ['Echo Spot (round hub)', 'HUB', 'ROUND', 480, 480],
    ['Echo Show 5/8 (landscape hub)', 'HUB', 'RECTANGLE', 1024, 600],
    ['Echo Show 10/15 (large hub)', 'HUB', 'RECTANGLE', 1280, 800],
    ['Fire TV', 'TV', 'RECTANGLE', 960, 540],
  ])('supports the %s viewport the layouts are designed for', (_name, mode, shape, width, height) => {
    const fits = (apl?.supportedViewports ?? []).some(
      (v) =>
        v.mode === mode &&
        v.shape === shape &&
        width >= v.minWidth &&
        width <= v.maxWidth &&
        height >= v.minHeight &&
        height <= v.maxHeight,
    );
    expect(fits).toBe(true);
  });
});

describe('skill.json publishing, privacy and distribution per locale', () => {
  interface Publishing {
    name: string;
    summary: string;
    description: string;
    examplePhrases: string[];
    keywords: string[];
  }
  const full = JSON.parse(readFileSync(path.join(__dirname, '../../skill-package/skill.json'), 'utf8')) as {
    manifest: {
      publishingInformation: { locales: Record<string, Publishing>; distributionCountries: string[] };
      privacyAndCompliance: { locales: Record<string, { privacyPolicyUrl: string; termsOfUseUrl: string }> };
    };
  };
  const { publishingInformation, privacyAndCompliance } = full.manifest;

  it.each(SUPPORTED_LOCALES)(
    '%s is published, with a privacy policy, in a country the skill is distributed to',
    (locale) => {
      const entry = publishingInformation.locales[locale];
      expect(entry).toBeDefined();
      expect(entry.name.length).toBeLessThanOrEqual(50);
      expect(entry.summary.length).toBeLessThanOrEqual(160);
      expect(entry.description.length).toBeLessThanOrEqual(4000);
      expect(entry.examplePhrases.length).toBeGreaterThan(0);
      expect(entry.examplePhrases.length).toBeLessThanOrEqual(3);
      expect(entry.keywords.length).toBeLessThanOrEqual(30);
      expect(privacyAndCompliance.locales[locale]?.privacyPolicyUrl).toMatch(/^https:\/\//);
      expect(publishingInformation.distributionCountries).toContain(locale.split('-')[1]);
    },
  );

  it.each(LOCALES)('%s example phrases use the invocation name of its model', (locale) => {
    const invocation = readModel(locale).interactionModel.languageModel.invocationName.toLowerCase();
    for (const phrase of publishingInformation.locales[locale].examplePhrases)
      expect(phrase.toLowerCase()).toContain(invocation);
  });
});
