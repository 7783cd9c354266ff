/**
 * "1 min 38 s", "45 s", "2 min": a hold's length or time left as the simulator page and the terminal
 * chat print it (rounded up to the second, as a countdown shows it). No imports: the page bundles it.
 */
export function holdLength(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return `${seconds} s`;
  return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
}
