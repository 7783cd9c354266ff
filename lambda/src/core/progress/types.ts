/**
 * Shapes of the pain check-in history (issue 14), shared by the trend, the stored record and the
 * chart. Plain data: no Alexa types.
 */

/** A pain score on the 0–10 scale every back-pain trial uses. */
export type PainScore = number;

/**
 * One routine's check-in, as stored with the user's consent: the date, the routine, and the scores
 * before and after (either may be missing when the user skipped it). Nothing else is kept.
 */
export interface ScoreEntry {
  /** The user's local calendar date, `YYYY-MM-DD`. */
  date: string;
  /** The routine's id from `data/routines.json`. */
  routine: string;
  before?: PainScore;
  after?: PainScore;
}

/** One day of the progress chart: the day's averages before and after, and the routines done. */
export interface ChartDay {
  date: string;
  before?: number;
  after?: number;
  routines: string[];
}
