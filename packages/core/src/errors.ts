import type { DType, Shape } from './types';

/** Base class of every error descent throws on purpose; `code` is stable for programs. */
export class DescentError extends Error {
  /** Stable machine-readable code, e.g. `'SHAPE'`; test it instead of the message. */
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** Shapes that do not fit an op: names the op and shows expected vs received. */
export class ShapeError extends DescentError {
  constructor(
    /** The op (or function) that rejected its input. */
    readonly op: string,
    message: string,
  ) {
    super('SHAPE', `${op}: ${message}`);
  }
}

/** A dtype the op does not accept. */
export class DTypeError extends DescentError {
  constructor(
    /** The op (or function) that rejected its input. */
    readonly op: string,
    /** The dtypes the op accepts (or a description of them). */
    readonly expected: readonly DType[] | string,
    /** The dtype it was given. */
    readonly received: DType | string,
    what = 'input',
  ) {
    const exp = typeof expected === 'string' ? expected : expected.join(' or ');
    super('DTYPE', `${op}: expected ${what} of dtype ${exp}, got ${received}`);
  }
}

/** An argument (axis, size, option) out of its allowed range. */
export class InvalidArgumentError extends DescentError {
  constructor(
    /** The op (or function) that rejected its argument. */
    readonly op: string,
    message: string,
  ) {
    super('INVALID_ARGUMENT', `${op}: ${message}`);
  }
}

/** A tensor used after `dispose()`. */
export class DisposedTensorError extends DescentError {
  constructor(op: string, id: number, shape: Shape) {
    super('DISPOSED', `${op}: tensor #${id} (shape ${fmtShape(shape)}) was disposed and cannot be used`);
  }
}

/** No kernel for an op on a backend. Says which package provides it. */
export class MissingKernelError extends DescentError {
  constructor(
    /** The op that has no kernel. */
    readonly op: string,
    /** The backend it has no kernel on. */
    readonly backend: string,
    hint: string,
  ) {
    super('MISSING_KERNEL', `No kernel for op "${op}" on backend "${backend}". ${hint}`);
  }
}

/** A name looked up in the registry (backend, optimizer, layer, ...) that no plugin registered. */
export class UnknownPluginError extends DescentError {
  constructor(
    /** The registry kind looked up (`'backend'`, `'optimizer'`, `'layer'`, ...). */
    readonly kind: string,
    /** The name nobody registered. */
    readonly entry: string,
    hint: string,
  ) {
    super('UNKNOWN_PLUGIN', `Unknown ${kind} "${entry}". ${hint}`);
  }
}

/** A name registered twice without `{ replace: true }`. */
export class DuplicateRegistrationError extends DescentError {
  constructor(kind: string, entry: string, by: string) {
    super(
      'DUPLICATE_REGISTRATION',
      `${kind} "${entry}" is already registered by plugin "${by}"; pass { replace: true } to replace it`,
    );
  }
}

/** Tensors from different runtimes or backends mixed in one op. */
export class BackendMismatchError extends DescentError {
  constructor(op: string, detail: string) {
    super('BACKEND_MISMATCH', `${op}: ${detail}`);
  }
}

/**
 * Formats a shape the way error messages show it: `[2,3]`.
 *
 * @example
 * fmtShape([2, 3]); // '[2,3]'
 */
export function fmtShape(shape: Shape): string {
  return `[${shape.join(',')}]`;
}

/** Something the backend or runtime cannot do (a synchronous read on an async-only backend). */
export class UnsupportedError extends DescentError {
  constructor(op: string, message: string) {
    super('UNSUPPORTED', `${op}: ${message}`);
  }
}
