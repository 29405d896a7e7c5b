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
  /** The comuni whose name begins with the words typed (`sesto` → Sesto San Giovanni), for names given in short. */
  comuniNamedFrom(words: string): Comune[];
  findZone(name: string): string | undefined;
}

/** `Città`, `citta`, ` CITTÀ ` → `citta`: the key names are compared by. */
function lookupKey(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A comune's name as a file name's part: `Cassano d'Adda` → `cassano-d-adda`. */
export function comuneSlug(name: string): string {
  return lookupKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
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
    comuniNamedFrom: (words) => {
      const key = lookupKey(words);
      return key === '' ? [] : comuni.filter((comune) => `${lookupKey(comune.name)} `.startsWith(`${key} `));
    },
    findZone: (name) => zoneByKey.get(lookupKey(name)),
  };
}
