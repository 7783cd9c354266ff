/**
 * Alexa only grants (and only asks the user for) a permission the skill's manifest declares:
 * the skill asks for the reminders scope, so skill.json must name it.
 * https://developer.amazon.com/docs/alexa/smapi/skill-manifest.html#permissions
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { newConversation } from '../support/skill';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../skill-package/skill.json'), 'utf8')) as {
  manifest: { permissions?: Array<{ name: string }> };
};

describe('skill.json permissions', () => {
  it('declares every permission scope the skill asks the user for by voice', async () => {
    const { talk } = newConversation();
    const turn = await talk.utter('remind me every evening at 9');
    const asked = turn.directives
      .filter((d) => d.type === 'Connections.SendRequest')
      .map((d) => (d as unknown as { payload: { permissionScope: string } }).payload.permissionScope);
    expect(asked).toEqual(['alexa::alerts:reminders:skill:readwrite']);
    const declared = (manifest.manifest.permissions ?? []).map((p) => p.name);
    for (const scope of asked) expect(declared).toContain(scope);
  });
});
