// INSERT, UPDATE and DELETE as text: the statement printers of CompileState, through the dialect's hooks.
import type { CompileState } from './compiler.js';
import type { DeleteNode, InsertNode, UpdateNode } from './nodes.js';

export function printInsert(state: CompileState, node: InsertNode): void {
  state.append(`${state.compiler.insertKeyword(node.conflict)} `).append(state.compiler.quoteTable(node.table.name, node.table.schema));
  if (node.columns.length === 0) {
    state.append(` ${state.compiler.emptyInsertValues()}`);
  } else {
    state.append(' (').list(node.columns, (column) => state.identifier(column)).append(') VALUES ');
    state.list(node.rows, (row) => {
      state.append('(').list(row, (value) => state.expr(value)).append(')');
    });
  }
  state.compiler.conflictClause(state, node.conflict);
  state.compiler.returning(state, node.returning);
}

export function printUpdate(state: CompileState, node: UpdateNode): void {
  state.append('UPDATE ').append(state.compiler.quoteTable(node.table.name, node.table.schema)).append(' SET ');
  state.list(node.set, (assignment) => state.identifier(assignment.column).append(' = ').expr(assignment.value));
  limitedWhere(state, node);
  state.compiler.returning(state, node.returning);
}

export function printDelete(state: CompileState, node: DeleteNode): void {
  state.append('DELETE FROM ').append(state.compiler.quoteTable(node.table.name, node.table.schema));
  limitedWhere(state, node);
  state.compiler.returning(state, node.returning);
}

/** The WHERE and LIMIT of an UPDATE/DELETE: native, or through the row identity where LIMIT is not. */
function limitedWhere(state: CompileState, node: UpdateNode | DeleteNode): void {
  const identity = state.compiler.limitedRowIdentity;
  if (node.limit === undefined || identity === undefined) {
    if (node.where) state.append(' WHERE ').expr(node.where);
    state.compiler.updateLimit(state, node.limit);
    return;
  }
  state.append(` WHERE ${identity} IN (SELECT ${identity} FROM `).append(state.compiler.quoteTable(node.table.name, node.table.schema));
  if (node.where) state.append(' WHERE ').expr(node.where);
  state.append(' LIMIT ').param(node.limit).append(')');
}
