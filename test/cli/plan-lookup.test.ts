import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import { didYouMean, requireComune, requireMission, requireObjective } from '../../src/cli/plan-lookup.ts';
import { project, testModel } from '../helpers/model.ts';

const model = testModel([project('bike-lanes')]);

describe('the did-you-mean hint of usage errors', () => {
  it('names the closest candidate within the typo distance, ignoring case', () => {
    expect(didYouMean('bike-lane', ['bike-lanes', 'park'])).toBe('; did you mean bike-lanes?');
    expect(didYouMean('STYLSH', ['stylish', 'json', 'github', 'sarif'])).toBe('; did you mean stylish?');
  });

  it('says nothing when no candidate is close, or there is none', () => {
    expect(didYouMean('metropolitana', ['bike-lanes', 'park'])).toBe('');
    expect(didYouMean('x', [])).toBe('');
  });
});

describe('ids the CLI requires', () => {
  it('an objective: canonical id, or a usage error with a suggestion', () => {
    expect(requireObjective(model, '1.2')).toBe('M1.2');
    expect(() => requireObjective(model, '1.3')).toThrow(new UsageError('M1.3 is not an objective of the plan; did you mean M1.1? (psttm list objectives shows them all)'));
  });

  it('an objective of a mission without transcribed objectives: says why none can be named', () => {
    expect(() => requireObjective(model, 'M3.1')).toThrow('M3.1: mission M3 "Missione M3" has no objectives yet (its table is missing from the source), so nothing can link to it');
  });

  it('a mission, or a usage error listing the missions', () => {
    expect(requireMission(model, '2').id).toBe('M2');
    expect(() => requireMission(model, 'M9')).toThrow('--mission M9: no such mission; the plan has M1, M2, M3');
  });
});

describe('the comune of --comune and of dup commands', () => {
  it('takes an ISTAT code, a name in any case and accents, "Comune di", or the first words of one name', () => {
    expect(requireComune(model, '015209').name).toBe('Sesto San Giovanni');
    expect(requireComune(model, 'comune di SESTO SAN GIOVANNI').istat).toBe('015209');
    expect(requireComune(model, 'sesto').istat).toBe('015209');
    expect(requireComune(model, 'Cinisello').istat).toBe('015077');
  });

  it('refuses anything else in one line naming the option, with the closest name', () => {
    expect(() => requireComune(model, 'Sesto San Giovani', '--comune ')).toThrow(
      new UsageError('--comune Sesto San Giovani: not a comune of the metropolitan city; did you mean Sesto San Giovanni? (plan/reference/comuni.csv lists them)'),
    );
    expect(() => requireComune(model, 'Monza')).toThrow(/^Monza: not a comune of the metropolitan city \(plan/);
  });
});
