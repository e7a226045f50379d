// A small RFC 4180 parser: comma-separated (or `;` or tab, as German spreadsheet programs write),
// fields optionally quoted with ", a quote inside a quoted field doubled (""), line breaks (LF or
// CRLF) allowed inside quotes. Each record keeps the 1-based line number it starts on, for error
// messages.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

export type CsvSeparator = ',' | ';' | '\t';

export interface CsvOptions {
  /** Field separator; default ','. detectSeparator() picks it from the header line. */
  separator?: CsvSeparator;
}

/**
 * The separator of a file from its first line: whichever of `,`, `;` and tab occurs most often
 * outside quotes (Excel and LibreOffice with German settings write `;`). ',' when none occurs.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as CsvSeparator]++;
  }
  const best = (Object.keys(counts) as CsvSeparator[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ',';
}

export function parseCsv(text: string, options: CsvOptions = {}): CsvRecord[] {
  const sep = options.separator ?? ',';
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte order mark
  let line = 1;
  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) {
            throw new CsvSyntaxError(
              start,
              'a quoted field is never closed (a field that starts with " must end with ")',
            );
          }
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          value += ch;
          i++;
        }
        if (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          throw new CsvSyntaxError(line, 'unexpected character after a closing quote');
        }
      } else {
        while (i < text.length && text[i] !== sep && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field');
          value += text[i++];
        }
      }
      fields.push(value);
      if (text[i] === sep) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    line++;
    // blank lines are skipped
    if (!(fields.length === 1 && fields[0].trim() === '')) records.push({ line: start, fields });
  }
  return records;
}
