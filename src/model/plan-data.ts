/** The shapes of plan files once their schema has accepted them (see schemas/). */

export interface NamedTextData {
  id: string;
  name: string;
  text: string;
}

export const LEAD_KINDS = ['citta_metropolitana', 'comune', 'corpo_intermedio'] as const;
export type LeadKind = (typeof LEAD_KINDS)[number];

interface ActorColumnData {
  id: string;
  label: string;
  label_en?: string;
  lead_kind: LeadKind;
}

export interface MonitoringData {
  on_track_ratio: number;
  at_risk_ratio: number;
  freshness_months: number;
  project_update_months: number;
  /** Below this share of items with data a roll-up's status is insufficient_data (default 0.5). */
  min_data_share?: number;
}

export interface PlanData {
  id: string;
  title: string;
  short_title?: string;
  authority?: string;
  period: { start: number; end: number };
  source: { title: string; section?: string };
  vision: { summary: string; keywords: NamedTextData[] };
  action_coordinates: NamedTextData[];
  directions: (NamedTextData & { actor_column: string })[];
  actor_columns: ActorColumnData[];
  monitoring: MonitoringData;
}

interface ObjectiveData {
  id: string;
  title: string;
  actors: Record<string, boolean>;
  supersedes?: string[];
  note?: string;
}

export interface MissionData {
  id: string;
  title: string;
  pnrr_mission: string;
  description: string;
  source: string;
  themes: string[];
  objectives_status: 'transcribed' | 'not_transcribed';
  objectives: ObjectiveData[];
}

export interface ActorData {
  kind: LeadKind;
  name: string;
  istat?: string;
  /** The person to write to about the project (the lead's: the data round addresses its form to them). */
  contact?: { name: string; email: string };
}

export interface DatedValueData {
  value: number;
  date: string;
}

export interface IndicatorData {
  id: string;
  name: string;
  unit: string;
  kind: 'quantitative' | 'percentage' | 'qualitative';
  direction: 'increase' | 'decrease';
  /** The lowest value it can take (default 0). */
  min?: number;
  /** The highest value it can take (default none; 1 for a percentage). */
  max?: number;
  baseline?: DatedValueData;
  targets?: DatedValueData[];
  actuals?: (DatedValueData & { source: string; note?: string })[];
}

export interface ConsultationData {
  id: string;
  event: string;
  date?: string;
  zone: string;
  method?: string;
  max_choices: number;
  participants?: number;
  votes_status: 'transcribed' | 'not_available';
  votes?: { objective: string; votes: number }[];
  note?: string;
  source: { title: string; section?: string };
}

export const PROJECT_STATUSES = ['idea', 'planned', 'in_progress', 'completed', 'suspended', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface ProjectData {
  id: string;
  title: string;
  summary?: string;
  status: ProjectStatus;
  lead?: ActorData;
  partners?: ActorData[];
  territory: { scope: 'metropolitan' | 'zones' | 'comuni'; zones?: string[]; comuni?: string[] };
  cup?: string;
  period?: { start: string; end?: string };
  funding?: { source: string; amount: number; note?: string; evidence?: string }[];
  objectives: { id: string; weight?: number; note?: string }[];
  indicators?: IndicatorData[];
  milestones?: { title: string; due: string; done?: string }[];
  sources: { id: string; title: string; section?: string }[];
  updated: string;
}

const DUP_LEVELS = ['strategico', 'operativo'] as const;
export type DupLevel = (typeof DUP_LEVELS)[number];

/** A PSTTM objective a DUP objective serves: a suggestion (confirmed false, with its score) or a link a planner confirmed. */
export interface DupLinkData {
  objective: string;
  confirmed: boolean;
  score?: number;
}

export interface DupObjectiveData {
  code: string;
  level: DupLevel;
  parent?: string;
  indirizzo?: string;
  title: string;
  description?: string;
  missione?: string;
  programma?: string;
  responsabile?: string;
  psttm?: DupLinkData[];
  rejected?: string[];
}

/** One comune's DUP (plan/dup/<istat>-<slug>.yaml). */
export interface DupData {
  comune: { istat: string; name: string };
  period: string;
  adopted?: { act: string; date?: string };
  source: { title: string; date?: string; section?: string; url?: string };
  objectives: DupObjectiveData[];
}
