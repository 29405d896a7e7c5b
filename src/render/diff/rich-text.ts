import { diffWords } from 'diff';
import type { TextChange } from '../../compute/diff/plan-diff.js';

/** A run of text, plain or marked: an id, or words a change removed or added. */
interface Span {
  text: string;
  mark?: 'id' | 'removed' | 'added';
}

/** A line of text made of spans, which each output marks its own way (colour, Markdown). */
export type RichText = Span[];

/**
 * The most words and spaces a word diff may remove and add before it gives up: far beyond a retitle,
 * and it bounds the work, which grows with the square of the edits (a 400 KB title took minutes).
 */
const MAX_WORD_EDITS = 500;

/**
 * A text change as words kept, removed and added, so a retitle shows what moved and not the whole
 * title twice; texts further apart than MAX_WORD_EDITS show whole, the old removed and the new added.
 */
export function wordChange({ before, after }: TextChange): RichText {
  const parts = diffWords(before, after, { maxEditLength: MAX_WORD_EDITS });
  if (parts === undefined) return [{ text: before, mark: 'removed' }, { text: after, mark: 'added' }];
  return parts.map((part): Span => (part.removed ? { text: part.value, mark: 'removed' } : part.added ? { text: part.value, mark: 'added' } : { text: part.value }));
}
