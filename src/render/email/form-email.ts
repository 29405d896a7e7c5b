import parseAddresses from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { startOfDay } from '../../model/dates.js';
import { fillLabel, type Labels } from '../labels.js';
import { localeFormat } from '../format.js';

/** The content type of an .xlsx workbook, which mail clients open in Excel or LibreOffice Calc. */
const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface FormEmail {
  lead: string;
  contact: { name: string; email: string } | undefined;
  planTitle: string;
  formId: string;
  asOf: string;
  due: string;
  replyTo: string;
  /** The day the message is dated (today). */
  date: string;
  attachment: { fileName: string; content: Buffer };
}

/**
 * A lead's form as a ready-to-send e-mail (RFC 5322, the .eml a mail client opens): to the lead's
 * contact (none without one), replying to the addresses the reply-to text names, in the form's
 * language, with the form attached. Nothing is sent; it is
 * marked unsent (`X-Unsent: 1`), so clients that know the header open it as a draft. The date,
 * message id and part boundaries come from the day and the form, not from the clock or chance.
 */
export async function formEmail(email: FormEmail, labels: Labels): Promise<Buffer> {
  const words = labels.form.email;
  const format = localeFormat(labels.locale);
  const fill = (text: string) =>
    fillLabel(text, { plan: email.planTitle, lead: email.lead, asOf: format.shortDate(email.asOf), due: format.shortDate(email.due), replyTo: email.replyTo, formId: email.formId });
  const greeting = email.contact ? fillLabel(words.greeting, { name: email.contact.name }) : words.greetingNoName;
  const text = [greeting, '', ...words.body.flatMap((paragraph) => [fill(paragraph), '']), words.closing, email.replyTo, '', fill(words.formId), ''].join('\n');
  // The addresses the reply-to text names (`Ufficio Piano, piano@example.org`), if any: the lead's reply goes there.
  const replyTo = parseAddresses(email.replyTo, { flatten: true }).filter((entry) => entry.address.includes('@'));
  const composer = new MailComposer({
    ...(email.contact && { to: { name: email.contact.name, address: email.contact.email } }),
    ...(replyTo.length > 0 && { replyTo }),
    subject: fill(words.subject),
    text,
    date: startOfDay(email.date),
    messageId: `<${email.formId}@psttm.invalid>`,
    baseBoundary: email.formId.slice(0, 16),
    headers: { 'X-Unsent': '1' },
    attachments: [{ filename: email.attachment.fileName, content: email.attachment.content, contentType: XLSX_CONTENT_TYPE }],
  });
  return composer.compile().build();
}
