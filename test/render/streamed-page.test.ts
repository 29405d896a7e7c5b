import { Writable } from 'node:stream';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { pageText, PartialDeferral } from '../../src/render/html/streamed-page.ts';

/** A Handlebars instance with `partials`, each registered deferrable by `deferral`, and a layout rendered as a streamed page. */
function streamedPage(layout: string, partials: Record<string, string>, context: object) {
  const instance = Handlebars.create();
  const deferral = new PartialDeferral();
  for (const [name, text] of Object.entries(partials)) instance.registerPartial(name, deferral.deferrable(instance.compile(text)));
  return { page: deferral.page(() => instance.compile(layout)(context)), direct: () => directRender(layout, partials, context) };
}

/** The same layout rendered at once, as Handlebars renders it without deferral. */
function directRender(layout: string, partials: Record<string, string>, context: object): string {
  const instance = Handlebars.create();
  for (const [name, text] of Object.entries(partials)) instance.registerPartial(name, instance.compile(text));
  return instance.compile(layout)(context);
}

/** The chunks a page writes, in order. */
async function chunksOf(page: { writeTo(stream: Writable): Promise<void> }): Promise<string[]> {
  const chunks: string[] = [];
  await page.writeTo(new Writable({ write: (chunk: Buffer, _encoding, done) => (chunks.push(chunk.toString()), done()) }));
  return chunks;
}

describe('a page streamed partial by partial', () => {
  const missions = { title: 'Piano', missions: [{ id: 'M1', objectives: ['a', 'b'] }, { id: 'M2', objectives: [] }, { id: 'M3', objectives: ['c'] }] };
  const partials = {
    mission: '<section id="{{id}}" data-index="{{@index}}" data-first="{{@first}}" data-last="{{@last}}">{{@root.title}}: {{#each objectives}}{{> objective}}{{/each}}</section>\n',
    objective: '<i>{{this}}</i>',
    footer: '<footer>\n<p>{{title}}</p>\n</footer>\n',
  };

  it("writes what Handlebars renders at once, each item keeping its own @index, @first and @last and @root", async () => {
    const layout = '<main>\n{{#each missions}}\n{{> mission}}\n{{/each}}\n</main>\n{{> footer}}';
    const { page, direct } = streamedPage(layout, partials, missions);
    expect(await pageText(page)).toBe(direct());
    expect(direct()).toContain('<section id="M2" data-index="1" data-first="false" data-last="false">Piano: </section>');
  });

  it('renders the layout first and each section of it as its own chunk, the partials it calls inside that section', async () => {
    const { page } = streamedPage('<main>{{#each missions}}{{> mission}}{{/each}}</main>', partials, missions);
    expect(await chunksOf(page)).toEqual([
      '<main>',
      '<section id="M1" data-index="0" data-first="true" data-last="false">Piano: <i>a</i><i>b</i></section>\n',
      '<section id="M2" data-index="1" data-first="false" data-last="false">Piano: </section>\n',
      '<section id="M3" data-index="2" data-first="false" data-last="true">Piano: <i>c</i></section>\n',
      '</main>',
    ]);
  });

  it('indents every line of a partial standing on an indented line, as Handlebars does', async () => {
    const { page, direct } = streamedPage('<body>\n    {{> footer}}\n</body>', partials, missions);
    expect(await pageText(page)).toBe(direct());
    expect(direct()).toContain('    <footer>\n    <p>Piano</p>\n    </footer>\n');
  });

  it("leaves data that looks like a marker as data, and runs the layout's own pass before anything is written", async () => {
    const { page, direct } = streamedPage('{{title}}{{> footer}}', partials, { title: '\0psttm-0000000000000000-0\0' });
    expect(await pageText(page)).toBe(direct());
    expect(() => streamedPage('{{> missing}}', partials, missions)).toThrow(/could not be found/);
  });
});
