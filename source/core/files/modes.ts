/** The modes of files and folders that hold a key: for their owner only. */

/** rw for the owner. */
export const PRIVATE_FILE_MODE = 0o600;
/** rwx for the owner. */
export const PRIVATE_DIR_MODE = 0o700;

/** Group and other bits: any of them set lets someone else in. */
const SHARED_BITS = 0o077;

/** True when neither group nor others have any access (an owner-only 0400 file counts). */
export function isPrivate(mode: number): boolean {
	return (mode & SHARED_BITS) === 0;
}

/** The permission bits as people write them: "0600". */
export function formatMode(mode: number): string {
	return `0${(mode & 0o777).toString(8).padStart(3, '0')}`;
}
