/** One record of a CSV or TSV text, with the line it starts on (1-based), for messages. */
export interface DelimitedRow {
  readonly line: number;
  readonly fields: readonly string[];
}

export interface DelimitedText {
  /** Records, blank lines left out. */
  readonly rows: readonly DelimitedRow[];
  /** The line of a quote that is never closed (the rest of the text became its field), or null. */
  readonly unclosedQuoteLine: number | null;
}

/** Tab when the first line has a tab, else semicolon when it has a semicolon and no comma (spreadsheets in many locales), else comma. */
export function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0];
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';') && !firstLine.includes(',')) return ';';
  return ',';
}

/**
 * Parses CSV or TSV as RFC 4180 does: fields in double quotes may hold the delimiter, line breaks
 * and doubled quotes (`""`); LF or CRLF line ends; a leading byte-order mark is dropped. Unquoted
 * fields are trimmed, since hand-written lists often put a space after the comma.
 */
export function parseDelimitedText(text: string, delimiter: string): DelimitedText {
  const parser = new DelimitedParser(text.replace(/^\uFEFF/, ''), delimiter);
  return parser.parse();
}

class DelimitedParser {
  private readonly rows: DelimitedRow[] = [];
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  private line = 1;
  private rowLine = 1;
  private quoteLine: number | null = null;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {}

  parse(): DelimitedText {
    for (let i = 0; i < this.text.length; i++) i = this.quoteLine === null ? this.plain(i) : this.inQuotes(i);
    const unclosedQuoteLine = this.quoteLine;
    this.endRow();
    return { rows: this.rows, unclosedQuoteLine };
  }

  /** Reads the character at `at` outside quotes; returns the index of the last character used. */
  private plain(at: number): number {
    const char = this.text[at];
    if (char === this.delimiter) this.endField();
    else if (char === '\n' || char === '\r') {
      this.endRow();
      if (char === '\r' && this.text[at + 1] === '\n') at++;
      this.line++;
      this.rowLine = this.line;
    } else if (char === '"' && !this.quoted && this.field.trim() === '') {
      this.field = '';
      this.quoted = true;
      this.quoteLine = this.line;
    } else if (!(this.quoted && char.trim() === '')) this.field += char;
    return at;
  }

  private inQuotes(at: number): number {
    const char = this.text[at];
    if (char === '"' && this.text[at + 1] === '"') {
      this.field += '"';
      return at + 1;
    }
    if (char === '"') this.quoteLine = null;
    else {
      if (char === '\n') this.line++;
      this.field += char;
    }
    return at;
  }

  private endField(): void {
    this.fields.push(this.quoted ? this.field : this.field.trim());
    this.field = '';
    this.quoted = false;
  }

  private endRow(): void {
    this.endField();
    const blank = this.fields.length === 1 && this.fields[0] === '';
    if (!blank) this.rows.push({ line: this.rowLine, fields: this.fields });
    this.fields = [];
  }
}
