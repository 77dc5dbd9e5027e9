/** The time grains Hale supports, finest first (MetricFlow's standard grains from day up). */
export const timeGranularities = ['day', 'week', 'month', 'quarter', 'year'] as const;

export type TimeGranularity = (typeof timeGranularities)[number];

export function isTimeGranularity(value: string): value is TimeGranularity {
  return (timeGranularities as readonly string[]).includes(value);
}

/** Whether `grain` is `base` or coarser: a day dimension can be read by month, not a month one by day. */
export function isAtLeast(grain: TimeGranularity, base: TimeGranularity): boolean {
  return timeGranularities.indexOf(grain) >= timeGranularities.indexOf(base);
}

/** A MetricFlow window or offset (`7 days`, `1 month`) as a count and a grain. */
export interface TimeWindow {
  count: number;
  granularity: TimeGranularity;
}

export function parseTimeWindow(text: string): TimeWindow {
  const [count = '', unit = ''] = text.trim().split(/\s+/);
  const granularity = unit.replace(/s$/, '');
  if (!/^\d+$/.test(count) || !isTimeGranularity(granularity))
    throw new Error(`"${text}" is not a window such as "7 days" or "1 month"`);
  return { count: Number(count), granularity };
}

/** The PostgreSQL interval literal of a window (`7 days` → `7 day`, `2 quarters` → `6 month`). */
export function intervalLiteral({ count, granularity }: TimeWindow): string {
  if (granularity === 'quarter') return `${count * 3} month`;
  return `${count} ${granularity}`;
}
