/** One step of an alignment of two lists: an item kept (in both), removed (only in the first) or added (only in the second). */
export type AlignStep =
  | { readonly op: 'same'; readonly before: number; readonly after: number }
  | { readonly op: 'removed'; readonly before: number }
  | { readonly op: 'added'; readonly after: number };

/** Past this many cells the table is not built: the middle is compared as removed-then-added (still correct, less tidy). */
const MAX_CELLS = 4_000_000;

/**
 * Aligns two lists by a longest common subsequence of items that `equal` says are the same, so one
 * inserted item shows as one insertion and everything after it as unchanged. The common start and
 * end are matched first, which keeps the table small for the usual edit.
 */
export function align<T>(before: readonly T[], after: readonly T[], equal: (a: T, b: T) => boolean): AlignStep[] {
  let start = 0;
  while (start < before.length && start < after.length && equal(before[start]!, after[start]!)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && equal(before[endBefore - 1]!, after[endAfter - 1]!)) {
    endBefore--;
    endAfter--;
  }
  const steps: AlignStep[] = [];
  for (let i = 0; i < start; i++) steps.push({ op: 'same', before: i, after: i });
  steps.push(...alignMiddle(before, after, equal, start, endBefore, start, endAfter));
  for (let i = 0; endBefore + i < before.length; i++) steps.push({ op: 'same', before: endBefore + i, after: endAfter + i });
  return steps;
}

function alignMiddle<T>(
  before: readonly T[],
  after: readonly T[],
  equal: (a: T, b: T) => boolean,
  b0: number,
  b1: number,
  a0: number,
  a1: number,
): AlignStep[] {
  const n = b1 - b0;
  const m = a1 - a0;
  const steps: AlignStep[] = [];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = b0; i < b1; i++) steps.push({ op: 'removed', before: i });
    for (let j = a0; j < a1; j++) steps.push({ op: 'added', after: j });
    return steps;
  }
  // lengths[i][j]: the LCS of before[b0+i..] and after[a0+j..].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = equal(before[b0 + i]!, after[a0 + j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(before[b0 + i]!, after[a0 + j]!)) {
      steps.push({ op: 'same', before: b0 + i++, after: a0 + j++ });
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      steps.push({ op: 'removed', before: b0 + i++ });
    } else {
      steps.push({ op: 'added', after: a0 + j++ });
    }
  }
  for (; i < n; i++) steps.push({ op: 'removed', before: b0 + i });
  for (; j < m; j++) steps.push({ op: 'added', after: a0 + j });
  return steps;
}
