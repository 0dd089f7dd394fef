const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

let lastTime = Number.NaN;
let lastText = '';

/** `2024-05-01 13:04:05.123` in UTC: the text form dates take in SQL text and on SQLite. */
export function formatUtcDateTime(date: Date): string {
  const time = date.getTime();
  // A batch stamps every row with the same instant: format it once.
  if (time === lastTime) return lastText;
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999 || Number.isNaN(time)) return formatFieldByField(date);
  const iso = date.toISOString();
  lastText = `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  lastTime = time;
  return lastText;
}

function formatFieldByField(date: Date): string {
  return (
    `${String(date.getUTCFullYear()).padStart(4, '0')}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())} ` +
    `${pad2(date.getUTCHours())}:${pad2(date.getUTCMinutes())}:${pad2(date.getUTCSeconds())}.${pad3(date.getUTCMilliseconds())}`
  );
}

const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses the text forms databases hand back (`2024-05-01 13:04:05.123 +00:00`, ISO strings, bare dates).
 * A string without an offset is read as UTC, which is how joinery writes them.
 */
export function parseDateTime(text: string): Date {
  if (text === lastParsedText) return new Date(lastParsedTime);
  if (isOwnFormat(text)) return parseOwnFormat(text);
  const match = dateTimePattern.exec(text);
  if (!match) return new Date(text);
  const [, year, month, day, hours, minutes, seconds, fraction, offset] = match;
  const millis = fraction ? Number(fraction.slice(0, 3).padEnd(3, '0')) : 0;
  let time = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hours ?? 0), Number(minutes ?? 0), Number(seconds ?? 0), millis);
  if (Number(year) < 100) {
    const date = new Date(time);
    date.setUTCFullYear(Number(year));
    time = date.getTime();
  }
  if (offset && offset !== 'Z') {
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0');
    time -= sign * offsetMinutes * 60_000;
  }
  return new Date(time);
}

const digit = (text: string, index: number) => text.charCodeAt(index) - 48;
const two = (text: string, index: number) => digit(text, index) * 10 + digit(text, index + 1);

/** `YYYY-MM-DD HH:MM:SS.mmm +00:00`: 30 characters, ` ` at 10, `.` at 19, ` +00:00` at the end. */
function isOwnFormat(text: string): boolean {
  return text.length === 30 && text.charCodeAt(10) === 32 && text.charCodeAt(19) === 46 && text.charCodeAt(23) === 32 && text.charCodeAt(24) === 43
    && text.charCodeAt(25) === 48 && text.charCodeAt(26) === 48 && text.charCodeAt(27) === 58 && text.charCodeAt(28) === 48 && text.charCodeAt(29) === 48;
}

/** The last own-format text read and its time (only own-format texts are remembered). */
// Starts as '' → NaN: an empty string reads as an Invalid Date, as `new Date('')` does.
let lastParsedText = '';
let lastParsedTime = Number.NaN;

/**
 * `YYYY-MM-DD HH:MM:SS.mmm +00:00`, the form joinery (and Sequelize) write on SQLite: read by position, no
 * regex, no Date.UTC call. Rows often hold the same instant twice (createdAt and updatedAt of a row never
 * updated, rows inserted together): the last text read is remembered, and each call still makes a new Date.
 */
function parseOwnFormat(text: string): Date {
  const month = two(text, 5);
  // Out-of-range months roll over the way Date.UTC rolls them; every other field is linear in both.
  if (month < 1 || month > 12) return parseOwnFormatByDateUtc(text);
  const time = daysSinceEpoch(two(text, 0) * 100 + two(text, 2), month, two(text, 8)) * 86_400_000
    + two(text, 11) * 3_600_000 + two(text, 14) * 60_000 + two(text, 17) * 1000 + digit(text, 20) * 100 + two(text, 21);
  lastParsedText = text;
  lastParsedTime = time;
  return new Date(time);
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

function parseOwnFormatByDateUtc(text: string): Date {
  const year = two(text, 0) * 100 + two(text, 2);
  const millis = digit(text, 20) * 100 + two(text, 21);
  const time = Date.UTC(year, two(text, 5) - 1, two(text, 8), two(text, 11), two(text, 14), two(text, 17), millis);
  if (year >= 100) return new Date(time);
  const date = new Date(time);
  date.setUTCFullYear(year);
  return date;
}
