import type { DataPath } from '../../load/positions.js';
import type { ActorData } from '../../model/plan-data.js';
import { closestMatch } from '../../model/did-you-mean.js';
import type { ProjectRule } from './rule.js';

/** Comuni are named by ISTAT codes of the metropolitan city, zones by their names, and the territory's scope matches its lists. */
export const projectTerritoryRule: ProjectRule = ({ projects, reference }, report) => {
  for (const { file, data } of projects) {
    const checkActor = (actor: ActorData, path: DataPath) => {
      if (actor.kind === 'comune' && actor.istat === undefined) {
        report(file, 'COMUNE_WITHOUT_ISTAT', { name: actor.name, istat: reference.findComune(actor.name)?.istat }, path);
      }
      if (actor.istat !== undefined && !reference.comuneByIstat.has(actor.istat)) {
        const match = reference.findComune(actor.name);
        report(file, 'UNKNOWN_ISTAT_CODE', { code: actor.istat, match: match && { name: match.name, istat: match.istat } }, [...path, 'istat']);
      }
    };
    if (data.lead) checkActor(data.lead, ['lead']);
    data.partners?.forEach((partner, index) => checkActor(partner, ['partners', index]));

    const { scope, zones = [], comuni = [] } = data.territory;
    zones.forEach((zone, index) => {
      if (!reference.findZone(zone)) {
        report(file, 'UNKNOWN_ZONE', { zone, suggestion: closestMatch(zone, reference.zones), zones: reference.zones }, ['territory', 'zones', index]);
      }
    });
    comuni.forEach((code, index) => {
      if (!reference.comuneByIstat.has(code)) report(file, 'UNKNOWN_ISTAT_CODE', { code }, ['territory', 'comuni', index]);
    });
    const listed = { zones: zones.length, comuni: comuni.length };
    if ((scope === 'zones' && listed.zones === 0) || (scope === 'comuni' && listed.comuni === 0)) {
      report(file, 'TERRITORY_MISMATCH', { case: 'empty', scope }, ['territory', 'scope']);
    } else if ((scope !== 'zones' && listed.zones > 0) || (scope !== 'comuni' && listed.comuni > 0)) {
      report(file, 'TERRITORY_MISMATCH', { case: 'extra', scope, extra: listed.zones > 0 ? 'zones' : 'comuni' }, ['territory', 'scope']);
    }
  }
};
