/** Inline SVG icons (no icon fonts, no CDN): drawn with currentColor, sized by CSS, hidden from screen readers. */
const paths = {
  explorer: 'M14.5 3H7.7l-.9-1.5A1 1 0 0 0 6 1H1.5A1.5 1.5 0 0 0 0 2.5v11A1.5 1.5 0 0 0 1.5 15h13a1.5 1.5 0 0 0 1.5-1.5v-9A1.5 1.5 0 0 0 14.5 3zm.5 10.5a.5.5 0 0 1-.5.5h-13a.5.5 0 0 1-.5-.5V6h14v7.5zM15 5H1V2.5a.5.5 0 0 1 .5-.5H6l1.2 2h7.3a.5.5 0 0 1 .5.5V5z',
  goals: 'M8 0a8 8 0 1 0 0 16A8 8 0 0 0 8 0zm0 15A7 7 0 1 1 8 1a7 7 0 0 1 0 14zm0-12a5 5 0 1 0 0 10A5 5 0 0 0 8 3zm0 9a4 4 0 1 1 0-8 4 4 0 0 1 0 8zm0-6a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
  people: 'M5.5 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0-5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM11 8.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zm0-4a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM5.5 9C2.5 9 0 10.6 0 12.5V14h11v-1.5C11 10.6 8.5 9 5.5 9zM1 13v-.5C1 11.3 3 10 5.5 10s4.5 1.3 4.5 2.5v.5H1zm10-4c-.4 0-.8 0-1.2.1.4.4.8.9 1 1.4H11c2.1 0 4 1 4 2V13h-3v1h4v-1.5C16 10.3 13.8 9 11 9z',
  search: 'M15.7 14.3l-4.2-4.2a6 6 0 1 0-1.4 1.4l4.2 4.2a1 1 0 0 0 1.4-1.4zM6 11a5 5 0 1 1 0-10 5 5 0 0 1 0 10z',
  settings: 'M9.1 4.4L8.6 2H7.4l-.5 2.4-.7.3-2-1.3-.9.8 1.3 2-.2.7-2.4.5v1.2l2.4.5.3.8-1.3 2 .8.8 2-1.3.8.3.4 2.3h1.2l.5-2.4.8-.3 2 1.3.8-.8-1.3-2 .3-.8 2.3-.4V7.4l-2.4-.5-.3-.8 1.3-2-.8-.8-2 1.3-.7-.2zM9.4 1l.5 2.4L12 2.1l2 2-1.4 2.1 2.4.4v2.8l-2.4.5L14 12l-2 2-2.1-1.4-.5 2.4H6.6l-.5-2.4L4 13.9l-2-2 1.4-2.1L1 9.4V6.6l2.4-.5L2.1 4l2-2 2.1 1.4.4-2.4h2.8zm.6 7a2 2 0 1 1-4 0 2 2 0 0 1 4 0zM8 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2z',
  close: 'M8 8.7l3.6 3.7.8-.8L8.7 8l3.7-3.6-.8-.8L8 7.3 4.4 3.6l-.8.8L7.3 8l-3.7 3.6.8.8L8 8.7z',
  split: 'M14 1H2a1 1 0 0 0-1 1v12a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V2a1 1 0 0 0-1-1zM2 14V2h5.5v12H2zm12 0H8.5V2H14v12z',
  error: 'M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm0 13A6 6 0 1 1 8 2a6 6 0 0 1 0 12zm-.5-9h1v4.5h-1V5zm0 5.5h1v1h-1v-1z',
  warning: 'M7.56 1h.88l6.54 12.26-.44.74H1.44L1 13.26 7.56 1zM8 2.28L2.28 13H13.7L8 2.28zM8.625 12v-1h-1.25v1h1.25zm-1.25-2V6h1.25v4h-1.25z',
  cloud: 'M12.5 6.1A4.5 4.5 0 0 0 3.8 5 3.5 3.5 0 0 0 4 12h8.5a3 3 0 0 0 0-5.9zM12.5 11H4a2.5 2.5 0 0 1-.2-5h.7l.2-.6a3.5 3.5 0 0 1 6.8 1.1v.5h1a2 2 0 0 1 0 4z',
  cloudOff: 'M1.4 1.4l.7-.7 13 13-.7.7-1.6-1.5H4a3.5 3.5 0 0 1-1-6.9 4.5 4.5 0 0 1 .5-1.6L1.4 1.4zM4.3 5.6a3.5 3.5 0 0 0-.3 1.2v.4h-.5A2.5 2.5 0 0 0 4 12h7.8L4.3 5.6zM8 2.5a4.5 4.5 0 0 1 4.5 3.6 3 3 0 0 1 1.4 5.4l-.7-.7A2 2 0 0 0 12.5 7h-1v-.5A3.5 3.5 0 0 0 6 3.6l-.7-.7A4.5 4.5 0 0 1 8 2.5z',
  laptop: 'M14 11V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v8H0v1.5A1.5 1.5 0 0 0 1.5 14h13a1.5 1.5 0 0 0 1.5-1.5V11h-2zM3 3h10v8H3V3zm12 9.5a.5.5 0 0 1-.5.5h-13a.5.5 0 0 1-.5-.5V12h14v.5z',
  eye: 'M8 3C4.4 3 1.6 5.4.5 8c1.1 2.6 3.9 5 7.5 5s6.4-2.4 7.5-5C14.4 5.4 11.6 3 8 3zm0 9c-2.8 0-5.1-1.7-6.4-4C2.9 5.7 5.2 4 8 4s5.1 1.7 6.4 4c-1.3 2.3-3.6 4-6.4 4zm0-6.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zm0 4a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3z',
  check: 'M14.4 3.6l-8.4 8.4-4.4-4.4.8-.8L6 10.4l7.6-7.6.8.8z',
  sync: 'M2.5 8a5.5 5.5 0 0 1 9.4-3.9H10v1h3.5V1.6h-1v1.7A6.5 6.5 0 0 0 1.5 8h1zm11 0a5.5 5.5 0 0 1-9.4 3.9H6v-1H2.5v3.5h1v-1.7A6.5 6.5 0 0 0 14.5 8h-1z',
  calendar: 'M14 2h-2V1h-1v1H5V1H4v1H2a1 1 0 0 0-1 1v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V3a1 1 0 0 0-1-1zm0 12H2V6h12v8zm0-9H2V3h2v1h1V3h6v1h1V3h2v2z',
  file: 'M13.7 4.3l-3-3L10 1H3.5a.5.5 0 0 0-.5.5v13a.5.5 0 0 0 .5.5h10a.5.5 0 0 0 .5-.5V5l-.3-.7zM13 14H4V2h5v3.5a.5.5 0 0 0 .5.5H13v8zm0-9h-3V2l3 3z',
  chevronDown: 'M7.976 10.072l4.357-4.357.62.618L8.284 11h-.618L3 6.333l.619-.618 4.357 4.357z',
  chevronRight: 'M10.072 8.024L5.715 3.667l.618-.62L11 7.716v.618L6.333 13l-.618-.619 4.357-4.357z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, className }: { name: IconName; className?: string }) {
  return (
    <svg className={`tandem-icon ${className ?? ''}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path fill="currentColor" fillRule="evenodd" d={paths[name]} />
    </svg>
  );
}

/** Line icons of the side bar views and lists: stroked with currentColor (`.tv-svg`), one or more paths each. */
const lines = {
  plan: 'M4 1.5h5.5L13 5v9.5H4zM9.5 1.5V5H13M6 8h5M6 10.5h5',
  add: 'M8 3v10M3 8h10',
  addPerson: 'M6.5 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM2 13.5c0-2.5 2-4 4.5-4s4.5 1.5 4.5 4M13 5v5M10.5 7.5h5',
  edit: 'M10.5 2.5l3 3-8 8H2.5v-3z',
  twistie: 'M6 4l4 4-4 4',
  expandAll: 'M4 6l4 4 4-4',
  collapseAll: 'M4 10l4-4 4 4',
  error: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM5.7 5.7l4.6 4.6M10.3 5.7l-4.6 4.6',
  warning: 'M8 1.8l6.6 12H1.4zM8 6v3.6M8 11.8v.01',
  info: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 7.2V11.5M8 4.8v.01',
  heading: 'M3 3v10M10 3v10M3 8h7M12.5 6.5l1.5-1v7.5',
  goal: 'M8 14.5a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13zM8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM8 8h.01',
  stageMatrix: 'M2 3h12v10H2zM2 6.5h12M2 9.5h12M6 3v10',
  action: 'M2.5 8.5l3 3 8-8',
  arrowUp: 'M8 13V3M4 7l4-4 4 4',
  arrowDown: 'M8 3v10M4 9l4 4 4-4',
  edition: 'M4 1.5h8v13L8 11l-4 3.5z',
  compare: 'M2.5 5.5h10M10 3l2.5 2.5L10 8M13.5 10.5h-10M6 8l-2.5 2.5L6 13',
  restore: 'M3 8a5 5 0 1 0 1.5-3.5M4.5 1.5v3h-3',
  signoff: 'M8 1.5l1.8 1.3 2.2-.1.7 2.1 1.8 1.3-.7 2.1.7 2.1-1.8 1.3-.7 2.1-2.2-.1L8 14.5l-1.8-1.3-2.2.1-.7-2.1-1.8-1.3.7-2.1-.7-2.1 1.8-1.3.7-2.1 2.2.1zM5.5 8l1.8 1.8 3.2-3.3',
} as const;

export type LineIconName = keyof typeof lines;

/** A line icon; with a `label` it is an image with that name, otherwise hidden from screen readers. */
export function LineIcon({ name, className, label }: { name: LineIconName; className?: string; label?: string }) {
  return (
    <svg
      className={`tv-svg${className ? ` ${className}` : ''}`}
      viewBox="0 0 16 16"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      <path d={lines[name]} />
    </svg>
  );
}
