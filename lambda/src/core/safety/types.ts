/**
 * Shapes of data/safety.json (validated by data/schema/safety.schema.json) and of what the safety
 * rules return. Plain data: no Alexa types.
 */
import type { PointCode, Routine, Tool } from '../types';

/** Section 3.3: stop = no session, triage; dont = not at that site; light = modified routine; check = clinician first. */
export type Tier = 'stop' | 'dont' | 'light' | 'check';

/**
 * Section 4: emergency = call the emergency number now; urgent = medical advice the same day (no
 * routine this session); clinician = worth seeing a doctor or physiotherapist, self-care may go on;
 * adults-only = the skill is for adults (no routine).
 */
export type CareLevel = 'emergency' | 'urgent' | 'clinician' | 'adults-only';

/** The care a stop-tier condition needs. */
export type StopCare = 'emergency' | 'urgent';

export interface Condition {
  id: string;
  /** Spoken after "with" or "for": "a hip replacement". */
  name: string;
  /** Said back to the user: "you take blood thinners". */
  you: string;
  synonyms: string[];
  tier: Tier;
  /** Only for the stop tier: how soon care is needed. */
  care?: StopCare;
  /** One or two sentences of what to do, in approved wording. */
  advice: string;
  /** Points never pressed with this condition. */
  avoid: PointCode[];
  /** Points replaced by a light palm hold. */
  palmsInstead: PointCode[];
  /** The most pressure any step may use. */
  pressure?: 'light';
  maxHoldSeconds?: number;
  /** No point pressure at all: the breathing routine only (pregnancy rule 3.2, check tier). */
  breathingOnly: boolean;
  /** A local problem (skin, scar, injury) whose site the skill cannot know: remind to keep off it. */
  keepOffSite: boolean;
  /** No balls, fists or rolled towels. */
  noTools: boolean;
  /** Worth keeping across sessions when the user asks (a fever is not). */
  remember: boolean;
  sources: string[];
}

export interface RedFlag {
  id: string;
  name: string;
  synonyms: string[];
  care: CareLevel;
  /** Why it needs care, one sentence. */
  why: string;
  /** Words that only hint at this flag ("morning stiffness"): the question to ask; yes means the flag. */
  askFirst?: { when: string[]; question: string; need?: string };
  sources: string[];
}

/** A stop-rule symptom group (section 3.3): what the user notices during a hold that means ease off or stop. */
export interface StopSymptom {
  id: string;
  name: string;
  synonyms: string[];
  /** What to do now, one or two sentences. */
  advice: string;
  /** Said mid-routine, the routine ends (dizziness, new numbness); otherwise the user chooses what next. */
  stopsRoutine?: boolean;
}

export interface StepText {
  position: string;
  cue: string;
}

export interface NoToolStep extends StepText {
  points: PointCode[];
}

export interface BannedClaim {
  claim: string;
  forms: string[];
}

export interface SafetyData {
  conditions: Condition[];
  redFlags: RedFlag[];
  stopSymptoms: StopSymptom[];
  /** The light palm hold that replaces firm lumbar and sacral pressure. */
  palmHold: StepText;
  /** Light, hands-only versions of the steps that use a ball or a rolled towel. */
  noToolSteps: NoToolStep[];
  /** Rule 3.2: slow breathing and warm palms, no pressure at all. */
  breathingRoutine: Routine;
  wording: { approved: string[]; banned: BannedClaim[] };
}

/** How strongly an answer says yes: the grades of the issue, from most to least permissive. */
export type Grade = 'yes-with-care' | 'lighter' | 'skip-points' | 'check-first' | 'get-help';

export interface SafetyAnswer {
  grade: Grade;
  /** The condition asked about; 'unknown' when the words matched none. */
  condition?: Condition | 'unknown';
  point?: PointCode;
  /** Points not to press. For a point question, just that point when it is ruled out. */
  avoid: PointCode[];
  /** Points to replace with a light palm hold. */
  palmsInstead: PointCode[];
  /** For get-help: how soon. */
  care?: CareLevel;
  /** Only the breathing routine is offered meanwhile. */
  breathingOnly: boolean;
}

/** What one session knows about the user's health: the conditions and red flags they mentioned. */
export interface SafetyProfile {
  conditions: Condition[];
  redFlags: RedFlag[];
  /** A condition was mentioned that the skill has no rules for: treated as check-first. */
  unknownCondition: boolean;
}

/** One thing a safety adjustment changed in a routine, with the condition ids that caused it. */
export type RoutineChange =
  | { kind: 'breathing-only'; because: string[] }
  | { kind: 'skipped'; points: PointCode[]; because: string[] }
  | { kind: 'palms-instead'; points: PointCode[]; because: string[] }
  | { kind: 'no-tools'; tools: Tool[]; because: string[] }
  | { kind: 'lighter'; because: string[] }
  | { kind: 'shorter'; maxSeconds: number; because: string[] }
  | { kind: 'keep-off-site'; because: string[] };

export interface AdjustedRoutine {
  routine: Routine;
  changes: RoutineChange[];
}
