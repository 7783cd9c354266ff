/**
 * A routine turn's timeline as one SSML document: the same cues, with each silence written as
 * breaks of at most 10 s (Alexa's longest break). Used where APL for Audio is not wanted (local
 * tools, the simulator, the terminal chat).
 */
import type { TimelineItem } from '../core/routine/timeline';
import { silence } from './ssml';

/** The timeline as `<speak>…</speak>`. */
export function timelineToSsml(items: TimelineItem[]): string {
  return `<speak>${items.map((item) => (item.type === 'speech' ? item.ssml : silence(item.ms / 1000))).join(' ')}</speak>`;
}
