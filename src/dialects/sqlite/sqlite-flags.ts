/**
 * The capability flags as Sequelize v6 reports them for this dialect (observed on sequelize@6.37), for plugins and
 * tools that read `sequelize.dialect.supports`. joinery's own flags are added on top in the dialect file.
 */
export const sequelizeFlags = {
  DEFAULT: false,
  'DEFAULT VALUES': true,
  'VALUES ()': false,
  'LIMIT ON UPDATE': false,
  'ON DUPLICATE KEY': true,
  'ORDER NULLS': false,
  UNION: true,
  'UNION ALL': false,
  'RIGHT JOIN': false,
  returnValues: false,
  autoIncrement: {'identityInsert': false, 'defaultValue': true, 'update': true},
  bulkDefault: false,
  schemas: false,
  transactions: true,
  settingIsolationLevelDuringTransaction: true,
  transactionOptions: {'type': true},
  migrations: true,
  upserts: true,
  inserts: {'ignoreDuplicates': ' OR IGNORE', 'updateOnDuplicate': ' ON CONFLICT DO UPDATE SET', 'onConflictDoNothing': '', 'onConflictWhere': true, 'conflictFields': true},
  constraints: {'restrict': true, 'addConstraint': false, 'dropConstraint': false, 'unique': true, 'default': false, 'check': true, 'foreignKey': true, 'primaryKey': true},
  index: {'collate': true, 'length': false, 'parser': false, 'concurrently': false, 'type': false, 'using': false, 'functionBased': true, 'operator': false, 'where': true},
  groupedLimit: false,
  indexViaAlter: false,
  JSON: true,
  deferrableConstraints: false,
  escapeStringConstants: false,
} as const;
