// Turns the bytes of a CSV file into text. Spreadsheet programs on German Windows save "CSV" as
// Windows-1252 unless told otherwise, and Excel's "Unicode text" is UTF-16: both are read as
// such. What is none of these (a workbook, a PDF, an unknown code page) is refused with a hint.

export type CsvEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252';

export class CsvEncodingError extends Error {}

export const SAVE_AS_HINT =
  'save it as "CSV UTF-8" (Excel: Speichern unter > "CSV UTF-8 (durch Trennzeichen getrennt)"; ' +
  'LibreOffice: Speichern unter > Text CSV, Zeichensatz "Unicode (UTF-8)")';

// Windows-1252 differs from Latin-1 only in 0x80..0x9F; five of those bytes are unassigned.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_UNASSIGNED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (CP1252_UNASSIGNED.has(b)) {
      throw new CsvEncodingError(
        `the file is neither UTF-8 nor Windows-1252 (byte 0x${b.toString(16)}): ${SAVE_AS_HINT}`,
      );
    }
    out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  }
  return out;
}

const startsWith = (bytes: Uint8Array, ...prefix: number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/** The file's text and the encoding it was read in; a UTF-8 byte order mark is dropped. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (startsWith(bytes, 0xff, 0xfe)) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  }
  if (startsWith(bytes, 0xfe, 0xff)) {
    const swapped = Uint8Array.from(bytes.subarray(2), (_, i) => bytes[2 + (i ^ 1)] ?? 0);
    return { text: new TextDecoder('utf-16le').decode(swapped), encoding: 'UTF-16BE' };
  }
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    throw new CsvEncodingError(`the file is a workbook (.xlsx or .ods), not CSV: ${SAVE_AS_HINT}`);
  }
  if (bytes.includes(0)) {
    throw new CsvEncodingError(`the file is not text (it contains NUL bytes): ${SAVE_AS_HINT}`);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'Windows-1252' };
  }
}
