/*
 * Stegvis – Nyckeltal: the page behind Cockpit's "Nyckeltal" link. Period and unit filter, charts (charts.js),
 * a table of every figure and a CSV download, all from GET /api/nyckeltal with the Cockpit session.
 * The page's state is on its root element for tests and styling: data-state = loading | ready | error.
 */
import { categoryChart, monthChart } from './charts.js';
import { categoryName, formatValue, Kind, kindOf, monthName } from './format.js';

const FIELD_NAMES = { from: 'Från månad', to: 'Till månad', enhet: 'Enhet' };

/**
 * /api/nyckeltal beside the webapps: the webapps' root (<base app-root="/camunda">) without its last segment.
 * Without a query: the bare path (for the header link's permission check).
 */
export function apiUrl(query) {
  const base = document.querySelector('base[app-root]');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  const contextRoot = appRoot.replace(/\/[^/]*$/, '');
  if (!query) {
    return `${contextRoot}/api/nyckeltal`;
  }
  const params = new URLSearchParams({ from: query.from, to: query.to });
  if (query.enhet) {
    params.set('enhet', query.enhet);
  }
  return `${contextRoot}/api/nyckeltal?${params}`;
}

function element(name, attributes, text) {
  const e = document.createElement(name);
  Object.entries(attributes || {}).forEach(([key, value]) => e.setAttribute(key, String(value)));
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

function yearMonth(date) {
  return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0');
}

function monthsBetween(from, to) {
  const months = [];
  let [year, month] = from.split('-').map(Number);
  const [toYear, toMonth] = to.split('-').map(Number);
  while ((year < toYear || (year === toYear && month <= toMonth)) && months.length < 240) {
    months.push(year + '-' + String(month).padStart(2, '0'));
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return months;
}

/** The presets, relative to today. */
export function presets(today) {
  const now = today || new Date();
  const year = now.getFullYear();
  const quarterStart = Math.floor(now.getMonth() / 3) * 3;
  const previousQuarter = new Date(year, quarterStart - 3, 1);
  return [
    { key: 'ar', label: 'I år', from: year + '-01', to: yearMonth(now) },
    { key: 'forra-aret', label: 'Förra året', from: (year - 1) + '-01', to: (year - 1) + '-12' },
    { key: '12-man', label: 'Senaste 12 månaderna', from: yearMonth(new Date(year, now.getMonth() - 11, 1)),
      to: yearMonth(now) },
    { key: 'kvartal', label: 'Detta kvartal', from: yearMonth(new Date(year, quarterStart, 1)), to: yearMonth(now) },
    { key: 'forra-kvartalet', label: 'Förra kvartalet', from: yearMonth(previousQuarter),
      to: yearMonth(new Date(previousQuarter.getFullYear(), previousQuarter.getMonth() + 2, 1)) }
  ];
}

// ------------------------------------------------------------------------------------------------ figures → charts

/** Figures of an id for one category (null: the whole) per month. */
function perMonth(figures, id, category) {
  const points = new Map();
  figures.filter(f => f.id === id && f.month && (f.category ?? null) === category)
    .forEach(f => points.set(f.month, f));
  return points;
}

/**
 * Figures of an id over the whole period, by category name (the whole under wholeName). Period figures are taken
 * as they are; monthly ones are added up (counts) or their numerators and denominators are (shares).
 */
function perCategory(figures, id, wholeName) {
  const rows = figures.filter(f => f.id === id);
  const periodRows = rows.filter(f => !f.month && (f.year === null || f.year === undefined));
  const source = periodRows.length ? periodRows : rows.filter(f => f.month);
  const points = new Map();
  source.forEach(f => {
    const name = categoryName(f) ?? wholeName;
    const previous = points.get(name);
    if (!previous) {
      points.set(name, { ...f });
      return;
    }
    if (f.denominator !== null && f.denominator !== undefined && f.numerator !== null && f.numerator !== undefined) {
      previous.numerator = (previous.numerator ?? 0) + f.numerator;
      previous.denominator = (previous.denominator ?? 0) + f.denominator;
      previous.value = previous.denominator ? Math.round(10000 * previous.numerator / previous.denominator) / 10000
        : null;
    } else if (kindOf(f) === Kind.COUNT || kindOf(f) === Kind.KRONOR) {
      previous.value = (previous.value ?? 0) + (f.value ?? 0);
    }
  });
  return points;
}

function merge(...maps) {
  const all = new Map();
  maps.forEach(m => m.forEach((value, key) => all.set(key, value)));
  return all;
}

function describeShare(figure) {
  if (!figure) {
    return '';
  }
  return formatValue(figure.value, Kind.SHARE)
    + (figure.denominator ? ` (${figure.numerator ?? 0} av ${figure.denominator})` : '');
}

/** The text of an empty chart: nothing in the period, or a figure this version of Stegvis does not compute. */
function emptyText(figures, ids, nothing) {
  return figures.some(x => ids.includes(x.id)) ? nothing
    : 'Beräknas inte av den här versionen av Stegvis (' + ids.join(', ') + ').';
}

function charts(data) {
  const f = data.figures || [];
  const months = monthsBetween(data.from, data.to);
  const result = [];

  result.push(monthChart({
    id: 'andel_av_befolkningen', title: 'Andel av befolkningen med bistånd', kind: Kind.SHARE, months,
    description: 'Personer i hushåll med bistånd i månaden, delat med kommunens folkmängd (andel_av_befolkningen).',
    series: [{ name: 'Andel av befolkningen', points: perMonth(f, 'andel_av_befolkningen', null) }]
      .filter(s => s.points.size)
  }));
  result.push(monthChart({
    id: 'hushall_per_manad', title: 'Hushåll och personer med bistånd per månad', kind: Kind.COUNT, months,
    style: 'columns',
    description: 'Hushåll vars ansökan för månaden beviljats, och personerna i dem (hushall_per_manad, personer_per_manad).',
    series: [
      { name: 'Hushåll', points: perMonth(f, 'hushall_per_manad', null) },
      { name: 'Personer', points: perMonth(f, 'personer_per_manad', null) }
    ].filter(s => s.points.size)
  }));
  result.push(monthChart({
    id: 'inflode_utflode', title: 'Inflöde och utflöde av hushåll', kind: Kind.COUNT, months, style: 'columns',
    description: 'Hushåll med bistånd i månaden men inte månaden före (inflöde), och tvärtom (utflöde).',
    series: [
      { name: 'Inflöde', points: perMonth(f, 'inflode', null) },
      { name: 'Utflöde', points: perMonth(f, 'utflode', null) }
    ].filter(s => s.points.size)
  }));

  result.push(monthChart({
    id: 'aktivitetskrav_omfattade', title: 'Aktivitetskrav: klienter som omfattas', kind: Kind.COUNT, months,
    style: 'columns',
    description: 'Klienter som omfattas av aktivitetskravet vid månadens slut, och de som omfattas från månaden '
      + '(aktivitetskrav_omfattade, aktivitetskrav_nya_omfattade).',
    series: [
      { name: 'Omfattas', points: perMonth(f, 'aktivitetskrav_omfattade', null) },
      { name: 'Nya', points: perMonth(f, 'aktivitetskrav_nya_omfattade', null) }
    ].filter(s => s.points.size)
  }));

  const exits = perCategory(f, 'avslut_per_orsak', 'Alla');
  exits.delete('Alla');
  result.push(categoryChart({
    id: 'avslut_per_orsak', title: 'Avslutade klientresor per orsak', kind: Kind.COUNT, xTitle: 'Orsak',
    description: 'Klientresor som avslutats under perioden (avslut_per_orsak).',
    categories: [...exits.keys()], series: [{ name: 'Avslut', points: exits }],
    emptyText: emptyText(f, ['avslut_per_orsak'], 'Inga avslut under perioden.')
  }));

  const steps = perCategory(f, 'stegforflyttning', 'Alla klienter');
  result.push(categoryChart({
    id: 'stegforflyttning', title: 'Stegförflyttning: andel som flyttat minst ett steg uppåt', kind: Kind.SHARE,
    xTitle: 'Klienter', description: 'Bland klienter med en stegbedömning under perioden, totalt och per insatstyp '
      + '(stegforflyttning).',
    categories: [...steps.keys()], series: [{ name: 'Andel', points: steps }],
    emptyText: emptyText(f, ['stegforflyttning'], 'Inga stegbedömningar under perioden.')
  }));

  const supported = perCategory(f, 'andel_arbete_studier_efter_anstallning_med_stod',
    'Anställning med stöd (alla)');
  const perType = perCategory(f, 'andel_arbete_studier_efter_insats', 'Alla insatser');
  const outcomes = merge(supported, perType);
  result.push(categoryChart({
    id: 'andel_arbete_studier', title: 'Arbete eller studier efter avslutad insats', kind: Kind.SHARE,
    xTitle: 'Insats', description: 'Andel avslutade insatser som följts av arbete eller studier (inom 30 dagar): '
      + 'anställning med stöd och varje insatstyp (andel_arbete_studier_efter_anstallning_med_stod, '
      + 'andel_arbete_studier_efter_insats).',
    categories: [...outcomes.keys()], series: [{ name: 'Andel', points: outcomes }],
    emptyText: emptyText(f, ['andel_arbete_studier_efter_anstallning_med_stod', 'andel_arbete_studier_efter_insats'],
      'Inga avslutade insatser under perioden.')
  }));

  const followUpMonths = perMonth(f, 'uppfoljning_i_tid', null);
  const followUps = perCategory(f, 'uppfoljning_i_tid', 'Alla aktiva klienter');
  result.push(followUpMonths.size
    ? monthChart({
      id: 'uppfoljning_i_tid', title: 'Uppföljningssamtal i tid', kind: Kind.SHARE, months,
      description: 'Andel aktiva klienter vars uppföljningssamtal hölls i tid (uppfoljning_i_tid).',
      series: [{ name: 'Andel i tid', points: followUpMonths }]
    })
    : categoryChart({
      id: 'uppfoljning_i_tid', title: 'Uppföljningssamtal i tid', kind: Kind.SHARE, xTitle: 'Klienter',
      description: 'Andel aktiva klienter vars uppföljningssamtal under perioden alla hölls i tid (uppfoljning_i_tid).',
      categories: [...followUps.keys()], series: [{ name: 'Andel i tid', points: followUps }],
      emptyText: emptyText(f, ['uppfoljning_i_tid'], 'Inga uppföljningssamtal att hålla under perioden.')
    }));

  const decision = new Map();
  const median = f.find(x => x.id === 'tid_till_beslut_median' && !x.month && !x.category);
  const p90 = f.find(x => x.id === 'tid_till_beslut_p90' && !x.month && !x.category);
  if (median) {
    decision.set('Median', median);
  }
  if (p90) {
    decision.set('90:e percentilen', p90);
  }
  const inTime = f.find(x => x.id === 'andel_beslut_i_tid' && !x.month && !x.category);
  result.push(categoryChart({
    id: 'tid_till_beslut', title: 'Tid från komplett ansökan till beslut', kind: Kind.DAYS, xTitle: 'Mått',
    description: 'Kalenderdagar för beslut som fattats under perioden (tid_till_beslut_median, _p90).'
      + (inTime ? ' Andel beslut inom utlovad tid: ' + describeShare(inTime) + '.' : ''),
    categories: [...decision.keys()], series: [{ name: 'Dagar', points: decision }],
    emptyText: emptyText(f, ['tid_till_beslut_median', 'tid_till_beslut_p90'], 'Inga beslut under perioden.')
  }));
  return result;
}

// ------------------------------------------------------------------------------------------------ the table

function periodText(figure, data) {
  if (figure.month) {
    return monthName(figure.month);
  }
  if (figure.year !== null && figure.year !== undefined) {
    return String(figure.year);
  }
  return monthName(data.from) + ' – ' + monthName(data.to);
}

function figureTable(data) {
  const wrapper = element('div', { class: 'nt-table-wrapper' });
  const t = element('table', { class: 'table table-striped table-condensed nt-figures' });
  t.appendChild(element('caption', {}, `Alla nyckeltal (${(data.figures || []).length} värden). `
    + `Definitionerna finns under sitt id i ${data.definitions || 'docs/nyckeltal.md'}.`));
  const head = element('tr');
  ['Nyckeltal', 'Id', 'Kategori', 'Period', 'Värde', 'Täljare', 'Nämnare', 'Anmärkning']
    .forEach(h => head.appendChild(element('th', { scope: 'col' }, h)));
  const thead = element('thead');
  thead.appendChild(head);
  t.appendChild(thead);
  const body = element('tbody');
  (data.figures || []).forEach(figure => {
    const row = element('tr', { 'data-id': figure.id });
    if (figure.month) {
      row.setAttribute('data-month', figure.month);
    }
    if (figure.year !== null && figure.year !== undefined) {
      row.setAttribute('data-year', figure.year);
    }
    if (figure.category !== null && figure.category !== undefined) {
      row.setAttribute('data-category', figure.category);
    }
    row.appendChild(element('td', {}, figure.label));
    row.appendChild(element('td', {}, '')).appendChild(element('code', {}, figure.id));
    row.appendChild(element('td', {}, categoryName(figure) ?? ''));
    row.appendChild(element('td', {}, periodText(figure, data)));
    const value = element('td', { class: 'nt-number nt-value-cell' }, formatValue(figure.value, kindOf(figure)));
    if (figure.value !== null && figure.value !== undefined) {
      value.setAttribute('data-value', String(figure.value));
    }
    row.appendChild(value);
    row.appendChild(element('td', { class: 'nt-number' }, figure.numerator ?? ''));
    row.appendChild(element('td', { class: 'nt-number' }, figure.denominator ?? ''));
    row.appendChild(element('td', {}, figure.note ?? ''));
    body.appendChild(row);
  });
  t.appendChild(body);
  wrapper.appendChild(t);
  return wrapper;
}

// ------------------------------------------------------------------------------------------------ errors

async function problem(response) {
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  const serverText = body && body.error ? body.error : '';
  switch (response.status) {
    case 400:
      return {
        title: 'Perioden eller enheten kunde inte användas.',
        items: (body && body.errors && body.errors.length ? body.errors : [{ field: null, message: serverText }])
          .map(e => ({ field: e.field, text: (e.field ? (FIELD_NAMES[e.field] || e.field) + ': ' : '') + e.message }))
      };
    case 401:
      return { title: 'Du är inte inloggad längre. Logga in i Cockpit igen och öppna Nyckeltal.', items: serverText
        ? [{ text: serverText }] : [] };
    case 403:
      return { title: 'Du saknar behörighet att se nyckeltalen. De visas för chefer, teamledare och '
          + 'systemadministratörer.', items: serverText ? [{ text: serverText }] : [] };
    default:
      return { title: `Nyckeltalen kunde inte hämtas (HTTP ${response.status}).`,
        items: serverText ? [{ text: serverText }] : [] };
  }
}

// ------------------------------------------------------------------------------------------------ the page

function ensureStylesheet() {
  const href = new URL('./nyckeltal.css', import.meta.url).href;
  if (!document.querySelector(`link[data-stegvis-nyckeltal]`)) {
    const link = element('link', { rel: 'stylesheet', type: 'text/css', href, 'data-stegvis-nyckeltal': 'true' });
    document.head.appendChild(link);
  }
}

/** Renders the page into node; returns a function that stops it (pending requests, object URLs). */
export function mountKeyFigures(node, initial) {
  ensureStylesheet();
  const defaults = presets().find(p => p.key === '12-man');
  const query = {
    from: initial && initial.from ? initial.from : defaults.from,
    to: initial && initial.to ? initial.to : defaults.to,
    enhet: initial && initial.enhet ? initial.enhet : ''
  };
  let controller = null;
  let csvUrl = null;
  let counter = 0;

  const root = element('section', { class: 'stegvis-nyckeltal', 'data-state': 'loading', 'aria-labelledby': 'nt-heading' });
  const header = element('header', { class: 'nt-header' });
  header.appendChild(element('h1', { id: 'nt-heading' }, 'Nyckeltal'));
  header.appendChild(element('p', { class: 'nt-lead' }, 'Ekonomiskt bistånd och klientresan: de tal kontoret styr '
    + 'på, för vald period och enhet. Definitionerna (id i tabellen) finns i docs/nyckeltal.md.'));
  root.appendChild(header);

  const form = element('form', { class: 'nt-filter form-inline', 'aria-label': 'Period och enhet' });
  const fromField = element('div', { class: 'form-group' });
  fromField.appendChild(element('label', { for: 'nt-from' }, 'Från månad'));
  const fromInput = element('input', { id: 'nt-from', name: 'from', type: 'month', class: 'form-control',
    required: 'required', pattern: '\\d{4}-\\d{2}', placeholder: 'ÅÅÅÅ-MM' });
  fromField.appendChild(fromInput);
  const toField = element('div', { class: 'form-group' });
  toField.appendChild(element('label', { for: 'nt-to' }, 'Till månad'));
  const toInput = element('input', { id: 'nt-to', name: 'to', type: 'month', class: 'form-control',
    required: 'required', pattern: '\\d{4}-\\d{2}', placeholder: 'ÅÅÅÅ-MM' });
  toField.appendChild(toInput);
  const unitField = element('div', { class: 'form-group' });
  unitField.appendChild(element('label', { for: 'nt-enhet' }, 'Enhet'));
  const unitSelect = element('select', { id: 'nt-enhet', name: 'enhet', class: 'form-control' });
  unitSelect.appendChild(element('option', { value: '' }, 'Hela kommunen'));
  unitField.appendChild(unitSelect);
  const show = element('button', { type: 'submit', class: 'btn btn-primary nt-show' }, 'Visa');
  [fromField, toField, unitField, show].forEach(e => form.appendChild(e));

  const presetBar = element('div', { class: 'nt-presets', role: 'group', 'aria-label': 'Snabbval av period' });
  presets().forEach(p => {
    const button = element('button', { type: 'button', class: 'btn btn-default btn-sm', 'data-preset': p.key },
      p.label);
    button.addEventListener('click', () => {
      fromInput.value = p.from;
      toInput.value = p.to;
      load();
    });
    presetBar.appendChild(button);
  });
  form.appendChild(presetBar);
  root.appendChild(form);

  const status = element('p', { class: 'nt-status', role: 'status', 'aria-live': 'polite' });
  const csv = element('a', { href: '#', class: 'btn btn-default nt-csv', role: 'button' }, 'Ladda ner CSV');
  const toolbar = element('div', { class: 'nt-toolbar' });
  toolbar.appendChild(status);
  toolbar.appendChild(csv);
  root.appendChild(toolbar);
  const errorBox = element('div', { class: 'nt-error alert alert-danger', role: 'alert', hidden: 'hidden' });
  root.appendChild(errorBox);
  const chartArea = element('div', { class: 'nt-charts' });
  root.appendChild(chartArea);
  const tableHeading = element('h2', { class: 'nt-table-heading' }, 'Alla nyckeltal');
  const tableArea = element('div', { class: 'nt-table-area' });
  root.appendChild(tableHeading);
  root.appendChild(tableArea);
  node.appendChild(root);

  fromInput.value = query.from;
  toInput.value = query.to;

  function currentQuery() {
    return { from: fromInput.value, to: toInput.value, enhet: unitSelect.value };
  }

  function showError(p) {
    errorBox.textContent = '';
    errorBox.appendChild(element('strong', {}, p.title));
    if (p.items.length) {
      const list = element('ul');
      p.items.forEach(item => list.appendChild(element('li', {}, item.text)));
      errorBox.appendChild(list);
    }
    errorBox.hidden = false;
    const invalid = new Set(p.items.map(i => i.field).filter(Boolean));
    [[fromInput, 'from'], [toInput, 'to'], [unitSelect, 'enhet']].forEach(([input, field]) => {
      if (invalid.has(field)) {
        input.setAttribute('aria-invalid', 'true');
      } else {
        input.removeAttribute('aria-invalid');
      }
    });
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = '';
    [fromInput, toInput, unitSelect].forEach(i => i.removeAttribute('aria-invalid'));
  }

  function fillUnits(data) {
    const units = Array.isArray(data.enheter) ? data.enheter : null;
    const selected = data.enhet || '';
    unitSelect.textContent = '';
    unitSelect.appendChild(element('option', { value: '' }, 'Hela kommunen'));
    (units || []).forEach(u => unitSelect.appendChild(element('option', { value: u }, u)));
    unitSelect.disabled = !units || units.length === 0;
    unitSelect.title = unitSelect.disabled ? 'Inga enheter är inställda' : '';
    unitSelect.value = units && units.includes(selected) ? selected : '';
  }

  function resetCsv() {
    if (csvUrl) {
      URL.revokeObjectURL(csvUrl);
      csvUrl = null;
    }
    csv.href = '#';
    csv.removeAttribute('download');
    delete csv.dataset.ready;
  }

  async function load() {
    const q = currentQuery();
    const mine = ++counter;
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    resetCsv();
    root.setAttribute('data-state', 'loading');
    root.setAttribute('aria-busy', 'true');
    status.textContent = 'Hämtar nyckeltal …';
    try {
      const response = await fetch(apiUrl(q), { credentials: 'same-origin', signal: controller.signal,
        headers: { Accept: 'application/json' } });
      if (mine !== counter) {
        return;
      }
      if (!response.ok) {
        showError(await problem(response));
        status.textContent = '';
        root.setAttribute('data-state', 'error');
        return;
      }
      const data = await response.json();
      if (mine !== counter) {
        return;
      }
      clearError();
      fillUnits(data);
      fromInput.value = data.from;
      toInput.value = data.to;
      chartArea.textContent = '';
      charts(data).forEach(c => chartArea.appendChild(c));
      tableArea.textContent = '';
      tableArea.appendChild(figureTable(data));
      status.textContent = `${monthName(data.from)} – ${monthName(data.to)}, ${data.enhet || 'hela kommunen'}. `
        + `Hämtat ${new Date().toLocaleTimeString('sv-SE', { hour: '2-digit', minute: '2-digit' })}.`;
      root.setAttribute('data-period', data.from + '/' + data.to);
      root.setAttribute('data-state', 'ready');
    } catch (e) {
      if (e.name === 'AbortError' || mine !== counter) {
        return;
      }
      showError({ title: 'Stegvis kunde inte nås. Försök igen om en stund.', items: [{ text: String(e.message || e) }] });
      status.textContent = '';
      root.setAttribute('data-state', 'error');
    } finally {
      if (mine === counter) {
        root.removeAttribute('aria-busy');
      }
    }
  }

  async function downloadCsv(event) {
    if (csv.dataset.ready) {
      return; // the link points at the prepared file: let the browser save it
    }
    event.preventDefault();
    const q = currentQuery();
    try {
      const response = await fetch(apiUrl(q), { credentials: 'same-origin', headers: { Accept: 'text/csv' } });
      if (!response.ok) {
        showError(await problem(response));
        return;
      }
      const blob = await response.blob();
      resetCsv();
      csvUrl = URL.createObjectURL(blob);
      csv.href = csvUrl;
      csv.download = `nyckeltal-${q.from}-${q.to}${q.enhet ? '-' + q.enhet.replace(/[^A-Za-z0-9]/g, '_') : ''}.csv`;
      csv.dataset.ready = 'true';
      csv.click();
    } catch (e) {
      showError({ title: 'CSV-filen kunde inte hämtas.', items: [{ text: String(e.message || e) }] });
    }
  }

  form.addEventListener('submit', event => {
    event.preventDefault();
    load();
  });
  unitSelect.addEventListener('change', () => load());
  csv.addEventListener('click', downloadCsv);

  // Units known before the first answer come from the link (#/nyckeltal?enhet=...).
  if (query.enhet) {
    unitSelect.appendChild(element('option', { value: query.enhet }, query.enhet));
    unitSelect.value = query.enhet;
  }
  load();

  return () => {
    counter++;
    if (controller) {
      controller.abort();
    }
    resetCsv();
  };
}
