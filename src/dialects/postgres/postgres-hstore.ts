import type { TypeRule } from '../type-table.js';

const quote = (text: string) => `"${text.replace(/["\\]/g, (character) => `\\${character}`)}"`;

/** `"a"=>"1", "b"=>NULL`: an object as hstore text (values become strings, null stays NULL). */
export function stringifyHstore(value: Record<string, unknown>): string {
  return Object.entries(value)
    .filter(([, item]) => item !== undefined)
    .map(([key, item]) => `${quote(key)}=>${item === null ? 'NULL' : quote(typeof item === 'object' ? JSON.stringify(item) : String(item))}`)
    .join(', ');
}

/** hstore text back into an object of strings (and nulls). */
export function parseHstore(text: string): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  let index = 0;
  const skipSpace = () => {
    while (index < text.length && /[\s,]/.test(text[index]!)) index += 1;
  };
  const readItem = (): { text: string; quoted: boolean } => {
    if (text[index] === '"') {
      let item = '';
      index += 1;
      while (index < text.length && text[index] !== '"') {
        if (text[index] === '\\') index += 1;
        item += text[index] ?? '';
        index += 1;
      }
      index += 1;
      return { text: item, quoted: true };
    }
    const start = index;
    while (index < text.length && !/[\s,=]/.test(text[index]!)) index += 1;
    return { text: text.slice(start, index), quoted: false };
  };
  skipSpace();
  while (index < text.length) {
    const key = readItem();
    while (index < text.length && text[index] !== '>') index += 1;
    index += 1;
    while (index < text.length && /\s/.test(text[index]!)) index += 1;
    const item = readItem();
    result[key.text] = !item.quoted && item.text.toUpperCase() === 'NULL' ? null : item.text;
    skipSpace();
  }
  return result;
}

export const hstoreRule: TypeRule = {
  sql: () => 'HSTORE',
  toDriver: (value) => (typeof value === 'object' && value !== null ? stringifyHstore(value as Record<string, unknown>) : value),
  fromDriver: (value) => (typeof value === 'string' ? parseHstore(value) : value),
};
