// Intent sent up from elements to <adsim-app>, which alone changes the store ("events up, properties down").
import type { ScenarioStore } from './store.js';

type Methods = { [K in keyof ScenarioStore]: ScenarioStore[K] extends (...a: never[]) => unknown ? K : never }[keyof ScenarioStore];
export type Op = Extract<Methods, 'setField' | 'setJson' | 'select' | 'setView' | 'addBundled' | 'addBlank' | 'duplicate' | 'remove'
  | 'run' | 'runComparison' | 'cancel' | 'toggleCompare' | 'setBaseline' | 'project' | 'cancelProjection' | 'importText' | 'dismissNotice'
  | 'openQuestion' | 'addGuided' | 'cancelRanges' | 'retryRanges'>;

export interface ActionDetail<K extends Op = Op> { op: K; args: Parameters<ScenarioStore[K]> }

export function act<K extends Op>(from: EventTarget, op: K, ...args: Parameters<ScenarioStore[K]>): void {
  from.dispatchEvent(new CustomEvent<ActionDetail<K>>('adsim-action', { detail: { op, args }, bubbles: true, composed: true }));
}
