// Type shim: comlink's Node adapter ships no .d.mts.
import type { Endpoint } from 'comlink';
export default function nodeEndpoint(nep: unknown): Endpoint;
