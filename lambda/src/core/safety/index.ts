/** Safety rules as plain TypeScript: graded answers, triage, profiles, routine adjustment, wording. */
export * from './types';
export {
  conditions,
  redFlags,
  safetyData,
  getCondition,
  getRedFlag,
  getStopSymptom,
  healthEntry,
  hintedRedFlag,
  matchId,
  resolveHealth,
  resolveStatement,
  healthSpokenForms,
  stopSymptoms,
  urgency,
  HealthRules,
  englishRules,
  handsOnlyVersion,
} from './rules';
export {
  ageFrom,
  carrierSamples,
  corpus,
  soundsLikeSymptom,
  stripCarrier,
  englishPhrasings,
  Phrasings,
  type PhrasingCorpus,
} from './phrasings';
export type { HealthMatch } from './rules';
export { answer, strictestAnswer, strictestCare, triage, type Triage } from './answer';
export { safetyProfile, blockers, breathingOnlyReasons } from './profile';
export { adjustRoutine, breathingOnlyRoutine } from './adjust';
export { bannedClaims, type BannedUse } from './wording';
export { adjustPlanFrom, type ReplannedRest } from './adjust';
export { pointAdvice, pointAllowed, type PointAdvice } from './point';
export { lightenPlan, lightenRoutine, pressesHarderThanLight } from './lighter';
