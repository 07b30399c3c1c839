/*
 * Stegvis – Migrera instanser: the page behind Cockpit's "Migrera instanser" link. Lists the processes whose older
 * versions still have running instances (GET /api/migreringar); for one version it shows the plan Camunda's migration
 * API builds (POST /api/migreringar): what maps, which running activities do not and how many instances sit there, a
 * choice of target for each of those, validation, and the migration as a batch. Refusals show the server's reason.
 * The root element carries data-state = loading | overview | plan | started | error for tests and styling.
 */

/** /api/migreringar beside the webapps: the webapps' root (<base app-root="/camunda">) without its last segment. */
export function apiUrl() {
  const base = document.querySelector('base[app-root]');
  const appRoot = base ? base.getAttribute('app-root') : '/camunda';
  return `${appRoot.replace(/\/[^/]*$/, '')}/api/migreringar`;
}

function element(name, attributes, text) {
  const e = document.createElement(name);
  Object.entries(attributes || {}).forEach(([key, value]) => e.setAttribute(key, String(value)));
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

function csrfToken() {
  const match = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
  return match ? decodeURIComponent(match.substring('XSRF-TOKEN='.length)) : '';
}

/** The server's refusal as one readable line: its message per field. */
function reason(body, status) {
  if (body && Array.isArray(body.errors) && body.errors.length) {
    return body.errors.map(e => e.message).join(' ');
  }
  if (status === 401 || status === 403) {
    return 'Bara processägare får migrera instanser.';
  }
  return (body && body.error) || `Servern svarade ${status}.`;
}

async function call(method, body) {
  const response = await fetch(apiUrl(), {
    method,
    credentials: 'same-origin',
    headers: method === 'GET' ? { Accept: 'application/json' }
      : { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
    body: body ? JSON.stringify(body) : undefined
  });
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const error = new Error(reason(json, response.status));
    error.status = response.status;
    throw error;
  }
  return json;
}

function versionText(v) {
  return `version ${v.version}` + (v.versionTag ? ` (${v.versionTag})` : '');
}

/** Mounts the page into the node Cockpit gives; returns the function that unmounts it. */
export function mountMigration(node) {
  const root = element('div', { class: 'stegvis-migrering', 'data-state': 'loading', style: 'padding: 20px; max-width: 1100px;' });
  node.appendChild(root);
  let alive = true;

  const setState = (state) => root.setAttribute('data-state', state);
  const clear = () => { while (root.firstChild) { root.removeChild(root.firstChild); } };
  const showError = (message) => {
    const box = element('div', { class: 'alert alert-danger stegvis-migrering-fel', role: 'alert' }, message);
    root.insertBefore(box, root.firstChild.nextSibling);
  };

  async function overview() {
    clear();
    setState('loading');
    root.appendChild(element('h2', {}, 'Migrera instanser'));
    root.appendChild(element('p', {}, 'När en ändrad modell har driftsatts ligger pågående instanser kvar på den version '
      + 'de startade på. Här flyttar du dem till den senaste versionen med Camundas migrering.'));
    try {
      const processes = await call('GET');
      if (!alive) { return; }
      const withOlder = processes.filter(p => p.older.length);
      if (!withOlder.length) {
        root.appendChild(element('p', { class: 'stegvis-migrering-tomt' },
          'Alla pågående instanser är på den senaste versionen av sin process.'));
      }
      const table = element('table', { class: 'table table-striped stegvis-migrering-oversikt' });
      const head = element('tr');
      ['Process', 'Senaste version', 'Äldre version', 'Pågående instanser', ''].forEach(h => head.appendChild(element('th', {}, h)));
      table.appendChild(element('thead')).appendChild(head);
      const body = table.appendChild(element('tbody'));
      withOlder.forEach(p => p.older.forEach(v => {
        const row = body.appendChild(element('tr', { 'data-process': p.key, 'data-version': v.version }));
        row.appendChild(element('td', {}, `${p.name} (${p.key})`));
        row.appendChild(element('td', {}, versionText(p.latest)));
        row.appendChild(element('td', {}, versionText(v)));
        row.appendChild(element('td', {}, String(v.runningInstances)));
        const button = element('button', { class: 'btn btn-default stegvis-visa-plan', type: 'button' }, 'Visa plan');
        button.addEventListener('click', () => plan({ key: p.key, name: p.name, fromVersion: v.version, toVersion: p.latest.version }, []));
        row.appendChild(element('td')).appendChild(button);
      }));
      if (withOlder.length) {
        root.appendChild(table);
      }
      setState('overview');
    } catch (e) {
      if (!alive) { return; }
      setState('error');
      showError(e.message);
    }
  }

  async function plan(choice, mappings, execute) {
    clear();
    setState('loading');
    root.appendChild(element('h2', {}, `Migrera instanser: ${choice.name}`));
    const back = element('button', { class: 'btn btn-link', type: 'button' }, '← Tillbaka till översikten');
    back.addEventListener('click', overview);
    root.appendChild(back);
    let result;
    try {
      result = await call('POST', {
        processDefinitionKey: choice.key, fromVersion: choice.fromVersion, toVersion: choice.toVersion,
        mappings, execute: !!execute
      });
    } catch (e) {
      if (!alive) { return; }
      setState('error');
      showError(e.message);
      return;
    }
    if (!alive) { return; }
    root.appendChild(element('p', {}, `Från ${versionText(result.from)} till ${versionText(result.to)}: `
      + `${result.instances} pågående instans(er).`));
    if (result.batchId) {
      setState('started');
      const done = element('div', { class: 'alert alert-success stegvis-migrering-startad' },
        `Migreringen körs som batch ${result.batchId}. `);
      done.appendChild(element('a', { href: `#/batch?details=${result.batchId}&type=runtime` }, 'Följ förloppet under Batcher.'));
      root.appendChild(done);
      return;
    }

    root.appendChild(element('h3', {}, 'Mappas'));
    const mapped = element('table', { class: 'table table-condensed stegvis-migrering-mappas' });
    const mh = element('tr');
    ['Aktivitet i gamla versionen', 'Aktivitet i nya versionen'].forEach(h => mh.appendChild(element('th', {}, h)));
    mapped.appendChild(element('thead')).appendChild(mh);
    const mb = mapped.appendChild(element('tbody'));
    result.instructions.forEach(i => {
      const row = mb.appendChild(element('tr'));
      row.appendChild(element('td', {}, `${i.fromName} (${i.from})`));
      row.appendChild(element('td', {}, `${i.toName} (${i.to})`));
    });
    root.appendChild(mapped);

    const choices = {};
    if (result.unmapped.length) {
      root.appendChild(element('h3', {}, 'Mappas inte'));
      root.appendChild(element('p', {}, 'Pågående instanser står i aktiviteter som saknas i den nya versionen. '
        + 'Välj vilken aktivitet de ska flyttas till.'));
      const table = element('table', { class: 'table table-condensed stegvis-migrering-mappas-inte' });
      const body = table.appendChild(element('tbody'));
      result.unmapped.forEach(u => {
        const row = body.appendChild(element('tr', { 'data-activity': u.activityId }));
        row.appendChild(element('td', {}, `${u.name} (${u.activityId}): ${u.runningInstances} instans(er)`));
        const select = element('select', { class: 'form-control', 'data-from': u.activityId });
        select.appendChild(element('option', { value: '' }, '– välj aktivitet –'));
        result.targetActivities.forEach(a => select.appendChild(element('option', { value: a.id }, `${a.name} (${a.id})`)));
        select.addEventListener('change', () => { choices[u.activityId] = select.value; });
        row.appendChild(element('td')).appendChild(select);
      });
      root.appendChild(table);
    }
    result.problems.forEach(p => root.appendChild(element('div', { class: 'alert alert-warning stegvis-migrering-problem' }, p)));
    if (result.valid) {
      root.appendChild(element('div', { class: 'alert alert-info stegvis-migrering-giltig' }, 'Planen är giltig.'));
    }

    const actions = root.appendChild(element('div', { class: 'stegvis-migrering-knappar' }));
    const validate = element('button', { class: 'btn btn-default stegvis-validera', type: 'button' }, 'Validera');
    validate.addEventListener('click', () => plan(choice, withChoices(mappings, choices)));
    actions.appendChild(validate);
    const run = element('button', { class: 'btn btn-primary stegvis-migrera', type: 'button', style: 'margin-left: 10px' },
      `Migrera ${result.instances} instans(er)`);
    if (!result.valid) {
      run.setAttribute('disabled', 'disabled');
    }
    run.addEventListener('click', () => plan(choice, withChoices(mappings, choices), true));
    actions.appendChild(run);
    setState('plan');
  }

  function withChoices(mappings, choices) {
    const own = mappings.filter(m => !(m.from in choices));
    Object.entries(choices).filter(([, to]) => to).forEach(([from, to]) => own.push({ from, to }));
    return own;
  }

  overview();
  return () => {
    alive = false;
    if (root.parentNode) {
      root.parentNode.removeChild(root);
    }
  };
}
