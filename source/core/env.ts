/**
 * The environment a command runs in, passed explicitly (never read from
 * process.env deep inside), so tests and the screens see one consistent set.
 */
export type Env = Readonly<Record<string, string | undefined>>;
