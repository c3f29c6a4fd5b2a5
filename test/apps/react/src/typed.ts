/** Compiles only when `value` has a real type: an `any` (an untyped event) fails the type check. */
export function typed<T>(value: 0 extends 1 & T ? never : T): T {
  return value;
}
