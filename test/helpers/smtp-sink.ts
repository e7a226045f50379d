// A real SMTP server on 127.0.0.1 (smtp-server) that parses what arrives with mailparser.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './wait-for';

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:<port> for SMTP_URL. */
  url: string;
  mails: ParsedMail[];
  /** Envelope recipients of each mail, in arrival order. */
  recipients: string[][];
  /** Waits until at least n mails have arrived. */
  waitForMails(n: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const recipients: string[][] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          recipients.push(session.envelope.rcptTo.map((r) => r.address));
          mails.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `smtp://127.0.0.1:${actual}`,
    mails,
    recipients,
    waitForMails: (n) =>
      waitFor(`${n} mails at the SMTP sink`, async () => mails.length >= n && mails),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
