// Browser module web worker: serves the simulation API over Comlink.
import { expose } from 'comlink';
import { api } from './api.js';

expose(api);
