/**
 * A shape whose axes may be unknown (`null`), like Keras' `(None, 28, 28, 1)`: the batch axis
 * of a model's input is `null` until data comes.
 */
export type SymbolicShape = readonly (number | null)[];

/** A JSON-safe value, as found in layer configs. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

/** A registry entry in a config: the name it is registered under and its own config. */
export type Serialized = {
  /** The name the entry is registered under. */
  readonly className: string;
  /** Its options. */
  readonly config: { readonly [k: string]: JsonValue };
};
