import packageJson from '../../package.json' with {type: 'json'};

/** The package version (the build puts it in the bundle). */
export function packageVersion(): string {
	return packageJson.version;
}
