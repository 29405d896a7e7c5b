export interface ObjectiveRef {
  missionId: string;
  number: number;
}

const OBJECTIVE_ID = /^M([1-9][0-9]*)\.([1-9][0-9]*)$/;

/** `M2.12` → mission M2, objective 12; undefined when the text is not an objective id. */
export function parseObjectiveId(id: string): ObjectiveRef | undefined {
  const match = OBJECTIVE_ID.exec(id);
  return match ? { missionId: `M${match[1]}`, number: Number(match[2]) } : undefined;
}

/**
 * What a user may type for an objective or a mission: `M2.12`, `m2.12`, `2.12` (as planners say
 * "obiettivo 2.12"), `M2`, `2`. Returns the canonical id, or the trimmed input when it is neither.
 */
export function normalizeId(input: string): string {
  const text = input.trim();
  const match = /^[mM]?([1-9][0-9]*)(?:\.([1-9][0-9]*))?$/.exec(text);
  if (!match) return text;
  return match[2] === undefined ? `M${match[1]}` : `M${match[1]}.${match[2]}`;
}
