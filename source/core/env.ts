/**
 * The environment a command runs in. Commands pass their own down, so tests
 * and the screens see one consistent set; core never reads process.env
 * itself, and every core function that needs variables takes an `env`.
 */
export type Env = Readonly<Record<string, string | undefined>>;
