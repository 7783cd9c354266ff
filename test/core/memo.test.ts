import { boundedMemo } from '../../lambda/src/core/memo';

describe('boundedMemo', () => {
  it('computes each key once, undefined results included', () => {
    const calls: string[] = [];
    const lookUp = boundedMemo(
      (word: string) => {
        calls.push(word);
        return word === 'none' ? undefined : word.length;
      },
      { limit: 10 },
    );
    expect([lookUp('bl'), lookUp('bl'), lookUp('none'), lookUp('none')]).toEqual([
      2,
      2,
      undefined,
      undefined,
    ]);
    expect(calls).toEqual(['bl', 'none']);
  });

  it('keys by the given function, and never holds more than the limit', () => {
    const calls: number[] = [];
    const square = boundedMemo(
      (n: { value: number }) => {
        calls.push(n.value);
        return n.value * n.value;
      },
      { limit: 3, key: (n) => String(n.value) },
    );
    for (const value of [1, 2, 3, 1]) square({ value });
    expect(calls).toEqual([1, 2, 3]);
    square({ value: 4 }); // full: starts again empty
    square({ value: 1 });
    expect(calls).toEqual([1, 2, 3, 4, 1]);
  });
});
