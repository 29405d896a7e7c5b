import { diffWords } from 'diff';
import type { TextChange } from '../../compute/diff/plan-diff.js';

/** A run of text, plain or marked: an id, or words a change removed or added. */
interface Span {
  text: string;
  mark?: 'id' | 'removed' | 'added';
}

/** A line of text made of spans, which each output marks its own way (colour, Markdown). */
export type RichText = Span[];

/** A text change as words kept, removed and added, so a retitle shows what moved and not the whole title twice. */
export function wordChange({ before, after }: TextChange): RichText {
  return diffWords(before, after).map((part): Span => (part.removed ? { text: part.value, mark: 'removed' } : part.added ? { text: part.value, mark: 'added' } : { text: part.value }));
}
