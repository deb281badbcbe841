export const COLUMN_IDS = ['status', 'name', 'state', 'model', 'context', 'cost', 'activity', 'ago', 'where'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

interface ColumnSpec {
  readonly id: ColumnId;
  readonly title: string;
  /** Used when `title` does not fit the column. */
  readonly shortTitle: string;
  readonly min: number;
  readonly pref: number;
  /** Never wider than this, whatever the content. */
  readonly max: number;
  /** Share of the width left once every column has its preferred width; 0 = fixed. */
  readonly flex: number;
  /** The column only shows on terminals at least this wide. */
  readonly showFrom: number;
  readonly align: 'left' | 'right';
}

/**
 * In display order. `pref` is the width a column wants when its content is unknown; with the
 * rows' content (see placeColumns) a column wants exactly its widest cell, up to `max`.
 */
const SPECS: readonly ColumnSpec[] = [
  { id: 'status', title: '', shortTitle: '', min: 3, pref: 3, max: 3, flex: 0, showFrom: 0, align: 'left' },
  { id: 'name', title: 'NAME', shortTitle: 'NAME', min: 8, pref: 18, max: 48, flex: 2, showFrom: 0, align: 'left' },
  { id: 'state', title: 'STATE', shortTitle: 'STATE', min: 7, pref: 7, max: 7, flex: 0, showFrom: 0, align: 'left' },
  { id: 'model', title: 'MODEL', shortTitle: 'MODEL', min: 6, pref: 10, max: 28, flex: 0, showFrom: 90, align: 'left' },
  {
    id: 'context',
    title: 'CONTEXT',
    shortTitle: 'CTX',
    min: 4,
    pref: 9,
    max: 16,
    flex: 0,
    showFrom: 0,
    align: 'right',
  },
  { id: 'cost', title: 'COST', shortTitle: 'COST', min: 6, pref: 7, max: 9, flex: 0, showFrom: 50, align: 'right' },
  {
    id: 'activity',
    title: 'ACTIVITY',
    shortTitle: 'ACTIVITY',
    min: 10,
    pref: 22,
    max: 200,
    flex: 3,
    showFrom: 0,
    align: 'left',
  },
  { id: 'ago', title: 'AGO', shortTitle: 'AGO', min: 3, pref: 4, max: 5, flex: 0, showFrom: 40, align: 'right' },
  { id: 'where', title: 'TMUX', shortTitle: 'TMUX', min: 6, pref: 12, max: 40, flex: 0, showFrom: 0, align: 'left' },
];

/** Most useful first: they grow to their preferred width before the others get any. */
const GROW_ORDER: readonly ColumnId[] = [
  'name',
  'where',
  'context',
  'model',
  'activity',
  'cost',
  'ago',
  'state',
  'status',
];
/** When even the minimums do not fit, columns are kept in this order while they fit. */
const IMPORTANCE: readonly ColumnId[] = [
  'status',
  'name',
  'state',
  'activity',
  'context',
  'cost',
  'ago',
  'where',
  'model',
];

/** The widest cell of each column among the rows on screen (titles not included). */
export type ContentWidths = Partial<Record<ColumnId, number>>;

export const COLUMN_GAP = 1;

export interface PlacedColumn {
  readonly id: ColumnId;
  readonly title: string;
  readonly x: number;
  readonly width: number;
  readonly align: 'left' | 'right';
}

const totalWidth = (specs: readonly ColumnSpec[], widthOf: (spec: ColumnSpec) => number): number =>
  specs.reduce((sum, spec) => sum + widthOf(spec), 0) + COLUMN_GAP * Math.max(0, specs.length - 1);

/**
 * Fits the table in `width` cells: keep the columns this width allows, most important first while
 * their minimums fit (status and name always); grow each, most useful first, to what its content
 * needs (its widest cell, or `pref` when the content is unknown); then give what is left to the
 * flexible ones (name and activity), but only while they have content to show. Space nobody
 * needs stays at the right edge rather than padding a column while another one is cut.
 */
export function placeColumns(width: number, content?: ContentWidths): PlacedColumn[] {
  const allowed = SPECS.filter((spec) => width >= spec.showFrom);
  const kept = new Set<ColumnId>();
  for (const id of IMPORTANCE) {
    const candidate = allowed.filter((spec) => kept.has(spec.id) || spec.id === id);
    if (kept.size < 2 || totalWidth(candidate, (s) => s.min) <= width) kept.add(id);
  }
  const specs = allowed.filter((spec) => kept.has(spec.id));
  const wanted = (spec: ColumnSpec): number => {
    const cell = content?.[spec.id];
    if (cell === undefined) return spec.pref;
    return Math.min(spec.max, Math.max(spec.min, cell, spec.title.length));
  };
  const widths = new Map(specs.map((spec) => [spec.id, spec.min]));
  let spare = width - totalWidth(specs, (s) => s.min);
  // Twice: first each up to its usual width (so one long name cannot starve the rest), then each
  // up to all its content.
  for (const cap of [(spec: ColumnSpec) => Math.min(wanted(spec), spec.pref), wanted]) {
    for (const id of GROW_ORDER) {
      const spec = specs.find((s) => s.id === id);
      if (spec === undefined || spare <= 0) continue;
      const now = widths.get(id) ?? spec.min;
      const grow = Math.max(0, Math.min(spare, cap(spec) - now));
      widths.set(id, now + grow);
      spare -= grow;
    }
  }
  // Without content (nothing on screen yet) the flexible columns share the rest; with content,
  // a column never pads beyond what it holds, and unused space stays at the right edge.
  const flexible = specs.filter((spec) => spec.flex > 0);
  const room = (spec: ColumnSpec): number =>
    content === undefined ? Number.POSITIVE_INFINITY : Math.max(0, wanted(spec) - (widths.get(spec.id) ?? 0));
  for (let round = 0; round < 3 && spare > 0; round += 1) {
    const open = flexible.filter((spec) => room(spec) > 0);
    const flexTotal = open.reduce((sum, spec) => sum + spec.flex, 0);
    if (flexTotal === 0) break;
    const start = spare;
    open.forEach((spec, i) => {
      const share = i === open.length - 1 ? spare : Math.floor((start * spec.flex) / flexTotal);
      const grow = Math.max(0, Math.min(share, room(spec), spare));
      widths.set(spec.id, (widths.get(spec.id) ?? 0) + grow);
      spare -= grow;
    });
  }
  let x = 0;
  return specs.map((spec) => {
    const w = Math.max(0, Math.min(widths.get(spec.id) ?? 0, width - x));
    const title = spec.title.length <= w ? spec.title : spec.shortTitle;
    const placed: PlacedColumn = { id: spec.id, title, x, width: w, align: spec.align };
    x += w + COLUMN_GAP;
    return placed;
  });
}
