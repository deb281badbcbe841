export const COLUMN_IDS = ['status', 'name', 'state', 'model', 'context', 'cost', 'activity', 'ago', 'where'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

interface ColumnSpec {
  readonly id: ColumnId;
  readonly title: string;
  /** Used when `title` does not fit the column. */
  readonly shortTitle: string;
  readonly min: number;
  readonly pref: number;
  /** Share of the width left once every column has its preferred width; 0 = fixed. */
  readonly flex: number;
  /** The column only shows on terminals at least this wide. */
  readonly showFrom: number;
  readonly align: 'left' | 'right';
}

/** In display order. GROW_ORDER says who gets spare width first. */
const SPECS: readonly ColumnSpec[] = [
  { id: 'status', title: '', shortTitle: '', min: 3, pref: 3, flex: 0, showFrom: 0, align: 'left' },
  { id: 'name', title: 'NAME', shortTitle: 'NAME', min: 8, pref: 18, flex: 2, showFrom: 0, align: 'left' },
  { id: 'state', title: 'STATE', shortTitle: 'STATE', min: 7, pref: 7, flex: 0, showFrom: 100, align: 'left' },
  { id: 'model', title: 'MODEL', shortTitle: 'MODEL', min: 8, pref: 10, flex: 0, showFrom: 60, align: 'left' },
  { id: 'context', title: 'CONTEXT', shortTitle: 'CTX', min: 4, pref: 16, flex: 0, showFrom: 0, align: 'right' },
  { id: 'cost', title: 'COST', shortTitle: 'COST', min: 6, pref: 7, flex: 0, showFrom: 50, align: 'right' },
  { id: 'activity', title: 'ACTIVITY', shortTitle: 'ACTIVITY', min: 10, pref: 22, flex: 3, showFrom: 0, align: 'left' },
  { id: 'ago', title: 'AGO', shortTitle: 'AGO', min: 3, pref: 4, flex: 0, showFrom: 40, align: 'right' },
  { id: 'where', title: 'TMUX', shortTitle: 'TMUX', min: 6, pref: 12, flex: 0, showFrom: 90, align: 'left' },
];

/** Most useful first: they grow to their preferred width before the others get any. */
const GROW_ORDER: readonly ColumnId[] = [
  'name',
  'context',
  'model',
  'activity',
  'cost',
  'ago',
  'where',
  'state',
  'status',
];
/** When even the minimums do not fit, columns are kept in this order while they fit. */
const IMPORTANCE: readonly ColumnId[] = [
  'status',
  'name',
  'activity',
  'context',
  'cost',
  'ago',
  'model',
  'where',
  'state',
];

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
 * their minimums fit (status and name always), grow the most useful to their preferred widths, then share what is
 * left among the flexible ones (name and activity).
 */
export function placeColumns(width: number): PlacedColumn[] {
  const allowed = SPECS.filter((spec) => width >= spec.showFrom);
  const kept = new Set<ColumnId>();
  for (const id of IMPORTANCE) {
    const candidate = allowed.filter((spec) => kept.has(spec.id) || spec.id === id);
    if (kept.size < 2 || totalWidth(candidate, (s) => s.min) <= width) kept.add(id);
  }
  const specs = allowed.filter((spec) => kept.has(spec.id));
  const widths = new Map(specs.map((spec) => [spec.id, spec.min]));
  let spare = width - totalWidth(specs, (s) => s.min);
  for (const id of GROW_ORDER) {
    const spec = specs.find((s) => s.id === id);
    if (spec === undefined || spare <= 0) continue;
    const grow = Math.min(spare, spec.pref - spec.min);
    widths.set(id, spec.min + grow);
    spare -= grow;
  }
  const flexible = specs.filter((spec) => spec.flex > 0);
  const flexTotal = flexible.reduce((sum, spec) => sum + spec.flex, 0);
  let given = 0;
  flexible.forEach((spec, i) => {
    const share = Math.max(0, i === flexible.length - 1 ? spare - given : Math.floor((spare * spec.flex) / flexTotal));
    widths.set(spec.id, (widths.get(spec.id) ?? 0) + share);
    given += share;
  });
  let x = 0;
  return specs.map((spec) => {
    const w = Math.max(0, Math.min(widths.get(spec.id) ?? 0, width - x));
    const title = spec.title.length <= w ? spec.title : spec.shortTitle;
    const placed: PlacedColumn = { id: spec.id, title, x, width: w, align: spec.align };
    x += w + COLUMN_GAP;
    return placed;
  });
}
