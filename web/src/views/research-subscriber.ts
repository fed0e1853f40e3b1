// Base of the research-view elements: re-renders on every change of the shared ResearchStore, and follows the
// store when the property is replaced (not only at connect time).
import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { ResearchStore } from '../state/research-store.js';

export class ResearchSubscriber extends LitElement {
  // Subclasses declare their own properties; Lit merges this one in from the base class.
  static override properties: PropertyDeclarations = {
    research: { attribute: false },
  };
  declare research?: ResearchStore;
  private subscribed?: ResearchStore;
  private readonly onResearchChange = () => this.requestUpdate();

  private follow(store: ResearchStore | undefined): void {
    if (store === this.subscribed) return;
    this.subscribed?.removeEventListener('change', this.onResearchChange);
    this.subscribed = store;
    store?.addEventListener('change', this.onResearchChange);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.follow(this.research);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.follow(undefined);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('research') && this.isConnected) this.follow(this.research);
  }
}
