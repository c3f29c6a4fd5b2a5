/**
 * First step of `npm test`: the system packages the tests need, each named in one line with how
 * to install it, instead of a launcher stack trace or a cancelled test per case.
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const runnable = (file) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};
const onPath = (name) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && runnable(join(dir, name)));

const missing = [];
const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!runnable(chrome)) {
  missing.push(
    process.env.CHROME_PATH
      ? `Chromium: CHROME_PATH=${chrome} is not an executable; point it at Chrome or Chromium, or unset it and apt-get install -y chromium`
      : 'Chromium is not installed: the browser tests run in Debian\'s chromium package (apt-get install -y chromium), or set CHROME_PATH to a Chrome/Chromium',
  );
}
if (!onPath('redis-server')) {
  missing.push("redis-server is not installed: the proxy's Redis tests start their own (apt-get install -y redis-server)");
}
for (const line of missing) console.error(`npm test: ${line}.`);
if (missing.length) process.exit(1);
