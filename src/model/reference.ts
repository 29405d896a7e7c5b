export interface Comune {
  istat: string;
  name: string;
  zone: string;
}

export interface BudgetMission {
  code: string;
  name: string;
}

/** A row of crosswalk-missioni.csv: the PSTTM missions a budget missione maps to (maybe none), and why. */
export interface CrosswalkRow {
  missione: string;
  psttmMissions: string[];
  reason: string;
}

/** Comuni and zone omogenee, looked up by ISTAT code or by name, ignoring case and accents. */
export interface Reference {
  comuni: readonly Comune[];
  budgetMissions: readonly BudgetMission[];
  /** Budget missioni → PSTTM missions, for the suggestions of DUP links. */
  crosswalk: readonly CrosswalkRow[];
  /** Canonical zone names, sorted. */
  zones: readonly string[];
  comuneByIstat: ReadonlyMap<string, Comune>;
  findComune(codeOrName: string): Comune | undefined;
  findZone(name: string): string | undefined;
}

/** `Città`, `citta`, ` CITTÀ ` → `citta`: the key names are compared by. */
function lookupKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function buildReference(comuni: readonly Comune[], budgetMissions: readonly BudgetMission[], crosswalk: readonly CrosswalkRow[] = []): Reference {
  const comuneByIstat = new Map(comuni.map((comune) => [comune.istat, comune]));
  const comuneByName = new Map(comuni.map((comune) => [lookupKey(comune.name), comune]));
  const zones = [...new Set(comuni.map((comune) => comune.zone))].sort((a, b) => a.localeCompare(b, 'it'));
  const zoneByKey = new Map(zones.map((zone) => [lookupKey(zone), zone]));
  return {
    comuni,
    budgetMissions,
    crosswalk,
    zones,
    comuneByIstat,
    findComune: (codeOrName) => comuneByIstat.get(codeOrName.trim()) ?? comuneByName.get(lookupKey(codeOrName)),
    findZone: (name) => zoneByKey.get(lookupKey(name)),
  };
}
