/** Number words as speech recognition writes them, for codes up to 99. */
const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** 23 → "twenty three" (0–99). */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`numberToWords: ${n} is outside 0-99`);
  if (n < 10) return UNITS[n];
  if (n < 20) return TEENS[n - 10];
  const tens = TENS[Math.floor(n / 10)];
  return n % 10 === 0 ? tens : `${tens} ${UNITS[n % 10]}`;
}

const WORD_VALUES = new Map<string, number>([
  ...UNITS.map((w, i) => [w, i] as [string, number]),
  ...TEENS.map((w, i) => [w, i + 10] as [string, number]),
  ...TENS.map((w, i) => [w, i * 10] as [string, number]).filter(([w]) => w !== ''),
  ['oh', 0],
]);

/**
 * Replaces number words with digits: "b l twenty three" → "b l 23", "forty-seven" → "47".
 * Tens followed by a unit combine ("sixty seven" → 67); other words are left alone.
 */
export function wordsToDigits(text: string): string {
  const words = text.replace(/-/g, ' ').split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = WORD_VALUES.get(words[i]);
    if (value === undefined) {
      out.push(words[i]);
      continue;
    }
    const next = WORD_VALUES.get(words[i + 1] ?? '');
    if (value >= 20 && value % 10 === 0 && next !== undefined && next > 0 && next < 10) {
      out.push(String(value + next));
      i++;
    } else {
      out.push(String(value));
    }
  }
  return out.join(' ');
}
