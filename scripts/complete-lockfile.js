#!/usr/bin/env node
/*
 * Adds to package-lock.json the platform packages of @napi-rs/canvas that npm leaves out.
 *
 * `canvas` is mapped to @napi-rs/canvas (package.json "overrides"), which ships one
 * optional package per platform. When the registry npm uses lacks some of them (the
 * registry on our machines has only the Linux glibc builds), `npm install` omits them from
 * the lock file, and `npm ci` then refuses that very lock file as out of sync
 * (npm/cli#9846). Recording them as npm would from the public registry (optional, with
 * their os, cpu and libc) makes `npm ci` work everywhere: each machine installs only its
 * own platform's package. Runs after every install (postinstall); changes nothing when
 * the entries are there.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
if (!fs.existsSync(lockPath)) process.exit(0);

const PLATFORMS = {
  'android-arm64': { os: 'android', cpu: 'arm64' },
  'darwin-arm64': { os: 'darwin', cpu: 'arm64' },
  'darwin-x64': { os: 'darwin', cpu: 'x64' },
  'linux-arm-gnueabihf': { os: 'linux', cpu: 'arm', libc: 'glibc' },
  'linux-arm64-gnu': { os: 'linux', cpu: 'arm64', libc: 'glibc' },
  'linux-arm64-musl': { os: 'linux', cpu: 'arm64', libc: 'musl' },
  'linux-riscv64-gnu': { os: 'linux', cpu: 'riscv64', libc: 'glibc' },
  'linux-x64-gnu': { os: 'linux', cpu: 'x64', libc: 'glibc' },
  'linux-x64-musl': { os: 'linux', cpu: 'x64', libc: 'musl' },
  'win32-arm64-msvc': { os: 'win32', cpu: 'arm64' },
  'win32-x64-msvc': { os: 'win32', cpu: 'x64' },
};

const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages ?? {};
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  // The aliased `canvas` carries the real name; a direct dependency would sit at node_modules/@napi-rs/canvas.
  if (entry.name !== '@napi-rs/canvas' && location !== 'node_modules/@napi-rs/canvas') continue;
  for (const [dependency, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dependency}`;
    const platform = PLATFORMS[dependency.replace('@napi-rs/canvas-', '')];
    if (packages[key] || !platform) continue;
    packages[key] = {
      version,
      cpu: [platform.cpu],
      license: 'MIT',
      optional: true,
      os: [platform.os],
      ...(platform.libc ? { libc: [platform.libc] } : {}),
      engines: { node: '>= 10' },
    };
    added++;
  }
}
if (added > 0) {
  const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
  lock.packages = sorted;
  fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
  console.log(`package-lock.json: ${added} plattformspaket för @napi-rs/canvas tillagda (se scripts/complete-lockfile.js).`);
}
