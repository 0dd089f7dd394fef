import { UsageError } from '../../errors/usage-errors.js';
import type { FunctionParam, RoutineDdl, TriggerSpec } from '../dialect.js';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `[direction] [name] type, …`, as v6 writes a parameter list. */
function paramList(params: readonly FunctionParam[]): string {
  return params.map((param) => {
    if (!param.type) throw new UsageError('A function or trigger parameter needs a type.');
    return [param.direction, param.name, param.type].filter(Boolean).join(' ');
  }).join(', ');
}

const options = (list: readonly string[]) => (list.length > 0 ? ` ${list.join(' ')}` : '');

const timings: Record<string, string> = { after: 'AFTER', before: 'BEFORE', instead_of: 'INSTEAD OF', after_constraint: 'AFTER' };

function eventSpec(spec: TriggerSpec): string {
  const events = Object.entries(spec).filter(([, value]) => value !== false && value !== undefined).map(([event, value]) => {
    const name = event.toUpperCase();
    if (!['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'].includes(name)) throw new UsageError(`Unknown trigger event "${event}": use insert, update, delete or truncate.`);
    return name === 'UPDATE' && Array.isArray(value) && value.length > 0 ? `UPDATE OF ${value.map(quote).join(', ')}` : name;
  });
  if (events.length === 0) throw new UsageError('createTrigger needs at least one event in fireOnSpec (insert, update, delete, truncate).');
  return events.join(' OR ');
}

/** PL/pgSQL functions and triggers in the text v6's PostgreSQL query generator writes. */
export const postgresRoutines: RoutineDdl = {
  createFunction(spec) {
    const declare = spec.variables.length > 0
      ? `DECLARE ${spec.variables.map((variable) => `${variable.name} ${variable.type}${variable.default ? ` := ${variable.default}` : ''};`).join(' ')} `
      : '';
    return `${spec.force ? 'CREATE OR REPLACE FUNCTION' : 'CREATE FUNCTION'} ${spec.functionName}(${paramList(spec.params)}) RETURNS ${spec.returnType} AS $func$ ${declare}BEGIN ${spec.body} END; $func$ language '${spec.language.replaceAll("'", "''")}'${options(spec.optionsArray)};`;
  },
  dropFunction: (name, params) => `DROP FUNCTION ${name}(${paramList(params)}) RESTRICT;`,
  renameFunction: (oldName, params, newName) => `ALTER FUNCTION ${oldName}(${paramList(params)}) RENAME TO ${newName};`,
  createTrigger(quotedTable, spec) {
    const timing = timings[spec.timingType.toLowerCase()];
    if (!timing) throw new UsageError(`Unknown trigger timing "${spec.timingType}": use after, before, instead_of or after_constraint.`);
    const constraint = spec.timingType.toLowerCase() === 'after_constraint' ? 'CONSTRAINT ' : '';
    return `CREATE ${constraint}TRIGGER ${quote(spec.triggerName)} ${timing} ${eventSpec(spec.fireOnSpec)} ON ${quotedTable}${options(spec.optionsArray)} EXECUTE PROCEDURE ${spec.functionName}(${paramList(spec.functionParams)});`;
  },
  dropTrigger: (quotedTable, name) => `DROP TRIGGER ${quote(name)} ON ${quotedTable} RESTRICT;`,
  renameTrigger: (quotedTable, oldName, newName) => `ALTER TRIGGER ${quote(oldName)} ON ${quotedTable} RENAME TO ${quote(newName)};`,
};
