import { describe, expect, it } from 'vitest';
import { buildReference } from '../../src/model/reference.ts';
import { territoryZones } from '../../src/model/territory.ts';

const reference = buildReference(
  [
    { istat: '015146', name: 'Milano', zone: 'Milano' },
    { istat: '015192', name: 'Rho', zone: 'Nord Ovest' },
    { istat: '015209', name: 'San Donato Milanese', zone: 'Sud Est' },
    { istat: '015182', name: 'Pero', zone: 'Nord Ovest' },
  ],
  [],
);

describe('territory → zones', () => {
  it('the whole metropolitan city reaches every zone, in the reference order', () => {
    expect(territoryZones({ scope: 'metropolitan' }, reference)).toEqual({ metropolitan: true, zones: ['Milano', 'Nord Ovest', 'Sud Est'], unknown: [] });
  });

  it('zones are named in any case and accent, and come out canonical, in the reference order, once each', () => {
    expect(territoryZones({ scope: 'zones', zones: ['sud est', 'MILANO', 'Milano'] }, reference)).toEqual({ metropolitan: false, zones: ['Milano', 'Sud Est'], unknown: [] });
  });

  it('comuni reach the zone each lies in, once per zone', () => {
    expect(territoryZones({ scope: 'comuni', comuni: ['015192', '015182', '015146'] }, reference)).toEqual({ metropolitan: false, zones: ['Milano', 'Nord Ovest'], unknown: [] });
  });

  it('a comune whose zone is unknown reaches none, and is named among the unknown', () => {
    expect(territoryZones({ scope: 'comuni', comuni: ['099999', '015209', '099999'] }, reference)).toEqual({ metropolitan: false, zones: ['Sud Est'], unknown: ['099999'] });
  });

  it('a zone the reference lacks reaches none, and is named among the unknown', () => {
    expect(territoryZones({ scope: 'zones', zones: ['Alto Milanese', 'Nord Ovest'] }, reference)).toEqual({ metropolitan: false, zones: ['Nord Ovest'], unknown: ['Alto Milanese'] });
  });

  it('a scope without its list reaches nothing', () => {
    expect(territoryZones({ scope: 'zones' }, reference)).toEqual({ metropolitan: false, zones: [], unknown: [] });
  });
});
