/** Safety rules as plain TypeScript: graded answers, triage, profiles, routine adjustment, wording. */
export * from './types';
export {
  conditions,
  redFlags,
  safetyData,
  getCondition,
  getRedFlag,
  resolveHealth,
  healthSpokenForms,
} from './rules';
export type { HealthMatch } from './rules';
export { answer, strictestAnswer, strictestCare, triage, type Triage } from './answer';
export { safetyProfile, blockers, breathingOnlyReasons } from './profile';
export { adjustRoutine, breathingOnlyRoutine } from './adjust';
export { bannedClaims, type BannedUse } from './wording';
export { adjustPlanFrom, type ReplannedRest } from './adjust';
export { pointAdvice, pointAllowed, type PointAdvice } from './point';
