import { InputError } from '../../core/errors.js';

/** A placeholder of a scaffold template: `@NAME@`, upper-case letters and underscores. */
const PLACEHOLDER = /@([A-Z_]+)@/g;

/** The text of a shipped scaffold template with each `@NAME@` replaced by its value. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>, templateName: string): string {
  return text.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) throw new InputError(`the shipped template ${templateName} has the unknown placeholder ${placeholder}; reinstall psttm`);
    return value;
  });
}
