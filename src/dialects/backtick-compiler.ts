import { SqlCompiler } from '../sql/compiler.js';
import type { BinaryNode } from '../sql/nodes.js';

/**
 * What SQLite and MySQL/MariaDB print alike: backtick-quoted identifiers, no schemas (v6 puts a model's
 * `schema` in front of its table name, `schema.table`, as one identifier), and ILIKE spelled LIKE, which
 * already ignores case there (SQLite: for ASCII; MySQL: by the column's default collation), as in Sequelize.
 */
export class BacktickCompiler extends SqlCompiler {
  override quoteIdentifier(name: string): string {
    return `\`${name.replaceAll('`', '``')}\``;
  }
  override quoteTable(name: string, schema?: string): string {
    return this.quoteIdentifier(this.tableQualifier(name, schema));
  }
  override tableQualifier(name: string, schema?: string): string {
    return schema ? `${schema}.${name}` : name;
  }
  override binaryOperator(operator: BinaryNode['operator']): string {
    if (operator === 'ILIKE') return 'LIKE';
    if (operator === 'NOT ILIKE') return 'NOT LIKE';
    return operator;
  }
}
