/**
 * A data type describes a column in dialect-neutral terms. Each dialect maps `key` to its DDL text and
 * to/from driver values; the type itself knows what JavaScript values it accepts and how to coerce them.
 * `JsType` is a phantom used by the type inference of model definitions.
 */
export abstract class DataType<JsType = unknown> {
  declare readonly __jsType?: JsType;
  abstract readonly key: string;

  /** The reason `value` does not fit this type, or null when it does. */
  validate(_value: unknown): string | null {
    return null;
  }

  /** Coerces an accepted input to the canonical JavaScript value stored on the instance. */
  sanitize(value: unknown): unknown {
    return value;
  }

  /** What `set` keeps on the instance: v6 converts only booleans, dates and date-only values there. */
  setValue(value: unknown): unknown {
    return this.sanitize(value);
  }

  /** The dialect-neutral SQL text, as Sequelize v6's abstract types give it: `VARCHAR(100)`, `DECIMAL(10,2)` … */
  // v6 passes the dialect's options (`type.toString({ dialect })`); the text here is dialect-neutral.
  toString(_options?: object): string {
    return this.key;
  }

  /** v6's `toSql()`: what `toString()` gives. */
  toSql(): string {
    return this.toString();
  }
}

type TypeConstructor<T extends DataType> = new (...args: never[]) => T;

/** `DataTypes.STRING`, `DataTypes.STRING(50)` and `new DataTypes.STRING(50)` all work, as in Sequelize. */
// With the instance's members too: the Proxy below answers `DataTypes.INTEGER.UNSIGNED`, `.BINARY`, `.key` from an instance.
export type Invokable<C extends TypeConstructor<DataType>> = C & ((...args: ConstructorParameters<C>) => InstanceType<C>) & Omit<InstanceType<C>, keyof C>;

export function invokable<C extends TypeConstructor<DataType>>(Type: C, family?: abstract new (...args: never[]) => DataType): Invokable<C> {
  // ABSTRACT and NUMBER are bases in v6: `DataTypes.INTEGER() instanceof DataTypes.NUMBER` holds.
  const hasInstance = family && ((value: unknown) => value instanceof family);
  return new Proxy(Type, {
    apply(target, _thisArg, args: unknown[]) {
      return new (target as unknown as new (...a: unknown[]) => DataType)(...args);
    },
    get(target, property, receiver) {
      // `String(DataTypes.STRING)` is the type's key, as in v6 (not the class's source).
      if (property === 'toString') return () => (new (target as unknown as new () => DataType)()).key;
      if (property === Symbol.hasInstance && hasInstance) return hasInstance;
      if (property in target) return Reflect.get(target, property, receiver);
      const instance = new (target as unknown as new () => DataType)() as unknown as Record<string | symbol, unknown>;
      return property in instance ? instance[property] : undefined;
    },
  }) as Invokable<C>;
}

/** Accepts what users pass as `type`: a type class, an invokable, or an instance. */
export function toDataTypeInstance(type: unknown): DataType | undefined {
  if (type instanceof DataType) return type;
  if (typeof type === 'function') {
    const instance: unknown = new (type as new () => unknown)();
    return instance instanceof DataType ? instance : undefined;
  }
  return undefined;
}
