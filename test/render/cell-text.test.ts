import { describe, expect, it } from 'vitest';
import { cellText, EXCEL_CELL_LIMIT, xmlText } from '../../src/render/xlsx/cell-text.ts';

describe('xmlText', () => {
  it('replaces the characters XML 1.0 forbids by U+FFFD and keeps tab, LF, CR and everything else', () => {
    expect(xmlText('a\u0000b\u0008c\u000bd\u000ce\u001ff\ufffeg\uffffh')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffdh');
    expect(xmlText('tab\tLF\nCR\r € 😀 \u0085 \u2028')).toBe('tab\tLF\nCR\r € 😀 \u0085 \u2028');
  });

  it('replaces lone surrogates and keeps pairs', () => {
    expect(xmlText('x\ud83dy')).toBe('x\ufffdy');
    expect(xmlText('x\ude00y')).toBe('x\ufffdy');
    expect(xmlText('\ude00\ud83d')).toBe('\ufffd\ufffd');
    expect(xmlText('\ud83d\ude00')).toBe('😀');
  });
});

describe('cellText', () => {
  it('leaves text up to the limit as it is', () => {
    const text = 'a'.repeat(EXCEL_CELL_LIMIT);
    expect(cellText(text, ' [cut]')).toBe(text);
  });

  it('cuts longer text to exactly the limit, ending with the marker', () => {
    const cut = cellText('a'.repeat(40_000), ' [cut]');
    expect(cut).toHaveLength(32_767);
    expect(cut).toBe('a'.repeat(32_761) + ' [cut]');
  });

  it('does not split a surrogate pair at the cut', () => {
    // 32,760 a's then emoji: the pair would straddle the cut at 32,761.
    const cut = cellText('a'.repeat(32_760) + '😀'.repeat(10), ' [cut]');
    expect(cut).toBe('a'.repeat(32_760) + ' [cut]');
  });
});
