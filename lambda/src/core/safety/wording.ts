/**
 * Section 5: claims the skill must never make ("cures", "proven", "lasting relief", nervous-system
 * or fascia mechanisms…). Each banned form is matched as whole words, case-insensitively, so
 * "health" never matches "heal" and "secure" never matches "cure".
 */
import { safetyData } from './rules';
import type { BannedClaim } from './types';

export interface BannedUse {
  claim: string;
  /** The words found. */
  found: string;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One matcher per claim: any of its forms, as whole words in any language (a letter with a
 * diacritic is part of a word: "geheilt" is not found inside "ungeheilte"); spaces and hyphens
 * match either.
 */
function compile(banned: BannedClaim[]): Array<{ claim: string; regex: RegExp }> {
  return banned.map(({ claim, forms }) => ({
    claim,
    regex: new RegExp(
      `(?<![\\p{L}\\p{N}_])(?:${forms.map((f) => escapeRegex(f).replace(/[ -]/g, '[\\s-]+')).join('|')})(?![\\p{L}\\p{N}_])`,
      'iu',
    ),
  }));
}

/** Compiled on first use: the scan runs in tests and tools, not on the request path. */
let defaultMatchers: ReturnType<typeof compile> | undefined;

/** Banned claims in a piece of user-facing text (plain text or SSML); empty when the text is clean. */
export function bannedClaims(text: string, banned?: BannedClaim[]): BannedUse[] {
  const matchers = banned ? compile(banned) : (defaultMatchers ??= compile(safetyData.wording.banned));
  const uses: BannedUse[] = [];
  for (const { claim, regex } of matchers) {
    const match = regex.exec(text);
    if (match) uses.push({ claim, found: match[0] });
  }
  return uses;
}
