import type { AssociationOptions as BaseAssociationOptions } from '../associations/association.js';
import type { SequelizeConfig, SequelizeOptions, ReplicationServer } from '../config.js';
import type { DataType as DataTypeInstance } from '../data-types/abstract.js';
import type { DateOnlyType, DateType } from '../data-types/date-types.js';
import type { GeographyType, GeometryType } from '../data-types/extra-types.js';
import type { ArrayType, BlobType, EnumType, VirtualType } from '../data-types/misc-types.js';
import type { BigIntType, DecimalType, DoubleType, FloatType, IntegerType, MediumIntType, NumberType, RealType, SmallIntType, TinyIntType } from '../data-types/numeric-types.js';
import type { RangeType } from '../data-types/range-types.js';
import type { CharType, StringType, TextType } from '../data-types/string-types.js';
import type { ColumnDescription as IntrospectedColumn } from '../dialects/dialect.js';
import type { MultipleAccessors, SingleAccessors } from '../metadata/naming.js';
import type { Model, ModelStatic } from '../model/model.js';
import type { AddIndexOptions } from '../schema/query-interface.js';
import type { ConstraintOptions } from '../schema/constraints.js';
import type { Col, Fn, Literal } from '../sql/sql-helpers.js';
import type { QueryType } from '../query-types.js';
import type { LOCK as LockValues, Transaction } from '../transaction/transaction.js';
import type { DataTypeLike } from './attributes.js';
import type { QueryOptions, Logging, Transactionable } from './options.js';
import type { WhereOperators, WhereOptions } from './query-options.js';
import type { AndOperator, ModelAttributeColumnOptions, OrOperator } from './v6-model-names.js';

// sequelize@6's names for data types, association options, the Sequelize options and the QueryInterface
// option types (see v6-model-names.ts for why): joinery's own types under v6's names, or v6's shapes.

// ---- data types ----

/** A data type as an attribute takes it: `DataTypes.STRING`, `DataTypes.STRING(50)`, `new DataTypes.STRING(50)`. */
export type DataType = DataTypeLike;
export type DataTypeAbstract = DataTypeLike;
export type AbstractDataType = DataTypeInstance;
export type StringDataType = StringType;
export type CharDataType = CharType;
export type TextDataType = TextType;
export type NumberDataType = NumberType;
export type TinyIntegerDataType = TinyIntType;
export type SmallIntegerDataType = SmallIntType;
export type MediumIntegerDataType = MediumIntType;
export type IntegerDataType = IntegerType;
export type BigIntDataType = BigIntType;
export type FloatDataType = FloatType;
export type RealDataType = RealType;
export type DoubleDataType = DoubleType;
export type DecimalDataType = DecimalType;
export type DateDataType = DateType;
export type DateOnlyDataType = DateOnlyType;
export type BlobDataType = BlobType;
export type RangeDataType = RangeType;
export type VirtualDataType = VirtualType;
export type EnumDataType = EnumType<string>;
export type ArrayDataType = ArrayType<DataTypeInstance>;
export type GeometryDataType = GeometryType;
export type GeographyDataType = GeographyType;
export type RangeableDataType = IntegerType | BigIntType | DecimalType | DateType | DateOnlyType;
export type TextLength = 'tiny' | 'medium' | 'long';
export type BlobSize = TextLength;
export interface StringDataTypeOptions { length?: number; binary?: boolean }
export interface CharDataTypeOptions extends StringDataTypeOptions {}
export interface TextDataTypeOptions { length?: TextLength }
export interface BlobDataTypeOptions { length?: BlobSize }
export interface NumberDataTypeOptions { length?: number; zerofill?: boolean; decimals?: number; precision?: number; scale?: number; unsigned?: boolean }
export interface IntegerDataTypeOptions { length?: number }
export interface FloatDataTypeOptions { length?: number; decimals?: number }
export interface RealDataTypeOptions { length?: number; decimals?: number }
export interface DoubleDataTypeOptions { length?: number; decimals?: number }
export interface DecimalDataTypeOptions { precision?: number; scale?: number }
export interface DateDataTypeOptions { length?: string | number }
export interface EnumDataTypeOptions<T extends string = string> { values: readonly T[] }
export interface ArrayDataTypeOptions { type: DataTypeLike }
export interface RangeDataTypeOptions { subtype?: DataTypeLike }
export interface GeometryDataTypeOptions { type: string; srid?: number }
export interface GeographyDataTypeOptions { type: string; srid?: number }

// ---- associations ----

export type AssociationScope = Record<string, unknown>;
export interface ForeignKeyOptions extends Omit<ModelAttributeColumnOptions, 'type'> {
  name?: string;
}
export type AssociationOptions = BaseAssociationOptions;
export type BelongsToOptions = BaseAssociationOptions;
export type HasOneOptions = BaseAssociationOptions;
export type HasManyOptions = BaseAssociationOptions;
export type ManyToManyOptions = BaseAssociationOptions;
export interface ThroughOptions {
  model: ModelStatic | string;
  as?: string;
  scope?: AssociationScope;
  unique?: boolean;
  paranoid?: boolean;
}
export interface BelongsToManyOptions extends BaseAssociationOptions {
  through: ModelStatic | string | ThroughOptions;
  otherKey?: string | ForeignKeyOptions;
  uniqueKey?: string;
  timestamps?: boolean;
}
export type JoinTableAttributes = Record<string, unknown>;
export type SingleAssociationAccessors = SingleAccessors;
export type MultiAssociationAccessors = MultipleAccessors;

// ---- the Sequelize instance ----

export type Dialect = 'mysql' | 'postgres' | 'sqlite' | 'mariadb' | 'mssql' | 'db2' | 'snowflake' | 'oracle';
export type Options = SequelizeOptions;
export type Config = SequelizeConfig;
export type PoolOptions = NonNullable<SequelizeOptions['pool']>;
export type ConnectionOptions = ReplicationServer;
export interface ReplicationOptions {
  read: ConnectionOptions[];
  write: ConnectionOptions;
}
export type OperatorsAliases = Record<string, symbol>;
export interface SyncAlterOptions {
  drop?: boolean;
}
export interface SyncOptions extends Logging {
  force?: boolean;
  alter?: boolean | SyncAlterOptions;
  match?: RegExp;
  schema?: string;
  searchPath?: string;
  hooks?: boolean;
}
export interface DefaultSetOptions {}
export type LOCK = (typeof LockValues)[keyof typeof LockValues];
export interface QueryOptionsTransactionRequired {
  transaction: Transaction;
}
export type WhereLeftOperand = Fn | Col | Literal | ModelAttributeColumnOptions;
export type AttributeType = Fn | Col | Literal | ModelAttributeColumnOptions | string;
export type LogicType = Fn | Col | Literal | OrOperator | AndOperator | WhereOperators<unknown> | string | symbol | null;

// ---- QueryInterface ----
// Type aliases, not interfaces: the QueryInterface's own option types have an index signature, which only
// object type aliases satisfy.

export type QueryInterfaceOptions = { logging?: Logging['logging']; benchmark?: boolean; transaction?: Transactionable['transaction'] };
export type QueryOptionsWithWhere = QueryOptions & { where?: WhereOptions<Record<string, unknown>> };
export type QueryOptionsWithModel<M extends Model = Model> = QueryOptions & { model: ModelStatic<M> };
export type QueryOptionsWithType<T extends QueryType> = QueryOptions & { type: T };
export type QueryOptionsWithForce = QueryOptions & { force?: boolean };
export type CollateCharsetOptions = {
  collate?: string;
  charset?: string;
};
export type QueryInterfaceCreateTableOptions = QueryInterfaceOptions & CollateCharsetOptions & {
  engine?: string;
  uniqueKeys?: Record<string, { customIndex?: boolean; fields: string[] }>;
};
export type QueryInterfaceDropTableOptions = QueryInterfaceOptions & {
  cascade?: boolean;
  force?: boolean;
};
export type QueryInterfaceDropAllTablesOptions = QueryInterfaceOptions & {
  skip?: string[];
};
export type TableNameWithSchema = {
  tableName: string;
  schema?: string;
  delimiter?: string;
  as?: string;
  name?: string;
};
export type TableName = string | TableNameWithSchema;
export type IndexType = 'UNIQUE' | 'FULLTEXT' | 'SPATIAL';
export type IndexMethod = 'BTREE' | 'HASH' | 'GIST' | 'SPGIST' | 'GIN' | 'BRIN' | (string & {});
export type QueryInterfaceIndexOptions = Partial<AddIndexOptions> & QueryInterfaceOptions;
export type BaseConstraintOptions = {
  name?: string;
  fields: string[];
};
export type AddConstraintOptions = ConstraintOptions;
export type AddUniqueConstraintOptions = ConstraintOptions & { type: 'unique' };
export type AddDefaultConstraintOptions = ConstraintOptions & { type: 'default'; defaultValue?: unknown };
export type AddCheckConstraintOptions = ConstraintOptions & { type: 'check' };
export type AddPrimaryKeyConstraintOptions = ConstraintOptions & { type: 'primary key' };
export type AddForeignKeyConstraintOptions = ConstraintOptions & { type: 'foreign key' };
export type CreateDatabaseOptions = CollateCharsetOptions & QueryInterfaceOptions & {
  encoding?: string;
  ctype?: string;
  template?: string;
};
export type FunctionParam = {
  type: string;
  name?: string;
  direction?: string;
};
export type ColumnDescription = IntrospectedColumn;
export type ColumnsDescription = Record<string, ColumnDescription>;
