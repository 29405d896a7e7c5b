import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser, type AddressObject } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { readFormMetadata } from '../../src/load/spreadsheet/form-metadata.ts';
import { readSpreadsheet } from '../../src/load/spreadsheet/spreadsheet-file.ts';
import { repoRoot, runBinary, runInProcess, TEST_TODAY } from '../helpers/run-cli.ts';
import { tempPlan } from '../helpers/temp-plan.ts';

/** The base plan's alpha-hub (lead: Città metropolitana di Milano, no contact) and Ufficio Gamma's project, whose lead has a contact. */
const boundsPlan = () => tempPlan(path.join(repoRoot, 'test/fixtures/collect-bounds'));
const forms = (root: string, argv: string[]) => runInProcess(['collect', 'forms', '--plan', root, '--as-of', TEST_TODAY, '--eml', ...argv], { cwd: root });
const GAMMA = 'forms/modulo-ufficio-gamma-2026-11-22';

async function formIdOf(file: string): Promise<string> {
  const read = readFormMetadata(await readSpreadsheet(readFileSync(file), path.basename(file)));
  if (!read || !('metadata' in read)) throw new Error(`${file}: no form metadata`);
  return read.metadata.formId;
}

const addresses = (field: AddressObject | AddressObject[] | undefined) => (field === undefined ? [] : [field].flat().flatMap((object) => object.value.map(({ name, address }) => ({ name, address }))));

describe('psttm collect forms --eml', () => {
  it("writes beside each form an Italian e-mail to the lead's contact, with the due date, whom to answer, and the form attached", async () => {
    const root = boundsPlan();
    const result = await forms(root, ['--lead', 'Ufficio Gamma', '--due', '2027-01-15', '--reply-to', 'Ufficio Piano, piano@example.org']);
    expect(result).toEqual({ code: 0, stdout: `${GAMMA}.xlsx\n${GAMMA}.eml\n`, stderr: '' });
    const form = readFileSync(path.join(root, `${GAMMA}.xlsx`));
    const mail = await simpleParser(readFileSync(path.join(root, `${GAMMA}.eml`)));
    expect(addresses(mail.to)).toEqual([{ name: 'Anna Rossi', address: 'anna.rossi@example.org' }]);
    expect(mail.from).toBeUndefined();
    expect(addresses(mail.replyTo)).toEqual([{ name: '', address: 'piano@example.org' }]);
    expect(mail.subject).toBe('Piano di prova: aggiornamento annuale dei dati dei progetti, da restituire entro il 15/01/2027');
    expect(mail.date?.toISOString()).toBe(`${TEST_TODAY}T00:00:00.000Z`);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.text).toBe(
      [
        'Gentile Anna Rossi,',
        '',
        "in allegato il modulo per l'aggiornamento annuale dei dati dei progetti di cui Ufficio Gamma è capofila nel Piano di prova, con i dati al 22/11/2026.",
        '',
        'Vi chiediamo di compilare le celle gialle con i nuovi valori degli indicatori, le milestone raggiunte e i dati di progetto cambiati, seguendo le istruzioni del primo foglio, e di restituire il modulo compilato, in formato .xlsx, entro il 15/01/2027 a: Ufficio Piano, piano@example.org.',
        '',
        'Per qualsiasi domanda potete rivolgervi allo stesso indirizzo.',
        '',
        'Cordiali saluti,',
        'Ufficio Piano, piano@example.org',
        '',
        `Codice del modulo: ${await formIdOf(path.join(root, `${GAMMA}.xlsx`))}`,
        '',
      ].join('\n'),
    );
    expect(mail.attachments).toHaveLength(1);
    const [attachment] = mail.attachments;
    expect(attachment!.filename).toBe('modulo-ufficio-gamma-2026-11-22.xlsx');
    expect(attachment!.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(attachment!.contentDisposition).toBe('attachment');
    expect(Buffer.compare(attachment!.content, form)).toBe(0);
  });

  it('writes the e-mail of a lead without contact without a recipient, and says so on stderr', async () => {
    const root = boundsPlan();
    const result = await forms(root, ['--json']);
    expect(result.code).toBe(0);
    const files = (JSON.parse(result.stdout) as { files: { lead: string; path: string; eml?: string }[] }).files;
    expect(files.map(({ lead, path: file, eml }) => [lead, file, eml])).toEqual([
      ['Città metropolitana di Milano', 'forms/modulo-citta-metropolitana-di-milano-2026-11-22.xlsx', 'forms/modulo-citta-metropolitana-di-milano-2026-11-22.eml'],
      ['Ufficio Gamma', `${GAMMA}.xlsx`, `${GAMMA}.eml`],
    ]);
    expect(result.stderr).toBe(
      'psttm: forms/modulo-citta-metropolitana-di-milano-2026-11-22.eml has no recipient: no project of Città metropolitana di Milano names lead.contact; add one, or fill in the recipient before sending\n',
    );
    const mail = await simpleParser(readFileSync(path.join(root, 'forms/modulo-citta-metropolitana-di-milano-2026-11-22.eml')));
    expect(mail.to).toBeUndefined();
    // Without --reply-to the text is the plan's title (it states no authority), which names no address.
    expect(mail.replyTo).toBeUndefined();
    expect(mail.text).toContain(' entro il 22/12/2026 a: Piano di prova.\n');
    expect(mail.text?.split('\n')[0]).toBe('Buongiorno,');
    expect(Buffer.compare(mail.attachments[0]!.content, readFileSync(path.join(root, 'forms/modulo-citta-metropolitana-di-milano-2026-11-22.xlsx')))).toBe(0);
  });

  it('gives the same message for the same form and day (no clock time, random id or boundary), and follows --lang', async () => {
    const eml = async (argv: string[], env: Record<string, string> = {}) => {
      const root = boundsPlan();
      const result = await runBinary(['collect', 'forms', '--plan', root, '--as-of', TEST_TODAY, '--eml', '--lead', 'Ufficio Gamma', ...argv], { cwd: root, env });
      expect(result.code, result.stderr).toBe(0);
      const file = result.stdout.trim().split('\n')[1]!;
      return { file, bytes: readFileSync(path.join(root, file)) };
    };
    const first = await eml([]);
    const second = await eml(['--today', TEST_TODAY], { TZ: 'Pacific/Kiritimati' });
    // The attached workbook's zip stamps its entries with the time it was made: the rest of the message is the same bytes.
    const withoutAttachment = (bytes: Buffer) => bytes.toString('latin1').replace(/(Content-Disposition: attachment[^]*?\r\n\r\n)[A-Za-z0-9+/=\r\n]+/, '$1');
    expect(withoutAttachment(first.bytes)).not.toBe(first.bytes.toString('latin1'));
    expect(withoutAttachment(second.bytes)).toBe(withoutAttachment(first.bytes));
    const english = await eml(['--lang', 'en']);
    expect(english.file).toBe('forms/form-ufficio-gamma-2026-11-22.eml');
    const mail = await simpleParser(english.bytes);
    expect(mail.subject).toBe("Piano di prova: yearly update of the projects' data, to return by 22/12/2026");
    expect(mail.text?.split('\n')[0]).toBe('Dear Anna Rossi,');
  });

  it('keeps a contact name that holds a line break inside the To header', async () => {
    const root = boundsPlan();
    const project = path.join(root, 'plan/projects/gamma-rete.yaml');
    writeFileSync(project, readFileSync(project, 'utf8').replace('{ name: Anna Rossi,', '{ name: "Anna\\r\\nBcc: spia@example.org",'));
    expect((await forms(root, ['--lead', 'Ufficio Gamma'])).code).toBe(0);
    const mail = await simpleParser(readFileSync(path.join(root, `${GAMMA}.eml`)));
    expect(mail.bcc).toBeUndefined();
    expect(addresses(mail.to).map((entry) => entry.address)).toEqual(['anna.rossi@example.org']);
  });

  it('overwrites no e-mail without --force, and then writes none of the forms and e-mails of the run (exit 2)', async () => {
    const root = boundsPlan();
    const folder = path.join(root, 'forms');
    expect((await forms(root, ['--lead', 'Ufficio Gamma'])).code).toBe(0);
    const draft = path.join(folder, 'modulo-citta-metropolitana-di-milano-2026-11-22.eml');
    writeFileSync(draft, 'a draft of mine');
    const refused = await forms(root, ['--lead', 'Città metropolitana di Milano']);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: 'psttm: forms/modulo-citta-metropolitana-di-milano-2026-11-22.eml already exists; pass --force to overwrite, or choose another path\n' });
    expect(readdirSync(folder).sort()).toEqual(['modulo-citta-metropolitana-di-milano-2026-11-22.eml', `${path.basename(GAMMA)}.eml`, `${path.basename(GAMMA)}.xlsx`]);
    expect(readFileSync(draft, 'utf8')).toBe('a draft of mine');
    expect((await forms(root, ['--lead', 'Città metropolitana di Milano', '--force'])).code).toBe(0);
    expect((await simpleParser(readFileSync(draft))).attachments).toHaveLength(1);
  });
});
