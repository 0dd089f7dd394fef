// `sequelize.escape(value)`: a value as the dialect's SQL literal, written as Sequelize v6 writes it there.
// (joinery itself binds every value as a parameter; this is for applications that build SQL text.)

/** How a dialect writes literals, in v6's forms. */
export interface EscapeStyle {
  /** Quotes doubled (`'it''s'`: PostgreSQL, SQLite) or quotes and control characters backslash-escaped (MySQL). */
  readonly strings: 'doubled' | 'backslashes';
  /** `true`/`false`, or `1`/`0` (SQLite). */
  readonly booleans: 'words' | 'numbers';
  /** `ARRAY['a',1]` (PostgreSQL) or a comma-separated list (`'a', 1`), nested arrays in parentheses. */
  readonly arrays: 'array' | 'list';
  /** `'2020-01-02 03:04:05.000 +00:00'` (milliseconds and offset) or `'2020-01-02 03:04:05'` (MySQL). */
  readonly dates: 'withOffset' | 'plain';
  /** A Buffer as a literal: `E'\\x…'` (PostgreSQL) or `X'…'`. */
  buffer(value: Buffer): string;
}

const backslashed: Record<string, string> = { '\0': '\\0', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\t': '\\t', '\x1a': '\\Z' };

function quoteString(text: string, style: EscapeStyle): string {
  if (style.strings === 'doubled') return `'${text.replace(/'/g, "''")}'`;
  return `'${text.replace(/[\0\n\r\b\t\\'"\x1a]/g, (character) => backslashed[character] ?? `\\${character}`)}'`;
}

/** Minutes east of UTC for a `timezone` option: `'+02:00'`, `'-05:30'` or an IANA name (`'Europe/Berlin'`). */
export function offsetMinutes(timezone: string | undefined, at: Date): number {
  if (!timezone || timezone === 'Z' || timezone === 'UTC') return 0;
  const fixed = /^([+-])(\d{1,2}):?(\d{2})$/.exec(timezone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  try {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(at);
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
  } catch {
    return 0;
  }
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The date as wall-clock text in `timezone`: `2020-01-02 05:04:05.000 +02:00` (withOffset) or `2020-01-02 05:04:05`. */
export function formatInTimezone(date: Date, timezone: string | undefined, form: EscapeStyle['dates']): string {
  const offset = offsetMinutes(timezone, date);
  const shifted = new Date(date.getTime() + offset * 60_000);
  const text = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`;
  if (form === 'plain') return text;
  const sign = offset < 0 ? '-' : '+';
  return `${text}.${pad(shifted.getUTCMilliseconds(), 3)} ${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}

/**
 * The literal, or `undefined` for a value these rules do not cover (SQL fragments, plain objects), which the
 * caller handles.
 */
export function escapeValue(value: unknown, style: EscapeStyle, timezone: string | undefined): string | undefined {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'boolean') return style.booleans === 'numbers' ? (value ? '1' : '0') : String(value);
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  if (typeof value === 'string') return quoteString(value, style);
  if (value instanceof Date) return quoteString(formatInTimezone(value, timezone, style.dates), style);
  if (Buffer.isBuffer(value)) return style.buffer(value);
  if (Array.isArray(value)) {
    const item = (element: unknown): string => Array.isArray(element) && style.arrays === 'list' ? `(${element.map(item).join(', ')})` : (escapeValue(element, style, timezone) ?? 'NULL');
    return style.arrays === 'array' ? `ARRAY[${value.map(item).join(',')}]` : value.map(item).join(', ');
  }
  return undefined;
}
