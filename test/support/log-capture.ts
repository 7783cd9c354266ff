/**
 * Captures the skill's structured log lines (stdout and stderr) while `work` runs, at LOG_LEVEL
 * debug, and returns them parsed, with the raw text.
 */
export async function captureLogs(
  work: () => Promise<void>,
): Promise<{ records: Record<string, unknown>[]; text: string }> {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  };
  const out = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const err = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  const level = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = 'debug';
  try {
    await work();
  } finally {
    process.env.LOG_LEVEL = level;
    out.mockRestore();
    err.mockRestore();
  }
  const text = chunks.join('');
  const records = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { records, text };
}
