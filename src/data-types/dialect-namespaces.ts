/**
 * v6's per-dialect namespaces (`DataTypes.postgres.RANGE`, `DataTypes.mysql.GEOMETRY`, …): there they hold each
 * dialect's subclasses; here every dialect converts values itself, so each name is the shared type.
 */
export function dialectNamespaces<T extends Record<string, unknown>>(types: T) {
  const pick = <K extends keyof T>(...names: K[]): Pick<T, K> => Object.fromEntries(names.map((name) => [name, types[name]])) as Pick<T, K>;
  const mysql = pick('ENUM', 'DATE', 'DATEONLY', 'UUID', 'GEOMETRY', 'DECIMAL', 'JSON');
  return {
    postgres: pick('DECIMAL', 'BLOB', 'STRING', 'CHAR', 'TEXT', 'CITEXT', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'BOOLEAN', 'DATE', 'DATEONLY',
      'REAL', 'DOUBLE PRECISION', 'FLOAT', 'GEOMETRY', 'GEOGRAPHY', 'HSTORE', 'RANGE', 'ENUM'),
    mysql,
    mariadb: { ...mysql },
    sqlite: pick('DATE', 'DATEONLY', 'STRING', 'CHAR', 'NUMBER', 'FLOAT', 'REAL', 'DOUBLE PRECISION', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'INTEGER',
      'BIGINT', 'TEXT', 'ENUM', 'JSON', 'CITEXT'),
    mssql: pick('BLOB', 'BOOLEAN', 'ENUM', 'STRING', 'UUID', 'DATE', 'DATEONLY', 'NOW', 'TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'REAL', 'FLOAT', 'TEXT'),
    db2: pick('BLOB', 'BOOLEAN', 'ENUM', 'STRING', 'UUID', 'DATE', 'DATEONLY', 'NOW', 'TINYINT', 'SMALLINT', 'INTEGER', 'DOUBLE', 'DOUBLE PRECISION',
      'BIGINT', 'REAL', 'FLOAT', 'TEXT'),
    snowflake: pick('TEXT', 'DATE', 'BOOLEAN', 'DATEONLY', 'UUID', 'JSON'),
    oracle: pick('BOOLEAN', 'DOUBLE PRECISION', 'DOUBLE', 'STRING', 'TINYINT', 'SMALLINT', 'MEDIUMINT', 'BIGINT', 'NUMBER', 'INTEGER', 'FLOAT', 'UUID',
      'DATEONLY', 'DATE', 'NOW', 'BLOB', 'ENUM', 'TEXT', 'CHAR', 'JSON', 'REAL', 'DECIMAL'),
  };
}
