// `npm start` on a taken port: one line naming the PORT variable, exit 1, no Vite stack trace and no build first.
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
let server: Server;
let port = 0;

beforeAll(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: root, env: { ...process.env, ADSIM_SKIP_COMPARE: '1', ...env }, encoding: 'utf8', timeout: 60_000 });

test('a port in use is refused in one line that names PORT', () => {
  const r = start({ PORT: String(port) });
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toEqual([`adsim: port ${port} is already in use; start on another one with PORT, e.g. \`PORT=5174 npm start\`.`]);
  expect(r.stdout).not.toMatch(/Building|Starting the web app/);
});

test('a PORT that is not a number is refused before anything starts', () => {
  const r = start({ PORT: 'abc' });
  expect(r.status).toBe(1);
  expect(r.stderr.trim()).toBe('adsim: PORT="abc" is not a port number (1-65535).');
});
