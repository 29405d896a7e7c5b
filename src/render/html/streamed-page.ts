import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { RuntimeOptions } from 'handlebars';

/** A page written to a stream part by part, never held whole. */
export interface StreamedPage {
  writeTo(stream: Writable): Promise<void>;
}

/** A partial as Handlebars calls it: the context and the options of the call. */
type PartialFunction = (context: unknown, options?: PartialOptions) => string;

/** What Handlebars hands a partial: among others its data frame (@index, @root…), and the indent of a partial that stands on its own line. */
type PartialOptions = RuntimeOptions & { indent?: string };

/** A call of a partial, kept to be rendered when the page is written. */
interface DeferredCall {
  partial: PartialFunction;
  context: unknown;
  options: PartialOptions;
}

/**
 * Renders a layout so that the partials it calls itself (`{{> mission}}` in `{{#each missions}}`)
 * are rendered one at a time as the page is written: the layout's own pass leaves a marker for each
 * such call, and writing puts each call's output in place of its marker. A page then never exists as
 * one string; its largest piece is one section. Partials called by partials render as usual, inside
 * the section that calls them.
 */
export class PartialDeferral {
  /** The calls of the layout pass under way; undefined outside one, when partials render at once. */
  #calls: DeferredCall[] | undefined;
  // A marker no plan text can hold: NUL characters around a random nonce and the call's number.
  readonly #nonce = randomBytes(8).toString('hex');
  readonly #marker = new RegExp(`\\0psttm-${this.#nonce}-(\\d+)\\0`);

  /** `partial` as the instance should register it: deferred during a layout pass, else rendered. */
  deferrable(partial: PartialFunction): PartialFunction {
    return (context, options) => {
      const calls = this.#calls;
      if (calls === undefined) return partial(context, options);
      // Handlebars' #each reuses one data frame for every item: keep this item's @index, @first and @key.
      calls.push({ partial, context, options: { ...options, data: options?.data && { ...options.data } } });
      return `\0psttm-${this.#nonce}-${calls.length - 1}\0`;
    };
  }

  /** The page of `layout`: its own pass now (so an error in it stops the run before any file is written), its partials as it is written. */
  page(layout: () => string): StreamedPage {
    const calls: DeferredCall[] = [];
    this.#calls = calls;
    let skeleton: string;
    try {
      skeleton = layout();
    } finally {
      this.#calls = undefined;
    }
    const pieces = skeleton.split(this.#marker);
    return {
      writeTo: async (stream) => {
        // split() leaves the layout's text at even places and each marker's call number at odd ones.
        for (const [index, piece] of pieces.entries()) {
          await write(stream, index % 2 === 0 ? piece : renderCall(calls[Number(piece)]!));
        }
        stream.end();
      },
    };
  }
}

/**
 * A deferred call's output. Handlebars indents every line of a partial standing on an indented line,
 * and has indented the marker's: indent the lines after the first as it would have.
 */
function renderCall({ partial, context, options }: DeferredCall): string {
  const output = partial(context, options);
  if (!options.indent) return output;
  const lines = output.split('\n');
  return lines.map((line, index) => (index === 0 || (line === '' && index === lines.length - 1) ? line : options.indent + line)).join('\n');
}

/** Write `chunk`, waiting while the stream's buffer is full. */
async function write(stream: Writable, chunk: string): Promise<void> {
  if (chunk !== '' && !stream.write(chunk)) await once(stream, 'drain');
}

/** A streamed page as one string, for Chromium to print and for tests to read. */
export async function pageText(page: StreamedPage): Promise<string> {
  const through = new PassThrough();
  const [html] = await Promise.all([text(through), page.writeTo(through)]);
  return html;
}
