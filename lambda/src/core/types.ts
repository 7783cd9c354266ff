/**
 * Shapes of the shared catalogue in `data/`. The JSON schemas in `data/schema/` describe the same
 * shapes for validation at build time and in tests; these types are what the code sees.
 */

/** WHO standard point code, for example "BL 23". The catalogue's primary key. */
export type PointCode = string;

export type BodyView = 'back' | 'front' | 'side' | 'leg' | 'hand';
export type Sides = 'both' | 'left-then-right' | 'painful-side' | 'centre';
export type Pressure = 'light' | 'moderate' | 'firm';

export interface ShortAndDetail {
  /** One clause, spoken in the first answer. */
  short: string;
  /** Full sentences, spoken when the user asks for more. */
  detail: string;
}

export interface Point {
  code: PointCode;
  pinyin: string;
  /** English names, the best-known first. */
  names: string[];
  /** Gach's older numbering ("B 47"); spoken aliases. */
  gach: string[];
  /** Wrong WHO-style labels the source article used ("BL 47" for BL 52); input only, never spoken. */
  articleLabels: string[];
  region: string;
  view: BodyView;
  location: string;
  find: ShortAndDetail;
  position: string;
  technique: ShortAndDetail;
  holdSeconds: number;
  sides: Sides;
  pressure: Pressure;
  needs: string[];
  /** false for points kept only for safety answers (LI 4, GB 21, SP 6, BL 67). */
  inRoutines: boolean;
  cautions: string[];
  sources: string[];
}

export interface Need {
  id: string;
  name: string;
  synonyms: string[];
  /** false for needs outside lower back care (headache, neck pain): answered with a scope note. */
  inScope: boolean;
}

export type StepKind = 'warm-up' | 'point' | 'breathing' | 'movement' | 'palms';
export type StepSides = Sides | 'none';
export type StepPressure = Pressure | 'none';
/** The props a step may use; state read back from the device is checked against this list. */
export const TOOLS = ['ball', 'towel-roll', 'fists'] as const;
export type Tool = (typeof TOOLS)[number];

export interface RoutineStep {
  kind: StepKind;
  /** Points pressed in this step (kind "point" only). */
  points?: PointCode[];
  /** Hold length in seconds; per side when sides is "left-then-right". */
  seconds: number;
  sides: StepSides;
  pressure: StepPressure;
  tools: Tool[];
  position: string;
  cue: string;
}

export interface Routine {
  id: string;
  name: string;
  synonyms: string[];
  needs: string[];
  approxMinutes: number;
  closing: string;
  /** Only for a problem a clinician has diagnosed (the disc routine, section 6.4): the skill asks first. */
  needsDiagnosis?: boolean;
  steps: RoutineStep[];
}
