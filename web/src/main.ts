// Web app entry: the store (saved in this browser) wired to the worker pool, and the <adsim-app> shell.
import './app.js';
import type { AdsimApp } from './app.js';
import { bundledScenarios } from './io/bundled.js';
import { poolRunner } from './state/runner.js';
import { ScenarioStore } from './state/store.js';

const store = new ScenarioStore({ storage: localStorage, runner: poolRunner(), bundled: bundledScenarios() });
const app = document.createElement('adsim-app') as AdsimApp;
app.store = store;
document.body.append(app);
// For the e2e test and the curious: the store, read-only by convention.
(window as unknown as { adsim: unknown }).adsim = { store };
