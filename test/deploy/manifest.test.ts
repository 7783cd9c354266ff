/**
 * The skill manifest must enable what the code sends: Alexa rejects Alexa.Presentation.APL
 * directives from a skill whose manifest does not declare the APL interface (APL for Audio needs no
 * declaration), and a screen device whose viewport matches no supported viewport gets no APL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newConversation } from '../support/skill';

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
