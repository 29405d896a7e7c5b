import type { DataPath } from '../../load/positions.js';
import type { ActorData } from '../../model/plan-data.js';
import { closestMatch } from '../did-you-mean.js';
import type { ProjectRule } from './rule.js';

/** Comuni are named by ISTAT codes of the metropolitan city, zones by their names, and the territory's scope matches its lists. */
export const projectTerritoryRule: ProjectRule = ({ projects, reference }, report) => {
  for (const { file, data } of projects) {
    const checkActor = (actor: ActorData, path: DataPath) => {
      if (actor.kind === 'comune' && actor.istat === undefined) {
        const match = reference.findComune(actor.name);
        report(file, 'COMUNE_WITHOUT_ISTAT', `${actor.name} is a comune: add its ISTAT code${match ? ` (istat: "${match.istat}")` : ''}`, path);
      }
      if (actor.istat !== undefined && !reference.comuneByIstat.has(actor.istat)) {
        report(file, 'UNKNOWN_ISTAT_CODE', unknownIstat(actor.istat, actor.name), [...path, 'istat']);
      }
    };
    const unknownIstat = (code: string, name?: string) => {
      const byName = name === undefined ? undefined : reference.findComune(name);
      return `${code} is not the ISTAT code of a comune of the metropolitan city${byName ? `; ${byName.name} is ${byName.istat}` : ''}`;
    };
    if (data.lead) checkActor(data.lead, ['lead']);
    data.partners?.forEach((partner, index) => checkActor(partner, ['partners', index]));

    const { scope, zones = [], comuni = [] } = data.territory;
    zones.forEach((zone, index) => {
      if (!reference.findZone(zone)) {
        const suggestion = closestMatch(zone, reference.zones);
        report(file, 'UNKNOWN_ZONE', `"${zone}" is not a zona omogenea${suggestion ? `; did you mean "${suggestion}"?` : `; zones: ${reference.zones.join(', ')}`}`, ['territory', 'zones', index]);
      }
    });
    comuni.forEach((code, index) => {
      if (!reference.comuneByIstat.has(code)) report(file, 'UNKNOWN_ISTAT_CODE', unknownIstat(code), ['territory', 'comuni', index]);
    });
    const listed = { zones: zones.length, comuni: comuni.length };
    if ((scope === 'zones' && listed.zones === 0) || (scope === 'comuni' && listed.comuni === 0)) {
      report(file, 'TERRITORY_MISMATCH', `scope is ${scope} but no ${scope} are listed; list them under territory.${scope}`, ['territory', 'scope']);
    } else if ((scope !== 'zones' && listed.zones > 0) || (scope !== 'comuni' && listed.comuni > 0)) {
      report(file, 'TERRITORY_MISMATCH', `scope is ${scope} but the territory also lists ${listed.zones > 0 ? 'zones' : 'comuni'}; set the scope they describe or remove them`, ['territory', 'scope']);
    }
  }
};
