// <adsim-app>: the shell: scenario list, view tabs, notices; owns the store and applies the intents elements send up.
import { LitElement, css, html, nothing } from 'lit';
import type { ActionDetail } from './state/action.js';
import './views/compare-view.js';
import { downloadText } from './io/download.js';
import './views/editor.js';
import './views/model-view.js';
import './views/projection-view.js';
import './views/research-view.js';
import './views/start-view.js';
import { poolResearchRunner } from './state/research-runner.js';
import { ResearchStore, type ResearchActionDetail } from './state/research-store.js';
import { shareFragment } from './io/storage.js';
import { openShareLink } from './state/share.js';
import type { ScenarioStore, View } from './state/store.js';
import { shared } from './styles.js';

const VIEWS: Array<{ id: View; label: string }> = [
  { id: 'start', label: 'Start' },
  { id: 'editor', label: 'Edit scenario' },
  { id: 'compare', label: 'Compare' },
  { id: 'projection', label: 'Projection' },
  { id: 'model', label: 'Model (ADM1)' },
  { id: 'research', label: 'Research' },
];

export class AdsimApp extends LitElement {
  static override properties = {
    store: { attribute: false },
    rev: { state: true },
    status: { type: String, reflect: true },
    menuOpen: { state: true },
  };
  declare store?: ScenarioStore;
  declare rev: number;
  /** "busy" while any simulation runs, else "idle" (reflected for tests and assistive tech). */
  declare status: string;
  /** On a phone the scenario list is a menu, closed until asked for. */
  declare menuOpen: boolean;
  private readonly onChange = () => { this.rev++; this.status = this.store && this.store.scenarios.some((s) => this.store!.isBusy(s.id)) ? 'busy' : 'idle'; };

  static override styles = [shared, css`
    :host { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.4; }
    header { display: flex; align-items: baseline; gap: 0.3rem 1rem; flex-wrap: wrap; padding: 0.6rem 1rem; background: #00466e; color: #fff; }
    header button.menu { display: none; background: #fff; color: #00466e; margin-left: auto; align-self: center; }
    header h1 { font-size: 1.25rem; margin: 0; }
    header p { margin: 0; font-size: 0.9rem; opacity: 0.9; }
    .shell { display: grid; grid-template-columns: 16rem minmax(0, 1fr); min-height: calc(100vh - 3rem); }
    nav.list { border-right: 1px solid #ddd; padding: 0.75rem; background: #fafafa; }
    nav.list ul { list-style: none; padding: 0; margin: 0 0 0.75rem; }
    nav.list li button { width: 100%; text-align: left; border: 1px solid transparent; background: none; color: #1a1a1a; padding: 0.3rem 0.4rem; }
    nav.list li button[aria-current=true] { border-color: #0072B2; background: #e6f2fa; font-weight: 600; }
    .invalid { color: #a4000f; font-size: 0.75rem; }
    [role=tablist] { display: flex; gap: 0.25rem; border-bottom: 2px solid #0072B2; margin-bottom: 1rem; }
    [role=tab] { border-radius: 4px 4px 0 0; border-bottom: none; }
    [role=tab][aria-selected=true] { background: #0072B2; color: #fff; }
    main { padding: 0.75rem 1rem 2rem; min-width: 0; }
    .notice { padding: 0.5rem 0.75rem; border-radius: 4px; margin-bottom: 0.75rem; display: flex; gap: 1rem; align-items: center; }
    .notice.error { border: 2px solid #a4000f; background: #fff3f3; }
    .notice.info { border: 2px solid #009E73; background: #effaf6; }
    .skip { position: absolute; left: 0.5rem; top: -3rem; z-index: 10; background: #fff; color: #00466e; padding: 0.4rem 0.7rem; border: 2px solid #0072B2; border-radius: 4px; }
    .skip:focus { top: 0.5rem; }
    .tools { display: grid; gap: 0.35rem; }
    .tools > * { box-sizing: border-box; width: 100%; }
    .tools label { font-size: 0.85rem; }
    select, input[type=file] { max-width: 100%; font: inherit; font-size: 0.85rem; }
    [role=tablist] { flex-wrap: wrap; }
    /* Phones: the sidebar becomes a menu under the header, the page one column that never scrolls sideways. */
    @media (max-width: 760px) {
      header button.menu { display: inline-block; }
      header p { font-size: 0.82rem; flex-basis: 100%; order: 3; }
      .shell { grid-template-columns: minmax(0, 1fr); }
      nav.list { display: none; border-right: none; border-bottom: 1px solid #ddd; }
      nav.list.open { display: block; }
      main { padding: 0.5rem 0.6rem 2rem; }
      [role=tab] { padding: 0.3rem 0.55rem; font-size: 0.9rem; }
    }
    @media print { header, nav.list, [role=tablist], .notice { display: none !important; } .shell { display: block; } main { padding: 0; } }
  `];

  constructor() {
    super();
    this.rev = 0;
    this.status = 'idle';
    this.menuOpen = false;
    this.addEventListener('adsim-action', (e) => this.apply((e as CustomEvent<ActionDetail>).detail));
    this.addEventListener('research-action', (e) => {
      const d = (e as CustomEvent<ResearchActionDetail>).detail;
      const rs = this.researchStore();
      if (rs) void (rs[d.op] as (...a: unknown[]) => unknown).apply(rs, d.args as unknown[]);
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.store?.addEventListener('change', this.onChange);
    this.openShared();
    // A link pasted into the address bar of an open tab changes only the fragment: no reload, so listen for it.
    window.addEventListener('hashchange', this.onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.store?.removeEventListener('change', this.onChange);
    window.removeEventListener('hashchange', this.onHash);
  }

  private readonly onHash = () => this.openShared();

  /**
   * A shared link (#s=...) adds its scenario once and says what it added, or that the link is broken; then the
   * fragment is cleared so a reload does not add it again (and pasting the same link again is a new hashchange).
   */
  private openShared(): void {
    if (!this.store) return;
    const outcome = openShareLink(this.store, location.hash);
    if (!outcome) return;
    this.store.notice = { kind: outcome.kind, text: outcome.text };
    if (outcome.kind === 'info') this.store.setView('editor');
    history.replaceState(null, '', location.pathname + location.search);
    this.rev++;
  }

  private research?: ResearchStore;

  /** The research tools' store, made on first use from the scenario store's worker pool (none in tests without one). */
  private researchStore(): ResearchStore | undefined {
    const pool = this.store?.pool;
    if (!this.research && pool) {
      this.research = new ResearchStore(poolResearchRunner(pool));
      this.research.addEventListener('change', () => { this.status = (['sensitivity', 'uncertainty', 'fit', 'bmp', 'feedstock'] as const).some((t) => this.research!.isRunning(t)) ? 'busy' : 'idle'; });
    }
    return this.research;
  }

  private apply(d: ActionDetail): void {
    const st = this.store;
    if (!st) return;
    (st[d.op] as (...a: unknown[]) => unknown).apply(st, d.args as unknown[]);
  }

  override render() {
    const st = this.store;
    if (!st) return html`<p>Loading…</p>`;
    return html`
      <a class="skip" id="skip-link" href="#main" @click=${this.skipToMain}>Skip to the main content</a>
      <header><h1>adsim</h1><p>Should your council's dog bins go to a digester? Cost, carbon and energy of each plan against today's route</p>
        <button type="button" class="menu" id="menu" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="scenario-list" @click=${() => { this.menuOpen = !this.menuOpen; }}>${this.menuOpen ? 'Close' : 'Scenarios'}</button></header>
      <div class="shell">
        <nav class="list ${this.menuOpen ? 'open' : ''}" id="scenario-list" aria-label="Scenarios">
          <h2 style="font-size:1rem">Your scenarios</h2>
          <ul>${st.scenarios.map((s) => html`<li><button type="button" aria-current=${s.id === st.selectedId ? 'true' : 'false'}
            @click=${() => { st.select(s.id); this.menuOpen = false; }}>${String(s.json.name)}${(st.issues[s.id]?.length ?? 0) > 0 ? html` <span class="invalid">(${st.issues[s.id]!.length} problem${st.issues[s.id]!.length > 1 ? 's' : ''})</span>` : nothing}</button></li>`)}</ul>
          <div class="tools">
            <label for="bundled">Start from a bundled scenario</label>
            <select id="bundled" @change=${(e: Event) => { const v = (e.target as HTMLSelectElement).value; if (v) { st.addBundled(v); st.setView('editor'); } (e.target as HTMLSelectElement).value = ''; }}>
              <option value="">Choose…</option>
              ${Object.entries(st.bundled).map(([file, j]) => html`<option value=${file}>${String(j.name ?? file)}</option>`)}
            </select>
            <button type="button" @click=${() => { st.addBlank(); st.setView('editor'); }}>New blank scenario</button>
            <label for="import">Import scenarios (JSON)</label>
            <input id="import" type="file" accept=".json,application/json" @change=${this.importFile}>
            <button type="button" @click=${() => downloadText('adsim-scenarios.json', st.exportText(), 'application/json')}>Export all (JSON)</button>
            <button type="button" ?disabled=${!st.selected} @click=${this.share}>Copy share link</button>
          </div>
        </nav>
        <main id="main" tabindex="-1">
          ${st.notice ? html`<div class="notice ${st.notice.kind}" role=${st.notice.kind === 'error' ? 'alert' : 'status'}>
            <span>${st.notice.text}</span>${st.notice.undo && st.removed ? html`<button type="button" id="undo-delete" @click=${() => st.undoRemove()}>Undo</button>` : nothing}<button type="button" @click=${() => st.dismissNotice()}>Dismiss</button></div>` : nothing}
          <div role="tablist" aria-label="Views" @keydown=${this.tabKeys}>
            ${VIEWS.map((v) => html`<button type="button" role="tab" id="tab-${v.id}" aria-selected=${st.view === v.id ? 'true' : 'false'}
              tabindex=${st.view === v.id ? 0 : -1} aria-controls="panel" @click=${() => st.setView(v.id)}>${v.label}</button>`)}
          </div>
          <section id="panel" role="tabpanel" aria-labelledby="tab-${st.view}">${this.view()}</section>
        </main>
      </div>`;
  }

  private view() {
    const st = this.store!;
    switch (st.view) {
      case 'start': return html`<start-view .store=${st} .rev=${this.rev}></start-view>`;
      case 'editor': return html`<scenario-editor .store=${st} .rev=${this.rev}></scenario-editor>`;
      case 'compare': return html`<compare-view .store=${st} .rev=${this.rev}></compare-view>`;
      case 'projection': return html`<projection-view .store=${st} .rev=${this.rev}></projection-view>`;
      case 'model': return html`<model-view .store=${st} .rev=${this.rev}></model-view>`;
      case 'research': return html`<research-view .store=${st} .research=${this.researchStore()} .rev=${this.rev}></research-view>`;
    }
  }

  /** The skip link moves focus into <main> itself: a fragment link cannot reach into the shadow root (nor should it
   *  change the address, which carries share links). */
  private skipToMain(e: Event): void {
    e.preventDefault();
    (this.renderRoot.querySelector('main') as HTMLElement | null)?.focus();
  }

  /** Arrow keys move between tabs (WAI-ARIA tabs pattern). */
  private tabKeys(e: KeyboardEvent): void {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = VIEWS.findIndex((v) => v.id === this.store!.view);
    const next = VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length]!;
    this.store!.setView(next.id);
    void this.updateComplete.then(() => (this.renderRoot.querySelector(`#tab-${next.id}`) as HTMLElement | null)?.focus());
  }

  private async importFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.store!.importText(await file.text(), file.name);
    input.value = '';
  }

  private async share(): Promise<void> {
    const s = this.store!.selected;
    if (!s) return;
    const url = `${location.origin}${location.pathname}${shareFragment(s.json)}`;
    try {
      await navigator.clipboard.writeText(url);
      this.store!.notice = { kind: 'info', text: `Link to “${String(s.json.name)}” copied. Whoever opens it gets a copy of this scenario added to their own list; yours stays as it is.` };
    } catch {
      this.store!.notice = { kind: 'info', text: `Share this link: ${url}` };
    }
    this.rev++;
  }
}
customElements.define('adsim-app', AdsimApp);

