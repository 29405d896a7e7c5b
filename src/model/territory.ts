import type { ProjectData } from './plan-data.js';
import type { Comune, Reference } from './reference.js';

export type Territory = ProjectData['territory'];

/** The zone omogenee a territory reaches, in the reference's order, and the names in it no zone is known for. */
export interface TerritoryZones {
  /** The whole metropolitan city: it reaches every zone. */
  metropolitan: boolean;
  zones: string[];
  /** Zone names or comune ISTAT codes the reference does not know (validation reports them). */
  unknown: string[];
}

/** Territory → zones, the one rule coverage, reports and tables share: a zone by its name, a comune by the zone it lies in. */
export function territoryZones(territory: Territory, reference: Reference): TerritoryZones {
  const { scope, zones = [], comuni = [] } = territory;
  if (scope === 'metropolitan') return { metropolitan: true, zones: [...reference.zones], unknown: [] };
  const named =
    scope === 'zones'
      ? zones.map((name) => ({ name, zone: reference.findZone(name) }))
      : comuni.map((code) => ({ name: code, zone: reference.comuneByIstat.get(code)?.zone }));
  const reached = new Set(named.map(({ zone }) => zone));
  const unknown = named.filter(({ zone }) => zone === undefined).map(({ name }) => name);
  return { metropolitan: false, zones: reference.zones.filter((zone) => reached.has(zone)), unknown: [...new Set(unknown)] };
}

/** Whether a territory reaches a comune: the whole metropolitan city, a zone it lies in, or its ISTAT code. */
export function reachesComune(territory: Territory, comune: Comune, reference: Reference): boolean {
  if (territory.scope === 'metropolitan') return true;
  if (territory.scope === 'zones') return territoryZones(territory, reference).zones.includes(comune.zone);
  return (territory.comuni ?? []).includes(comune.istat);
}
