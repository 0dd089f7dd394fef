import { DataType, invokable } from './abstract.js';
import { AbstractType, GeographyType, GeometryType, HstoreType } from './extra-types.js';
import { RangeType } from './range-types.js';
import { dialectNamespaces } from './dialect-namespaces.js';
import { DateOnlyType, DateType, NowType, TimeType } from './date-types.js';
import { ArrayType, BlobType, BooleanType, EnumType, JsonbType, JsonType, VirtualType } from './misc-types.js';
import { BigIntType, DecimalType, DoubleType, FloatType, IntegerType, MediumIntType, NumberType, NumericType, RealType, SmallIntType, TinyIntType } from './numeric-types.js';
import { CidrType, InetType, MacaddrType, TsvectorType } from './network-types.js';
import { CharType, CitextType, StringType, TextType, UuidType, UuidV1Type, UuidV4Type } from './string-types.js';

export { DataType, toDataTypeInstance } from './abstract.js';
export * from './date-types.js';
export * from './misc-types.js';
export * from './numeric-types.js';
export * from './network-types.js';
export * from './extra-types.js';
export * from './range-types.js';
export { CharType, CitextType, StringType, TextType, UuidType, UuidV1Type, UuidV4Type } from './string-types.js';

export const ABSTRACT = invokable(AbstractType, DataType);
export const NUMBER = invokable(NumberType, NumericType);
export const STRING = invokable(StringType);
export const CHAR = invokable(CharType);
export const TEXT = invokable(TextType);
export const CITEXT = invokable(CitextType);
export const TINYINT = invokable(TinyIntType);
export const SMALLINT = invokable(SmallIntType);
export const MEDIUMINT = invokable(MediumIntType);
export const INTEGER = invokable(IntegerType);
export const BIGINT = invokable(BigIntType);
export const FLOAT = invokable(FloatType);
export const DOUBLE = invokable(DoubleType);
export const REAL = invokable(RealType);
export const DECIMAL = invokable(DecimalType);
export const NUMERIC = DECIMAL;
export const BOOLEAN = invokable(BooleanType);
export const DATE = invokable(DateType);
export const DATEONLY = invokable(DateOnlyType);
export const TIME = invokable(TimeType);
export const NOW = invokable(NowType);
export const UUID = invokable(UuidType);
export const UUIDV1 = invokable(UuidV1Type);
export const UUIDV4 = invokable(UuidV4Type);
export const JSON = invokable(JsonType);
export const JSONB = invokable(JsonbType);
export const BLOB = invokable(BlobType);
export const VIRTUAL = invokable(VirtualType);
export const ARRAY = invokable(ArrayType);
export const INET = invokable(InetType);
export const CIDR = invokable(CidrType);
export const MACADDR = invokable(MacaddrType);
export const TSVECTOR = invokable(TsvectorType);
export const RANGE = invokable(RangeType);
export const HSTORE = invokable(HstoreType);
export const GEOMETRY = invokable(GeometryType);
export const GEOGRAPHY = invokable(GeographyType);

/** ENUM is generic over its values, so it is a function rather than an invokable class. */
export function ENUM<const Values extends string>(...args: [{ values: readonly Values[] }] | Values[] | [readonly Values[]]): EnumType<Values> {
  return new EnumType<Values>(...args);
}

const baseTypes = {
  ABSTRACT, NUMBER, STRING, CHAR, TEXT, CITEXT, TINYINT, SMALLINT, MEDIUMINT, INTEGER, BIGINT, FLOAT, DOUBLE, REAL, DECIMAL, NUMERIC,
  BOOLEAN, DATE, DATEONLY, TIME, NOW, UUID, UUIDV1, UUIDV4, JSON, JSONB, BLOB, VIRTUAL, ARRAY, ENUM,
  INET, CIDR, MACADDR, TSVECTOR, RANGE, HSTORE, GEOMETRY, GEOGRAPHY, 'DOUBLE PRECISION': DOUBLE,
} as const;

export const DataTypes = { ...baseTypes, ...dialectNamespaces(baseTypes) } as const;
