// The package the command ships in: its folder (for the bundled samples) and its version.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package folder (holding package.json), from src/cli in the sources or dist/src/cli when built. */
function findPackageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

let root: string | undefined;
/** The package folder, found on first use (not when the module loads: validate never asks). */
export function packageRootOf(): string {
  return (root ??= findPackageRoot());
}

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly homepage?: string;
}

let cached: PackageJson | undefined;
function packageJson(): PackageJson {
  if (!cached) {
    try {
      cached = JSON.parse(readFileSync(join(packageRootOf(), 'package.json'), 'utf8')) as PackageJson;
    } catch {
      cached = {};
    }
  }
  return cached;
}

export const toolName = 'careplan-csv';

export function toolVersion(): string {
  return packageJson().version ?? '0.0.0';
}

/** Where people learn about the tool (SARIF informationUri). */
export function toolHomepage(): string {
  return packageJson().homepage ?? 'https://www.npmjs.com/package/careplan-csv';
}
