/** Exact type equality: `expectType<Equal<A, B>>()` fails to compile unless A and B are the same type. */
export type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
export function expectType<T extends true>(): T | void {}
