/**
 * Memoises `compute`, keeping at most `limit` results: when full, it starts again empty. What is
 * remembered comes from requests and session state (spoken words, cues, SSML), so the cache must
 * stay bounded however much a warm Lambda sees. `key` names an argument that is not itself a string.
 */
export function boundedMemo<A, T>(
  compute: (arg: A) => T,
  options: { limit: number; key?: (arg: A) => string },
): (arg: A) => T {
  const cache = new Map<string, T>();
  return (arg) => {
    const key = options.key ? options.key(arg) : String(arg);
    if (cache.has(key)) return cache.get(key) as T;
    const value = compute(arg);
    if (cache.size >= options.limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
