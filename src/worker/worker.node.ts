// Node worker_threads entry (built to dist-node/worker.node.mjs): serves the same simulation API over Comlink.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { api } from './api.js';

if (!parentPort) throw new Error('worker.node.mjs must be started as a worker thread');
expose(api, nodeEndpoint(parentPort));
