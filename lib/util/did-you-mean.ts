/** "Did you mean" for a misspelt name, on fastest-levenshtein's edit distance (compared case-insensitively). */

/**
 * The closest candidate within a third of the word's length (at least 2 edits), or undefined. Ties go to the
 * earlier candidate, so the answer is stable for a stable candidate order.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  // Loaded on first use: only a misspelt name needs it, and valid input is the hot path.
  const { distance } = require('fastest-levenshtein') as typeof import('fastest-levenshtein');
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Math.max(2, Math.ceil(word.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}
