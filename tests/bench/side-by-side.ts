// The bench's load figures next to the static page's, as one Markdown table (the README carries a copy).
import type { BenchFigure } from './first-visit.ts';

const cell = (figures: readonly BenchFigure[], metric: string): BenchFigure | undefined =>
  figures.find((figure) => figure.metric === metric);

function time(figure: BenchFigure | undefined): string {
  if (!figure) return '–';
  return figure.value >= 1000 ? `${(figure.value / 1000).toFixed(2)} s` : `${Math.round(figure.value)} ms`;
}

/** A time with its ratio to the static page's paint, when the bench reported one. */
function timeAndRatio(figures: readonly BenchFigure[], metric: string): string {
  const value = cell(figures, metric);
  const ratio = cell(figures, `${metric}_ratio`);
  return ratio ? `${time(value)} (${ratio.value}×)` : time(value);
}

function score(figure: BenchFigure | undefined): string {
  return figure ? String(figure.value) : '–';
}

/** One Lighthouse cell: performance, then FCP / LCP / TBT / CLS. */
function lighthouse(figures: readonly BenchFigure[], prefix: string): string[] {
  const get = (key: string) => cell(figures, `${prefix}_${key}`);
  return [
    score(get('performance')),
    `${time(get('fcp'))} / ${time(get('lcp'))}`,
    `${time(get('tbt'))} / ${score(get('cls'))}`,
  ];
}

/** Prints the table: static page, zh-CN, en-US and zh-TW phones, side by side. */
export function printSideBySide(figures: readonly BenchFigure[]) {
  const [lhStatic, lhZh, lhEn] = [
    lighthouse(figures, 'lighthouse_static'),
    lighthouse(figures, 'lighthouse'),
    lighthouse(figures, 'lighthouse_en'),
  ];
  const rows: string[][] = [
    ['', 'static page', 'zh-CN phone', 'en-US phone', 'zh-TW phone'],
    [
      'slow 4G + 4× CPU: first paint',
      time(cell(figures, 'slow4g_static_painted')),
      timeAndRatio(figures, 'slow4g_first_visit_painted'),
      timeAndRatio(figures, 'slow4g_first_visit_en_painted'),
      timeAndRatio(figures, 'slow4g_first_visit_zh_tw_painted'),
    ],
    [
      'slow 4G + 4× CPU: taps answered',
      '–',
      timeAndRatio(figures, 'slow4g_first_visit_interactive'),
      timeAndRatio(figures, 'slow4g_first_visit_en_interactive'),
      timeAndRatio(figures, 'slow4g_first_visit_zh_tw_interactive'),
    ],
    [
      'installed, offline (worker cold, new browser): first paint',
      time(cell(figures, 'static_page_first_step_cold_painted')),
      timeAndRatio(figures, 'offline_first_step_painted'),
      '',
      '',
    ],
    [
      'installed, offline (worker cold, new browser): taps answered',
      '–',
      timeAndRatio(figures, 'offline_first_step_interactive'),
      '',
      '',
    ],
    [
      'installed, offline (worker warm, reload): first paint / taps answered',
      time(cell(figures, 'static_page_first_step_painted')),
      `${timeAndRatio(figures, 'offline_first_step_warm_painted')} / ${timeAndRatio(figures, 'offline_first_step_warm_interactive')}`,
      '',
      '',
    ],
    [
      // Not the app: what any page's offline start costs with a worker that only answers from its cache.
      'floor: the static page from a 3-line worker, offline, first paint cold / warm',
      `${time(cell(figures, 'static_page_first_step_cold_painted'))} / ${time(cell(figures, 'static_page_first_step_painted'))}`,
      `${timeAndRatio(figures, 'offline_floor_first_step_painted')} / ${timeAndRatio(figures, 'offline_floor_first_step_warm_painted')}`,
      '',
      '',
    ],
    ['Lighthouse mobile: performance', lhStatic[0] ?? '', lhZh[0] ?? '', lhEn[0] ?? '', ''],
    ['Lighthouse mobile: FCP / LCP', lhStatic[1] ?? '', lhZh[1] ?? '', lhEn[1] ?? '', ''],
    ['Lighthouse mobile: TBT / CLS', lhStatic[2] ?? '', lhZh[2] ?? '', lhEn[2] ?? '', ''],
    [
      'step change, click → painted: 1× / 4× CPU',
      '',
      `${time(cell(figures, 'step_transition'))} / ${time(cell(figures, 'step_transition_cpu4x'))}`,
      '',
      '',
    ],
    [
      "step change, the click's own work: 1× / 4× CPU",
      '',
      `${time(cell(figures, 'step_transition_work'))} / ${time(cell(figures, 'step_transition_work_cpu4x'))}`,
      '',
      '',
    ],
  ];
  console.log('');
  for (const [index, row] of rows.entries()) {
    console.log(`| ${row.join(' | ')} |`);
    if (index === 0) console.log(`|${row.map(() => ' --- ').join('|')}|`);
  }
}
