import { describe, expect, it } from 'vitest';
import { comuneSlug } from '../../src/model/reference.ts';

describe('comuneSlug', () => {
  it.each([
    ['Sesto San Giovanni', 'sesto-san-giovanni'],
    ["Cassano d'Adda", 'cassano-d-adda'],
    ["Cassina de' Pecchi", 'cassina-de-pecchi'],
    ['Cernusco sul Naviglio', 'cernusco-sul-naviglio'],
    ['Città Alta', 'citta-alta'],
  ])('%s → %s', (name, slug) => {
    expect(comuneSlug(name)).toBe(slug);
  });
});
