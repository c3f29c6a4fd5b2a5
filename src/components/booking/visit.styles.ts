import { css } from 'lit';

/** The service list, the add-to-calendar panel and the manage page's parts, on the booking styles. */
export const visitStyles = css`
  .services,
  .add-calendar,
  .manage {
    display: grid;
    gap: var(--_gap);
  }
  .services ul,
  .add-calendar ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .service-item {
    position: relative;
    display: grid;
    gap: 0.2rem;
    padding: 0.75em 1em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
  }
  .service-item:hover {
    border-color: var(--_accent);
  }
  .service-item:has(:focus-visible) {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .service {
    all: unset;
    font-weight: 600;
    cursor: pointer;
  }
  /* The whole card is the button's click target. */
  .service::after {
    content: '';
    position: absolute;
    inset: 0;
  }
  .service-item p {
    display: grid;
    gap: 0.1rem;
  }
  .add-calendar {
    justify-self: stretch;
    border-top: 1px solid var(--_border);
    padding-top: var(--_gap);
    gap: 0.5rem;
  }
  .add-calendar h4 {
    margin: 0;
    font-size: 1em;
  }
  .add-calendar ul {
    display: flex;
    flex-wrap: wrap;
  }
  [part~='calendar-link'],
  [part~='manage-link'] {
    color: var(--_fg);
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
  }
  [part~='calendar-link'] {
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
    padding: 0.4em 0.9em;
    text-decoration: none;
  }
  [part~='calendar-link']:hover {
    border-color: var(--_accent);
  }
  .manage dl {
    display: grid;
    grid-template-columns: max-content minmax(0, 1fr);
    gap: 0.35rem 1rem;
    margin: 0;
  }
  .manage dt {
    font-weight: 600;
  }
  .manage dd {
    margin: 0;
  }
  .status-cancelled {
    color: var(--_danger);
  }
  .back-services {
    justify-self: start;
  }
  /* The arrow points back in right-to-left text too. */
  [dir='rtl'] .back-services > span {
    display: inline-block;
    transform: scaleX(-1);
  }
`;
