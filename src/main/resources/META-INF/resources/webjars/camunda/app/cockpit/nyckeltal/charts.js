/*
 * Stegvis – Nyckeltal: small charts as inline SVG (no library). Every chart is a <figure> with a heading, an SVG
 * with <title>/<desc> for screen readers, a legend, and the same numbers as a table under "Visa som tabell".
 * Values carry data-value attributes with the API's raw numbers.
 */
import { formatTick, formatValue, Kind, monthName } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const COLOURS = ['#1f6fb2', '#e07b00', '#2e8540', '#8e44ad', '#c0392b', '#5d6d7e'];
let chartCounter = 0;

function svg(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  Object.entries(attributes || {}).forEach(([key, value]) => element.setAttribute(key, String(value)));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

function html(name, attributes, text) {
  const element = document.createElement(name);
  Object.entries(attributes || {}).forEach(([key, value]) => element.setAttribute(key, String(value)));
  if (text !== undefined) {
    element.textContent = text;
  }
  return element;
}

/**
 * The axis' upper bound: four steps of 1, 2 or 5 times a power of ten (2.5 too for shares), at least the largest
 * value. Counts, days and kronor get whole steps.
 */
function niceMax(max, kind) {
  if (!(max > 0)) {
    return kind === Kind.SHARE ? 0.01 : 4;
  }
  const raw = max / 4;
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const factors = kind === Kind.SHARE ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  let step = factors.map(f => f * power).find(s => s >= raw);
  if (kind !== Kind.SHARE) {
    step = Math.max(1, Math.round(step));
  }
  const top = step * 4;
  return kind === Kind.SHARE ? Math.min(top, 1) : top;
}

function frame(spec, width, height) {
  const id = 'nt-chart-' + (++chartCounter);
  const figure = html('figure', { class: 'nt-chart', 'data-chart': spec.id });
  const caption = html('figcaption');
  caption.appendChild(html('h3', { id: id + '-title' }, spec.title));
  if (spec.description) {
    caption.appendChild(html('p', { class: 'nt-chart-description', id: id + '-desc' }, spec.description));
  }
  figure.appendChild(caption);
  const root = svg('svg', {
    viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', preserveAspectRatio: 'xMinYMin meet',
    'aria-labelledby': id + '-svg-title ' + id + '-svg-desc', class: 'nt-svg'
  });
  root.appendChild(svg('title', { id: id + '-svg-title' }, spec.title));
  root.appendChild(svg('desc', { id: id + '-svg-desc' }, spec.summary || spec.description || ''));
  return { figure, root };
}

function legend(series) {
  const list = html('ul', { class: 'nt-legend' });
  series.forEach((s, i) => {
    const item = html('li');
    item.appendChild(html('span', { class: 'nt-swatch', style: `background:${COLOURS[i % COLOURS.length]}`,
      'aria-hidden': 'true' }));
    item.appendChild(document.createTextNode(s.name));
    list.appendChild(item);
  });
  return list;
}

/** The chart's numbers as a table: one row per x (month or category), one column per series. */
function table(spec, rows, rowName, series) {
  const details = html('details', { class: 'nt-chart-table' });
  details.appendChild(html('summary', {}, 'Visa som tabell'));
  const t = html('table', { class: 'table table-condensed' });
  t.appendChild(html('caption', { class: 'sr-only' }, spec.title));
  const head = html('tr');
  head.appendChild(html('th', { scope: 'col' }, spec.xTitle || ''));
  series.forEach(s => head.appendChild(html('th', { scope: 'col' }, s.name)));
  const thead = html('thead');
  thead.appendChild(head);
  t.appendChild(thead);
  const tbody = html('tbody');
  rows.forEach(row => {
    const tr = html('tr');
    tr.appendChild(html('th', { scope: 'row' }, rowName(row)));
    series.forEach(s => {
      const point = s.points.get(row);
      const cell = html('td', { 'data-series': s.name, 'data-x': row }, cellText(point, spec.kind));
      if (point && point.value !== null && point.value !== undefined) {
        cell.setAttribute('data-value', String(point.value));
      }
      tr.appendChild(cell);
    });
    tbody.appendChild(tr);
  });
  t.appendChild(tbody);
  details.appendChild(t);
  return details;
}

function cellText(point, kind) {
  if (!point) {
    return '–';
  }
  let text = formatValue(point.value, kind);
  if (kind === Kind.SHARE && point.denominator !== null && point.denominator !== undefined) {
    text += ` (${point.numerator ?? 0} av ${point.denominator})`;
  }
  if (point.note) {
    text += ' – ' + point.note;
  }
  return text;
}

function yAxis(root, kind, top, box) {
  const ticks = 4;
  for (let i = 0; i <= ticks; i++) {
    const value = top * i / ticks;
    const y = box.y + box.h - box.h * i / ticks;
    root.appendChild(svg('line', { x1: box.x, x2: box.x + box.w, y1: y, y2: y, class: i === 0 ? 'nt-axis' : 'nt-grid' }));
    root.appendChild(svg('text', { x: box.x - 6, y: y + 4, 'text-anchor': 'end', class: 'nt-tick' },
      formatTick(value, kind, top / ticks)));
  }
}

function maxOf(series) {
  let max = 0;
  series.forEach(s => s.points.forEach(p => {
    if (p && p.value !== null && p.value !== undefined && p.value > max) {
      max = p.value;
    }
  }));
  return max;
}

function empty(spec) {
  const figure = html('figure', { class: 'nt-chart nt-chart-empty', 'data-chart': spec.id });
  const caption = html('figcaption');
  caption.appendChild(html('h3', {}, spec.title));
  figure.appendChild(caption);
  figure.appendChild(html('p', { class: 'nt-empty' }, spec.emptyText || 'Inga uppgifter för perioden.'));
  return figure;
}

/**
 * Values over months: a line per series (spec.style 'line') or grouped columns ('columns').
 * spec: {id, title, description, kind, months: ['2025-01', ...], series: [{name, points: Map(month → figure)}]}
 */
export function monthChart(spec) {
  if (!spec.series.length || !spec.months.length) {
    return empty(spec);
  }
  const width = 640;
  const height = 260;
  const box = { x: 64, y: 24, w: width - 80, h: height - 68 };
  const { figure, root } = frame(spec, width, height);
  const top = niceMax(maxOf(spec.series), spec.kind);
  yAxis(root, spec.kind, top, box);
  const n = spec.months.length;
  const slot = box.w / n;
  const labelEvery = Math.ceil(n / 12);
  spec.months.forEach((month, i) => {
    if (i % labelEvery === 0) {
      root.appendChild(svg('text', { x: box.x + slot * (i + 0.5), y: box.y + box.h + 18, 'text-anchor': 'middle',
        class: 'nt-tick' }, monthName(month, true)));
    }
  });
  const showValues = n <= 12;
  const y = value => box.y + box.h - box.h * Math.min(value, top) / top;
  if (spec.style === 'columns') {
    const k = spec.series.length;
    const barWidth = Math.max(2, (slot * 0.8) / k);
    spec.series.forEach((s, si) => {
      spec.months.forEach((month, i) => {
        const point = s.points.get(month);
        if (!point || point.value === null || point.value === undefined) {
          return;
        }
        const x = box.x + slot * i + slot * 0.1 + barWidth * si;
        const bar = svg('rect', { x, y: y(point.value), width: barWidth - 1, height: box.y + box.h - y(point.value),
          fill: COLOURS[si % COLOURS.length], 'data-value': point.value });
        bar.appendChild(svg('title', {}, `${s.name}, ${monthName(month)}: ${cellText(point, spec.kind)}`));
        root.appendChild(bar);
        if (showValues && barWidth >= 14) {
          root.appendChild(svg('text', { x: x + barWidth / 2, y: y(point.value) - 4, 'text-anchor': 'middle',
            class: 'nt-value' }, formatValue(point.value, spec.kind)));
        }
      });
    });
  } else {
    spec.series.forEach((s, si) => {
      const colour = COLOURS[si % COLOURS.length];
      let path = '';
      spec.months.forEach((month, i) => {
        const point = s.points.get(month);
        if (!point || point.value === null || point.value === undefined) {
          return;
        }
        const x = box.x + slot * (i + 0.5);
        path += (path && s.points.get(spec.months[i - 1])?.value != null ? ' L ' : ' M ') + x + ' ' + y(point.value);
      });
      if (path) {
        root.appendChild(svg('path', { d: path.trim(), fill: 'none', stroke: colour, 'stroke-width': 2.5 }));
      }
      spec.months.forEach((month, i) => {
        const point = s.points.get(month);
        if (!point || point.value === null || point.value === undefined) {
          return;
        }
        const x = box.x + slot * (i + 0.5);
        const dot = svg('circle', { cx: x, cy: y(point.value), r: 4, fill: colour, 'data-value': point.value });
        dot.appendChild(svg('title', {}, `${s.name}, ${monthName(month)}: ${cellText(point, spec.kind)}`));
        root.appendChild(dot);
        if (showValues && spec.series.length === 1) {
          root.appendChild(svg('text', { x, y: y(point.value) - 9, 'text-anchor': 'middle', class: 'nt-value' },
            formatValue(point.value, spec.kind)));
        }
      });
    });
  }
  root.appendChild(svg('line', { x1: box.x, x2: box.x, y1: box.y, y2: box.y + box.h, class: 'nt-axis' }));
  figure.appendChild(root);
  if (spec.series.length > 1) {
    figure.appendChild(legend(spec.series));
  }
  figure.appendChild(table({ ...spec, xTitle: 'Månad' }, spec.months, m => monthName(m), spec.series));
  return figure;
}

/**
 * One bar per category (horizontal), e.g. exits by reason or a share per placement type.
 * spec: {id, title, description, kind, categories: [name, ...], series: [{name, points: Map(name → figure)}]}
 */
export function categoryChart(spec) {
  const withValues = spec.categories.filter(c => spec.series.some(s => s.points.has(c)));
  const anyValue = withValues.some(c => spec.series.some(s => {
    const point = s.points.get(c);
    return point && ((point.value !== null && point.value !== undefined) || point.note);
  }));
  if (!anyValue) {
    return empty(spec);
  }
  const rowHeight = 26 * spec.series.length + 8;
  const width = 640;
  const labelWidth = 190;
  const height = rowHeight * withValues.length + 40;
  const box = { x: labelWidth, y: 8, w: width - labelWidth - 80, h: rowHeight * withValues.length };
  const { figure, root } = frame(spec, width, height);
  const top = niceMax(maxOf(spec.series), spec.kind);
  for (let i = 0; i <= 4; i++) {
    const x = box.x + box.w * i / 4;
    root.appendChild(svg('line', { x1: x, x2: x, y1: box.y, y2: box.y + box.h, class: i === 0 ? 'nt-axis' : 'nt-grid' }));
    root.appendChild(svg('text', { x, y: box.y + box.h + 16, 'text-anchor': 'middle', class: 'nt-tick' },
      formatTick(top * i / 4, spec.kind, top / 4)));
  }
  withValues.forEach((category, ci) => {
    const rowY = box.y + rowHeight * ci + 4;
    root.appendChild(svg('text', { x: box.x - 8, y: rowY + rowHeight / 2, 'text-anchor': 'end', class: 'nt-label' },
      category.length > 30 ? category.substring(0, 29) + '…' : category));
    spec.series.forEach((s, si) => {
      const point = s.points.get(category);
      const barY = rowY + 26 * si;
      if (!point || point.value === null || point.value === undefined) {
        root.appendChild(svg('text', { x: box.x + 4, y: barY + 16, class: 'nt-value' },
          point && point.note ? '– ' + point.note : '– (inget underlag)'));
        return;
      }
      const w = box.w * Math.min(point.value, top) / top;
      const bar = svg('rect', { x: box.x, y: barY, width: Math.max(w, 1), height: 20,
        fill: COLOURS[si % COLOURS.length], 'data-value': point.value });
      bar.appendChild(svg('title', {}, `${category}${spec.series.length > 1 ? ', ' + s.name : ''}: `
        + cellText(point, spec.kind)));
      root.appendChild(bar);
      root.appendChild(svg('text', { x: box.x + w + 6, y: barY + 15, class: 'nt-value' }, cellText(point, spec.kind)));
    });
  });
  figure.appendChild(root);
  if (spec.series.length > 1) {
    figure.appendChild(legend(spec.series));
  }
  figure.appendChild(table({ ...spec, xTitle: spec.xTitle || 'Kategori' }, withValues, c => c, spec.series));
  return figure;
}
