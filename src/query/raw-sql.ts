import { UsageError } from '../errors/usage-errors.js';

/**
 * Rewrites `sequelize.query` text so that replacements (`?`, `:name`) and bind parameters (`$1`, `$name`)
 * all become the dialect's bound placeholders: values never enter the SQL text.
 * Quoted strings, quoted identifiers, comments and `::casts` are left untouched.
 */
export function bindRawQuery(
  text: string,
  replacements: unknown,
  bind: unknown,
  placeholder: (index: number) => string,
): { sql: string; parameters: unknown[]; consumed: number } {
  const parameters: unknown[] = [];
  const push = (value: unknown): string => {
    if (Array.isArray(value) && replacements !== undefined) {
      if (value.length === 0) return 'NULL';
      return value.map((item) => (Array.isArray(item) ? `(${item.map((inner) => push(inner)).join(', ')})` : push(item))).join(', ');
    }
    // A null replacement is the keyword, as v6 writes it: `IS :value` is no place for a parameter.
    if (value === null && replacements !== undefined) return 'NULL';
    parameters.push(value);
    return placeholder(parameters.length);
  };
  let positional = 0;
  const bindNumbers = new Map<string, string>();
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char === "'" || char === '"' || char === '`') {
      const end = closingQuote(text, index, char);
      out += text.slice(index, end);
      index = end;
      continue;
    }
    if (char === '-' && next === '-') {
      const end = text.indexOf('\n', index);
      const stop = end === -1 ? text.length : end;
      out += text.slice(index, stop);
      index = stop;
      continue;
    }
    if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(index, stop);
      index = stop;
      continue;
    }
    if (replacements !== undefined && char === '?' && Array.isArray(replacements)) {
      if (positional >= replacements.length) throw new UsageError(`Not enough replacements for the ? placeholders in: ${text}`);
      out += push(replacements[positional++]);
      index += 1;
      continue;
    }
    if (replacements !== undefined && char === ':' && next !== ':' && text[index - 1] !== ':' && !Array.isArray(replacements)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(index + 1));
      if (match && replacements && typeof replacements === 'object') {
        const name = match[0];
        if (!(name in (replacements as object))) throw new UsageError(`Named replacement ":${name}" has no value in replacements.`);
        out += push((replacements as Record<string, unknown>)[name]);
        index += 1 + name.length;
        continue;
      }
    }
    if (bind !== undefined && char === '$') {
      if (next === '$') {
        out += '$';
        index += 2;
        continue;
      }
      const match = /^([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(index + 1));
      if (match) {
        const key = match[0];
        let value: unknown;
        if (/^[0-9]+$/.test(key)) {
          if (!Array.isArray(bind)) throw new UsageError(`Bind parameter $${key} needs bind to be an array.`);
          value = bind[Number(key) - 1];
          if (Number(key) > bind.length) throw new UsageError(`Bind parameter $${key} has no value (bind has ${bind.length}).`);
        } else {
          if (!bind || typeof bind !== 'object' || !(key in bind)) throw new UsageError(`Named bind parameter "$${key}" has no value.`);
          value = (bind as Record<string, unknown>)[key];
        }
        let placeholderText = bindNumbers.get(key);
        // Placeholders that do not name their position (`?`) cannot be reused: each occurrence binds anew.
        if (placeholderText === undefined || placeholder(1) === placeholder(2)) {
          parameters.push(value);
          placeholderText = placeholder(parameters.length);
          bindNumbers.set(key, placeholderText);
        }
        out += placeholderText;
        index += 1 + key.length;
        continue;
      }
    }
    out += char;
    index += 1;
  }
  return { sql: out, parameters, consumed: positional };
}

function closingQuote(text: string, start: number, quote: string): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === '\\' && quote === "'") {
      index += 2;
      continue;
    }
    if (text[index] === quote) {
      if (text[index + 1] === quote) {
        index += 2;
        continue;
      }
      return index + 1;
    }
    index += 1;
  }
  return text.length;
}
