/**
 * The browser that prints a page to PDF, looked for in this order: the executable named by
 * PLAINTERMS_CHROME or CHROME_PATH; the Chromium build of the npm package @sparticuz/chromium, when it is
 * installed (it is a development dependency of plainterms, not a runtime one); Chrome, Chromium or Edge
 * where they are usually installed, and on the PATH. None found is a usage error (exit 2) that says what
 * to install.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../../errors.ts';
import { fontConfigFile } from './fonts.ts';

export const BROWSER_VARIABLES = ['PLAINTERMS_CHROME', 'CHROME_PATH'] as const;

export interface FoundBrowser {
  executablePath: string;
  /** Where it was found: named by a variable, the npm build, or installed on the machine. */
  from: 'variable' | 'bundled' | 'system';
  /** Environment variables the browser needs (the fontconfig file for the npm build's Chinese font). */
  env: Record<string, string>;
}

/** How the machine is looked at; tests give their own. */
export interface BrowserProbe {
  isFile(file: string): boolean;
  /** The executable of @sparticuz/chromium, or null when the package is not installed. */
  bundled(): Promise<string | null>;
  platform: NodeJS.Platform;
}

const PROGRAM_NAMES = ['google-chrome', 'google-chrome-stable', 'chromium', 'chromium-browser', 'chromium-headless-shell', 'microsoft-edge', 'microsoft-edge-stable'];

export const machineProbe: BrowserProbe = {
  isFile: (file) => existsSync(file) && statSync(file).isFile(),
  bundled: async () => {
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      return await chromium.executablePath();
    } catch {
      return null;
    }
  },
  platform: process.platform,
};

/** Where Chrome, Chromium and Edge are usually installed, then the same programs on the PATH. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'].map((app) => `/Applications/${app}`);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]);
  }
  const folders = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(env.PATH ?? '').split(path.delimiter).filter(Boolean)];
  return [...new Set(folders)].flatMap((folder) => PROGRAM_NAMES.map((name) => path.join(folder, name)));
}

export async function findBrowser(env: NodeJS.ProcessEnv = process.env, probe: BrowserProbe = machineProbe): Promise<FoundBrowser> {
  for (const variable of BROWSER_VARIABLES) {
    const named = env[variable];
    if (!named) continue;
    if (probe.isFile(named)) return { executablePath: named, from: 'variable', env: {} };
    fail('BROWSER_NOT_FOUND', `${variable} names ${named}, which is not a file`, {
      hint: `Set ${variable} to the Chrome or Chromium executable, or unset it to let plainterms look for one.`,
    });
  }
  const bundled = await probe.bundled();
  if (bundled !== null) {
    const fonts = fontConfigFile();
    return { executablePath: bundled, from: 'bundled', env: fonts ? { FONTCONFIG_FILE: fonts } : {} };
  }
  const installed = systemBrowserPaths(probe.platform, env).find((file) => probe.isFile(file));
  if (installed) return { executablePath: installed, from: 'system', env: {} };
  return fail('BROWSER_NOT_FOUND', '--format pdf prints the HTML page through Chrome or Chromium, and none was found', {
    hint:
      'Install Google Chrome or Chromium (Debian/Ubuntu: apt install chromium, or the smaller chromium-headless-shell; macOS: brew install --cask google-chrome), ' +
      'or set PLAINTERMS_CHROME to the path of a Chrome or Chromium executable. ' +
      'Or write --format html and print it from any browser.',
  });
}
