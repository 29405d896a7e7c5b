import type { FileKind } from '../../../io/bounded-read.js';
import { localeFormat } from '../../format.js';
import { LABELS } from '../../labels.js';
import { atPath, withHint, wrongTypeText, type FindingMessages, type TypeWords } from './message-parts.js';

const TYPE_WORDS: TypeWords = {
  expected: { string: 'un testo', number: 'un numero', integer: 'un numero intero', boolean: 'true o false', array: 'un elenco', object: 'una mappa (chiave: valore)', null: 'vuoto' },
  actual: {
    null: () => 'vuoto (null)',
    array: () => 'un elenco',
    object: () => 'una mappa (chiave: valore)',
    number: (value) => `un numero (${value})`,
    boolean: (value) => `${value} (un valore logico)`,
    string: () => 'un testo',
    other: () => 'un altro tipo di valore',
  },
  or: ' o ',
  finiteNumber: 'un numero finito',
  mustBe: (wanted, actual) => `deve essere ${wanted}, non ${actual}`,
  quoteHint: (value) => `; scriverlo tra virgolette perché ${value} resti un testo`,
};

const FILE_KIND_WORDS: Record<FileKind, string> = {
  regular: 'un file regolare',
  folder: 'una cartella',
  fifo: 'una named pipe (FIFO)',
  socket: 'un socket',
  'character-device': 'un dispositivo a caratteri',
  'block-device': 'un dispositivo a blocchi',
  special: 'un file speciale',
  'symbolic-link': 'un collegamento simbolico',
  submodule: 'un sottomodulo',
};

const FORMAT = localeFormat(LABELS.it.locale);

/** A byte count as planners read it: `1 MiB`, or bytes. */
function sizeText(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${FORMAT.number(bytes)} byte`;
}

/** Finding messages in Italian, as the planning office writes them. */
export const IT: FindingMessages = {
  FILE_BINARY: () => 'il file contiene byte NUL; salvarlo come file di testo YAML in UTF-8',
  FILE_NOT_UTF8: () => 'il file non è testo UTF-8 valido; salvarlo con codifica UTF-8',
  FILE_NOT_REGULAR: ({ kind }) => `il file è ${FILE_KIND_WORDS[kind]}, non un file regolare; sostituirlo con un file regolare o rimuoverlo`,
  FILE_TOO_LARGE: ({ limit }) => `il file supera ${sizeText(limit)}, il limite per questo tipo di file; dividerlo o accorciarlo`,
  YAML_SYNTAX: ({ detail }) => `YAML non valido: ${detail}`,
  YAML_DUPLICATE_KEY: ({ detail }) => `chiave ripetuta nella stessa mappa: ${detail}`,
  YAML_ALIAS_LIMIT: ({ limit }) => `il file espande più di ${limit} alias; scrivere i dati per esteso invece di annidare alias`,
  YAML_EXPANSION_LIMIT: (args) =>
    args.case === 'cycle'
      ? "questo alias è dentro il valore che la sua ancora definisce, quindi si espanderebbe all'infinito; rimuoverlo"
      : `gli alias espandono il file oltre ${FORMAT.number(args.limit)} caratteri (10 volte la sua dimensione, almeno 1 MiB); scrivere i dati per esteso invece di ripetere ancore grandi`,
  YAML_NESTING_LIMIT: ({ case: where, limit }) =>
    where === 'alias'
      ? `questo alias annida i valori della sua ancora per più di ${limit} livelli; semplificare la struttura dei dati`
      : `i valori sono annidati per più di ${limit} livelli; semplificare la struttura dei dati`,
  YAML_UNRESOLVED_ALIAS: ({ detail }) => `alias senza ancora corrispondente: ${detail}`,
  YAML_UNSUPPORTED_TAG: ({ tag }) => `psttm non legge il tag YAML ${tag}; toglierlo e scrivere il valore in forma semplice (una data come 2025-12-31, un elenco come [a, b]), tra virgolette se deve restare un testo`,
  SCHEMA_MISSING_PROPERTY: ({ at, property }) => atPath(at, `manca la proprietà obbligatoria "${property}"`),
  SCHEMA_UNKNOWN_PROPERTY: ({ at, property, suggestion, allowed }) =>
    atPath(at, `proprietà sconosciuta "${property}"${suggestion ? `; forse si intendeva "${suggestion}"?` : allowed.length ? `; ammesse: ${allowed.join(', ')}` : ''}`),
  SCHEMA_WRONG_TYPE: (args) => atPath(args.at, wrongTypeText(args, TYPE_WORDS)),
  SCHEMA_INVALID_VALUE: (args) => {
    if (args.case === 'enum') return atPath(args.at, `${args.value} non è ammesso; usare uno di questi valori: ${args.allowed.join(', ')}`);
    if (args.case === 'const') return atPath(args.at, withHint(`${args.value} non è ammesso; deve essere ${args.required}`, args.hint));
    return atPath(args.at, withHint(`${args.value}: deve essere ${args.comparison} ${args.limit}`, args.hint));
  },
  SCHEMA_INVALID_FORMAT: ({ at, value, hint, keyword, expected }) =>
    atPath(at, hint === undefined ? `${value} non è valido: deve rispettare ${keyword === 'pattern' ? 'lo schema' : 'il formato'} "${expected}"` : withHint(`${value} non è valido`, hint)),
  SCHEMA_VIOLATION: (args) => {
    switch (args.case) {
      case 'min-length':
        return atPath(args.at, withHint(args.limit === 1 ? 'non può essere vuoto' : `deve avere almeno ${args.limit} caratteri`, args.hint));
      case 'min-items':
        return atPath(args.at, withHint(args.limit === 1 ? 'deve elencare almeno un elemento' : `deve elencare almeno ${args.limit} elementi`, args.hint));
      case 'forbidden':
        return atPath(args.at, withHint('non va indicato qui', args.hint));
      case 'other':
        return atPath(args.at, withHint(`vincolo dello schema non rispettato: ${args.detail}`, args.hint));
    }
  },
  SCHEMA_ERROR_LIMIT: ({ unlisted, listed }) => `altri ${unlisted} errori di schema da qui in poi non sono elencati; correggere i primi ${listed} e validare di nuovo`,
  NO_MISSIONS: () => 'il piano non ha file di missione; aggiungere plan/missions/m1-<slug>.yaml e gli altri',
  DUPLICATE_ID: (args) => {
    switch (args.case) {
      case 'objective':
        return `l'obiettivo ${args.id} è già definito in ${args.where}`;
      case 'numbered':
        return `${args.id} è già definito in ${args.where}`;
      case 'project':
        return `il progetto ${args.project} è già definito in ${args.where}`;
      case 'plan-list':
        return `${args.list}: l'id "${args.id}" è usato due volte`;
      case 'indicator':
        return `l'indicatore ${args.indicator} è definito due volte in ${args.project}`;
      case 'link':
        return `${args.project} è collegato due volte a ${args.objective}`;
      case 'vote':
        return `${args.objective} è contato due volte; riunire i suoi voti in una sola voce`;
    }
  },
  NUMBERING_GAP: ({ id, previous, missingFrom, missingTo }) =>
    `${id} ${previous ? `segue ${previous}` : 'è il primo'}: ${missingTo ? `mancano da ${missingFrom} a ${missingTo}` : `manca ${missingFrom}`}`,
  NUMBERING_ORDER: ({ id, previous }) => `${id} viene dopo ${previous}; tenere gli elementi nell'ordine dei loro numeri`,
  OBJECTIVE_MISSION_MISMATCH: ({ objective, mission }) => `l'obiettivo ${objective} è nella missione ${mission}; numerarlo ${mission}.<n> o spostarlo nel file della sua missione`,
  SUPERSEDED_TWICE: ({ objective, former, first }) => `${objective} sostituisce ${former}, che già ${first} sostituisce; i collegamenti a ${former} possono contare per un solo obiettivo`,
  MISSION_FILE_NAME: ({ name, mission, prefix }) => `il nome del file "${name}" non corrisponde alla missione ${mission}; rinominarlo ${prefix}<slug>.yaml`,
  UNKNOWN_ACTOR_COLUMN: ({ objective, name, suggestion, columns }) =>
    `${objective ? `${objective}: ` : ''}"${name}" non è una colonna degli attori di plan.yaml${suggestion ? `; forse si intendeva "${suggestion}"?` : `; usare una di queste: ${columns.join(', ')}`}`,
  MISSING_ACTOR_COLUMN: ({ objective, columns }) => `${objective}: indicare se ${columns.join(', ')} si applica (true o false)`,
  NO_ACTOR_MARKED: ({ objective }) => `${objective} non segna alcuna colonna degli attori; il piano ne segna almeno una per ogni obiettivo`,
  OBJECTIVES_STATUS_MISMATCH: (args) =>
    args.case === 'listed'
      ? `${args.mission} elenca ${args.count} obiettivi ma dichiara che non sono trascritti; impostare objectives_status: transcribed`
      : `${args.mission} dichiara trascritti i suoi obiettivi ma non ne elenca nessuno; aggiungerli o impostare objectives_status: not_transcribed`,
  OBJECTIVES_NOT_TRANSCRIBED: ({ mission, title }) => `${mission} "${title}": la fonte non contiene la tabella degli obiettivi di questa missione, che per ora non ha obiettivi`,
  PERIOD_ORDER: ({ start, end }) => `il periodo finisce (${end}) prima di iniziare (${start})`,
  THRESHOLD_ORDER: ({ atRisk, onTrack }) => `at_risk_ratio (${atRisk}) deve essere inferiore a on_track_ratio (${onTrack})`,
  PROJECT_FILE_NAME: ({ id, stem }) => `l'id "${id}" è diverso dal nome del file "${stem}"; rinominare il file ${id}.yaml o cambiare l'id`,
  UNKNOWN_OBJECTIVE: ({ objective, suggestion }) => `${objective} non è un obiettivo del piano${suggestion ? `; forse si intendeva ${suggestion}?` : ''}`,
  LINK_TO_SUPERSEDED: ({ code, objective, current }) => `${code ? `${code}: ` : ''}${objective} ora è ${current} (che sostituisce ${objective}); collegare ${current}`,
  MISSION_WITHOUT_OBJECTIVES: ({ objective, mission, title }) =>
    `${objective}: la missione ${mission} "${title}" non ha ancora obiettivi (la fonte non li riporta), quindi questo collegamento non conta in nessun obiettivo`,
  LEAD_KIND_NOT_EXPECTED: ({ objective, marked, columns, leadKind, project }) =>
    `${objective} è segnato per ${marked.join(', ')}, non per ${columns.join(', ')}, eppure il capofila di ${project} è di tipo ${LABELS.it.leadKind[leadKind].toLowerCase()}`,
  LEAD_NOT_STATED: ({ project }) => `${project} non indica un capofila, quindi non dà credito ad alcuna colonna degli attori degli obiettivi che persegue; aggiungere lead quando la fonte lo indica`,
  WEIGHT_SUM: (args) =>
    args.case === 'partial'
      ? `${args.given} collegamenti su ${args.links} hanno un peso; dare un peso a tutti i collegamenti o a nessuno`
      : `i pesi dei collegamenti sommano a ${args.sum}; fare in modo che sommino a 1`,
  UNKNOWN_ISTAT_CODE: ({ code, match }) => `${code} non è il codice ISTAT di un comune della Città metropolitana${match ? `; ${match.name} ha codice ${match.istat}` : ''}`,
  UNKNOWN_ZONE: ({ zone, suggestion, zones }) => `"${zone}" non è una zona omogenea${suggestion ? `; forse si intendeva "${suggestion}"?` : zones ? `; zone: ${zones.join(', ')}` : ''}`,
  COMUNE_WITHOUT_ISTAT: ({ name, istat }) => `${name} è un comune: aggiungere il suo codice ISTAT${istat ? ` (istat: "${istat}")` : ''}`,
  TERRITORY_MISMATCH: (args) =>
    args.case === 'empty'
      ? `scope è ${args.scope} ma territory.${args.scope} non elenca nulla; elencare lì ${args.scope === 'zones' ? 'le zone' : 'i comuni'}`
      : `scope è ${args.scope} ma il territorio elenca anche territory.${args.extra}; impostare lo scope che corrisponde all'elenco o rimuovere l'elenco`,
  INVALID_CUP: ({ cup }) => `"${cup}" non è un CUP: 15 caratteri, una lettera, 2 cifre, una lettera, 11 cifre (ad es. B41B21002330005)`,
  UNKNOWN_SOURCE: ({ source, sources }) => `la fonte "${source}" non è tra le fonti di questo progetto (${sources.join(', ')})`,
  ACTUAL_BEFORE_BASELINE: ({ indicator, date, baseline }) => `${indicator}: il valore del ${date} ha una data anteriore al valore di partenza (${baseline})`,
  ACTUAL_IN_FUTURE: ({ indicator, date, today }) => `${indicator}: il valore è datato ${date}, dopo la data di oggi (${today})`,
  TARGET_BEFORE_BASELINE: ({ indicator, date, baseline }) =>
    `${indicator}: il traguardo del ${date} non è successivo al valore di partenza (${baseline}); datarlo più avanti o correggere il valore di partenza`,
  INDICATOR_BOUNDS: (args) =>
    args.case === 'order'
      ? `${args.indicator}: min ${args.min} è maggiore di max ${args.max}; correggere uno dei due`
      : `${args.indicator}: il valore ${args.value} è fuori dai limiti (${[args.min === undefined ? undefined : `min ${args.min}`, args.max === undefined ? undefined : `max ${args.max}`].filter(Boolean).join(', ')}); correggere il valore o i limiti`,
  INDICATOR_WITHOUT_TARGET: ({ indicator }) => `${indicator}: nessun traguardo, quindi il suo avanzamento non si può calcolare (aggiungerne uno solo se una fonte lo stabilisce)`,
  VOTES_EXCEED_PARTICIPANTS: ({ votes, participants, maxChoices, possible }) =>
    `${votes} voti, ma ${participants} partecipanti che scelgono fino a ${maxChoices} obiettivi ne esprimono al massimo ${possible}`,
  CONSULTATION_WITHOUT_RESULTS: ({ consultation }) => `${consultation}: la fonte non riporta risultati, quindi questa consultazione per ora non dà priorità ad alcun obiettivo`,
  PROJECT_STALE: ({ updated, months, limit }) => `ultimo aggiornamento ${updated}, ${months} mesi fa (limite: ${limit}); rivedere i dati e aggiornare updated`,
  DUP_FILE_NAME: ({ name, istat }) => `il nome del file "${name}" non inizia con il codice ISTAT del comune; rinominarlo ${istat}-<slug>.yaml`,
  DUP_UNKNOWN_COMUNE: ({ istat, match }) => `${istat} non è il codice ISTAT di un comune della Città metropolitana${match ? `; ${match.name} ha codice ${match.istat}` : ''}`,
  DUP_COMUNE_MISMATCH: ({ istat, name, expected }) => `in plan/reference/comuni.csv ${istat} è ${expected}, non "${name}"; correggere il codice o il nome`,
  DUP_COMUNE_TWICE: ({ istat, name, where }) => `${name} (${istat}) ha già un DUP in ${where}; tenere un solo file per comune`,
  DUP_DUPLICATE_CODE: ({ code, where }) => `il codice ${code} è usato due volte (la prima in ${where}); dare a ogni obiettivo il suo codice`,
  DUP_PARENT_MISSING: ({ code, parent }) => `${code}: l'obiettivo padre ${parent} non è un obiettivo di questo DUP`,
  DUP_PARENT_NOT_STRATEGIC: (args) =>
    args.case === 'operational-parent'
      ? `${args.code}: l'obiettivo padre ${args.parent} è un obiettivo operativo; indicare l'obiettivo strategico a cui appartiene`
      : `${args.code} è un obiettivo strategico e non ha un obiettivo padre; togliere parent ${args.parent} o renderlo operativo`,
  DUP_UNKNOWN_MISSIONE: ({ code, missione }) => `${code}: ${missione} non è una missione di bilancio (01-20, 50, 60, 99)`,
  DUP_PROGRAMMA_OUTSIDE_MISSIONE: ({ code, programma, missione }) => `${code}: il programma ${programma} non appartiene alla missione ${missione}; le sue prime due cifre devono essere ${missione}`,
  DUP_UNKNOWN_OBJECTIVE: ({ code, objective, suggestion }) => `${code}: ${objective} non è un obiettivo del piano${suggestion ? `; forse si intendeva ${suggestion}?` : ''}`,
  DUP_MISSION_WITHOUT_OBJECTIVES: ({ code, objective, mission, title }) =>
    `${code}: ${objective}: la missione ${mission} "${title}" non ha ancora obiettivi (la fonte non li riporta), quindi questo collegamento non conta in nessun obiettivo`,
  SHEET_BAD_CODE: (args) =>
    args.case === 'unreadable'
      ? `"${args.value}" non è un codice di ${args.column}; scriverlo come ${args.column === 'missione' ? '01 o "Missione 01 - …"' : '08, 01.08 o "8 - …"'}`
      : `il programma "${args.value}" richiede la sua missione: compilare la colonna della missione o scriverlo come MM.PP (01.08)`,
  SHEET_UNKNOWN_MISSIONE: ({ missione }) => `${missione} non è una missione di bilancio (01-20, 50, 60, 99)`,
  SHEET_PROGRAMMA_OUTSIDE_MISSIONE: ({ programma, missione }) => `il programma ${programma} non appartiene alla missione ${missione}; le sue prime due cifre devono essere ${missione}`,
  SHEET_DUPLICATE_CODE: ({ code, firstRow }) => `il codice ${code} è già usato nella riga ${firstRow}; dare a ogni obiettivo il suo codice`,
  SHEET_NO_TITLE: ({ columns }) => `la riga ha dati ma nessun obiettivo: compilare ${columns.join(' o ')}, o svuotare la riga`,
  SHEET_BAD_LEVEL: ({ value }) => `"${value}" non è un livello; scrivere strategico o operativo`,
  FORM_BAD_NUMBER: ({ value }) => `"${value}" non è un numero; scrivere solo il numero (45, 12,5 o 45%)`,
  FORM_OUT_OF_BOUNDS: ({ value, min, max }) => `${value} è fuori dai valori ammessi in questa cella: ${max === undefined ? `almeno ${min}` : `da ${min} a ${max}`}`,
  FORM_BAD_DATE: ({ value, first, last }) => `"${value}" non è una data dal ${first} al ${last}; scrivere una data in quell'intervallo (gg/mm/aaaa)`,
  FORM_UNKNOWN_CHOICE: ({ value, choices }) => `"${value}" non è nell'elenco; scegliere tra ${choices.join(', ')}`,
  FORM_INCOMPLETE_ROW: ({ missing }) => `la riga è compilata solo in parte: compilare anche "${missing}", o svuotare la riga`,
  FORM_EDITED_CELL: ({ expected, found }) => `questa cella in sola lettura è stata modificata: il modulo è stato inviato con "${expected}", ora contiene "${found}"; ripristinarla (o compilare un nuovo modulo)`,
  FORM_UNKNOWN_ROW: ({ project, item }) => (item === undefined ? `il progetto ${project} non è tra quelli per cui è stato preparato il modulo, o non è più nel piano; svuotare la riga` : `il progetto ${project} non ha più ${item}; svuotare la riga, o preparare un nuovo modulo`),
  FORM_NOTE_NOT_KEPT: ({ project, item }) => `la nota su ${item} di ${project} non è importata: il file di un progetto conserva note solo con le misure; riportare a mano ciò che conta in una fonte del progetto`,
  FORM_CONFLICT: ({ current, form }) => `il file del progetto ora contiene ${current}, scritto dopo la preparazione del modulo; il valore ${form} del modulo non è importato (rieseguire con --force per prendere quello del modulo)`,
  DANGLING_LINK: ({ code, objective, renumbered }) =>
    `${code ? `${code}: ` : ''}collegato a ${objective}, che questa modifica elimina; ${renumbered ? `se ${renumbered} è ${objective} rinumerato, aggiungere "supersedes: [${objective}]" a ${renumbered}, altrimenti collegare` : 'collegare'} un obiettivo del piano`,
  DUP_DUPLICATE_LINK: (args) =>
    args.case === 'linked-twice'
      ? `${args.code} è collegato due volte a ${args.objective}; tenere un solo collegamento`
      : `${args.code} è collegato a ${args.objective} e allo stesso tempo lo rifiuta; tenere una delle due cose`,
};
