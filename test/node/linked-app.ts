/**
 * A throwaway app for the tests that bundle the package as an app's bundler sees it: its
 * node_modules links `reservekit-booking` to this package (so the `exports` map and `sideEffects`
 * apply, not our tsconfig paths, as npm would install it) and `lit` to the same copy an app would have.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';

export const root = fileURLToPath(new URL('../../', import.meta.url));
/** The app needs the built package: the `skip` reason when it is missing. */
export const noBuild = !existsSync(join(root, 'dist/lib/index.js')) && 'dist/lib is missing: run `npm run build` first';

export interface Bundle {
  /** All chunks' code. */
  code: string;
  /** The files that went into it. */
  inputs: string[];
}

export interface LinkedApp {
  /** The app's folder; empty until the file's tests start. */
  readonly dir: string;
  /** Writes `source` as a new entry module of the app; returns its path. */
  entry(source: string): string;
  /**
   * Bundles `source` as the app's entry; react is the app's own, left out. `production` minifies
   * and, for esbuild (Vite does it itself), sets NODE_ENV the way an app's build does.
   */
  bundle(bundler: 'esbuild' | 'vite', source: string, options?: { production?: boolean }): Promise<Bundle>;
}

/** Makes the app before the calling file's tests and removes it after them. */
export function linkedApp(prefix: string): LinkedApp {
  let dir = '';
  before(() => {
    if (noBuild) return;
    dir = mkdtempSync(join(tmpdir(), prefix));
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules/reservekit-booking'), 'dir');
    symlinkSync(join(root, 'node_modules/lit'), join(dir, 'node_modules/lit'), 'dir');
    writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true, "type": "module" }');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));
  const app: LinkedApp = {
    get dir() {
      return dir;
    },
    entry(source) {
      const path = join(dir, `entry-${Math.random().toString(36).slice(2)}.js`);
      writeFileSync(path, source);
      return path;
    },
    bundle: (bundler, source, { production = false } = {}) => (bundler === 'esbuild' ? withEsbuild : withVite)(dir, app.entry(source), production),
  };
  return app;
}

async function withEsbuild(dir: string, entry: string, production: boolean): Promise<Bundle> {
  const out = await esbuild({
    entryPoints: [entry],
    bundle: true,
    minify: production,
    write: false,
    format: 'esm',
    external: ['react'],
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: dir,
    ...(production && { define: { 'process.env.NODE_ENV': '"production"' } }),
  });
  return { code: out.outputFiles[0].text, inputs: Object.keys(out.metafile.inputs) };
}

async function withVite(dir: string, entry: string, production: boolean): Promise<Bundle> {
  type Output = { output: { type: string; code?: string; modules?: Record<string, unknown> }[] };
  const out = (await vite({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: production, rolldownOptions: { input: entry, external: ['react'] } },
  })) as Output | Output[];
  const chunks = (Array.isArray(out) ? out[0] : out).output.filter((o) => o.type === 'chunk');
  return { code: chunks.map((c) => c.code).join('\n'), inputs: chunks.flatMap((c) => Object.keys(c.modules ?? {})) };
}

