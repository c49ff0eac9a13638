import { describe, expect, it } from 'vitest';
import { drawPaper, scorePaper } from './draw.js';

describe('quiz papers', () => {
  it('draws distinct questions of the bank, as many as asked or the whole bank', () => {
    let seed = 7;
    const random = (bound: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % bound;
    };
    const bank = Array.from({ length: 20 }, (_, i) => i);
    const paper = drawPaper(bank, 8, random);
    expect(paper).toHaveLength(8);
    expect(new Set(paper).size).toBe(8);
    expect(paper.every((q) => bank.includes(q))).toBe(true);
    expect(drawPaper(bank, 50, random).sort((a, b) => a - b)).toEqual(bank);
    expect(bank).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('scores in whole percent, ignoring answers to questions not on the paper', () => {
    const paper = [
      { id: 'a', answer: 0 },
      { id: 'b', answer: 1 },
      { id: 'c', answer: 2 },
    ];
    expect(scorePaper(paper, [{ questionId: 'a', choice: 0 }])).toBe(33);
    expect(
      scorePaper(paper, [
        { questionId: 'a', choice: 0 },
        { questionId: 'b', choice: 1 },
        { questionId: 'c', choice: 2 },
        { questionId: 'x', choice: 0 },
      ]),
    ).toBe(100);
    expect(scorePaper([], [])).toBe(0);
  });
});
