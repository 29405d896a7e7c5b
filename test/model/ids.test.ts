import { describe, expect, it } from 'vitest';
import { normalizeId, parseObjectiveId } from '../../src/model/ids.ts';
import { compareNatural } from '../../src/model/natural-order.ts';

describe('objective and mission ids', () => {
  it('parses M<mission>.<number>', () => {
    expect(parseObjectiveId('M2.12')).toEqual({ missionId: 'M2', number: 12 });
    expect(parseObjectiveId('M2.0')).toBeUndefined();
    expect(parseObjectiveId('M2-12')).toBeUndefined();
  });

  it('accepts what planners type', () => {
    expect(normalizeId('2.12')).toBe('M2.12');
    expect(normalizeId(' m2.12 ')).toBe('M2.12');
    expect(normalizeId('3')).toBe('M3');
    expect(normalizeId('fabriq')).toBe('fabriq');
  });

  it('sorts naturally: M2.9 before M2.10, M9 before M10', () => {
    expect(['M2.10', 'M10.1', 'M2.9', 'M9.2'].sort(compareNatural)).toEqual(['M2.9', 'M2.10', 'M9.2', 'M10.1']);
  });
});
