/**
 * The environment a command runs in. Commands pass their own down, so tests
 * and the screens see one consistent set; a core function that takes an
 * `env` and is given none falls back to process.env.
 */
export type Env = Readonly<Record<string, string | undefined>>;
