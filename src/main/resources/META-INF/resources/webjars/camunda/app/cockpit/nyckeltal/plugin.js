/*
 * Stegvis – Cockpit plugin "Nyckeltal" (Camunda 7.14+ frontend plugin API, plain JavaScript).
 *
 * Two plugins: a link in Cockpit's header (plugin point cockpit.navigation) and the page itself
 * (cockpit.route, #/nyckeltal). The figures come from the application's GET /api/nyckeltal, read with the
 * logged-in Cockpit user's session: no credentials in this code, the user's groups decide.
 */
import { apiUrl, mountKeyFigures } from './view.js';

const PATH = '/nyckeltal';

let unmountView = null;

export default [
  {
    id: 'stegvis.nyckeltal.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: PATH, label: 'Nyckeltal' },
    render: (node) => {
      const link = document.createElement('a');
      link.href = '#' + PATH;
      link.textContent = 'Nyckeltal';
      link.title = 'Nyckeltal för ekonomiskt bistånd och klientresan';
      node.appendChild(link);
      hideUnlessAllowed(node);
    }
  },
  {
    id: 'stegvis.nyckeltal.route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: 'Nyckeltal' },
    render: (node) => {
      unmountView = mountKeyFigures(node, initialQuery());
    },
    unmount: () => {
      if (unmountView) {
        unmountView();
        unmountView = null;
      }
    }
  }
];

/**
 * Hides the header link from Cockpit users who may not read the figures (e.g. process owners). A HEAD request
 * without a period is cheap: the endpoint's group check answers 403 (or 401) first; a user who may read the figures
 * gets 400 for the missing period, and the link stays.
 */
function hideUnlessAllowed(node) {
  fetch(apiUrl(null), { method: 'HEAD', credentials: 'same-origin' })
    .then(response => {
      if (response.status === 401 || response.status === 403) {
        const item = node.closest('li') || node;
        item.style.display = 'none';
        item.setAttribute('data-stegvis-hidden', 'true');
      }
    })
    .catch(() => { /* keep the link: the page itself explains what went wrong */ });
}

/** from, to and enhet from the route's query (#/nyckeltal?from=2025-01&to=2025-12), so a view can be linked to. */
function initialQuery() {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : hash.substring(q + 1));
  return { from: params.get('from'), to: params.get('to'), enhet: params.get('enhet') };
}
