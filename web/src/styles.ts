// Styles shared by the views: readable type, visible focus, high-contrast error text.
import { css } from 'lit';

export const shared = css`
  :host { display: block; color: #1a1a1a; }
  h2 { font-size: 1.3rem; margin: 0 0 0.75rem; }
  h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
  button { font: inherit; padding: 0.35rem 0.8rem; border: 1px solid #0072B2; background: #fff; color: #00466e; border-radius: 4px; cursor: pointer; }
  button.primary { background: #0072B2; color: #fff; }
  button:disabled { opacity: 0.5; cursor: default; }
  button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid #E69F00; outline-offset: 1px; }
  .error { color: #a4000f; font-size: 0.85rem; }
  .muted { color: #555; font-size: 0.85rem; }
  .row { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: center; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: right; vertical-align: top; }
  th:first-child, td:first-child { text-align: left; }
  progress { width: 8rem; }
  /* Phones: a wide table scrolls inside its own box; the page itself never scrolls sideways. */
  @media (max-width: 600px) {
    table { display: block; overflow-x: auto; max-width: 100%; }
    /* A table in its own scrolling box (focusable, labelled: .scroll, .table-wrap) leaves the scrolling to the box, so
       the keyboard can reach what scrolls (axe: scrollable-region-focusable). */
    .scroll > table, .table-wrap > table { display: table; overflow: visible; }
    h2 { font-size: 1.15rem; overflow-wrap: anywhere; }
    fieldset { min-width: 0; }
  }
  /* Phones: a table marked .cards reflows to one card per row, each cell labelled by its column (data-label). */
  @media (max-width: 600px) {
    table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; box-sizing: border-box; overflow: visible; }
    table.cards { min-width: 0 !important; }
    table.cards th[scope=row] { display: block; text-align: left; border: none; padding: 0 0 0.2rem; }
    table.cards thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    table.cards tr { border: 1px solid #ddd; border-radius: 6px; padding: 0.35rem 0.5rem; margin-bottom: 0.5rem; }
    table.cards td { border: none; text-align: left; padding: 0.15rem 0; display: grid; grid-template-columns: var(--card-label, 6.5rem) minmax(0, 1fr); gap: 0.5rem; align-items: baseline; overflow-wrap: anywhere; }
    table.cards td::before { content: attr(data-label); font-weight: 600; color: #333; font-size: 0.85rem; }
    table.cards td.head { display: block; font-weight: 600; }
    table.cards td.head::before { content: none; }
  }
  /* A box that scrolls sideways is a tab stop, so a keyboard user can scroll it too. */
  .scroll:focus-visible, .table-wrap:focus-visible { outline: 3px solid #E69F00; outline-offset: 1px; }
  @media print { button, .no-print { display: none !important; } }
`;
