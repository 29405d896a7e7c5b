import { describe, expect, it } from 'vitest';
import { wordChange } from '../../src/render/diff/rich-text.ts';

describe('wordChange', () => {
  it('marks the words a retitle removed and added, keeping the rest', () => {
    expect(wordChange({ before: 'Sviluppo delle reti di impresa', after: 'Sviluppo e rafforzamento delle reti' })).toEqual([
      { text: 'Sviluppo ' },
      { text: 'e rafforzamento ', mark: 'added' },
      { text: 'delle reti' },
      { text: ' di impresa', mark: 'removed' },
    ]);
  });

  it('gives up word by word on titles too far apart, showing the whole of each, so a hostile file cannot stall a diff', () => {
    // 3,000 words kept between 3,000 changed: word by word, thousands of runs, and steps growing with the square.
    const before = Array.from({ length: 3000 }, (_, index) => `comune${index} prima${index}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, index) => `comune${index} dopo${index}`).join(' ');
    expect(wordChange({ before, after })).toEqual([
      { text: before, mark: 'removed' },
      { text: after, mark: 'added' },
    ]);
  });
});
