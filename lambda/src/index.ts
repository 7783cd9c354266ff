/**
 * AWS Lambda entry (handler `index.handler`: the zip of dist/lambda/). The skill is built once, at
 * module load, and reused by every invocation of a warm container.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { persistenceFromEnvironment } from './persistence/from-environment';
import { buildSkill } from './skill';

export { buildSkill, type SkillOptions } from './skill';

const skill = buildSkill({
  persistenceAdapter: persistenceFromEnvironment(process.env),
  skillId: process.env.SKILL_ID || undefined,
});

export const handler = (event: RequestEnvelope, context?: unknown): Promise<ResponseEnvelope> =>
  skill.invoke(event, context);
