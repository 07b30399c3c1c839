/*
 * Stegvis – Cockpit plugin "Nyckeltal" (Camunda 7.14+ frontend plugin API, plain JavaScript).
 *
 * Two plugins: a link in Cockpit's header (plugin point cockpit.navigation) and the page itself
 * (cockpit.route, #/nyckeltal). The figures come from the application's GET /api/nyckeltal, read with the
 * logged-in Cockpit user's session: no credentials in this code, the user's groups decide.
 */
import { mountKeyFigures } from './view.js';

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

/** from, to and enhet from the route's query (#/nyckeltal?from=2025-01&to=2025-12), so a view can be linked to. */
function initialQuery() {
  const hash = window.location.hash || '';
  const q = hash.indexOf('?');
  const params = new URLSearchParams(q < 0 ? '' : hash.substring(q + 1));
  return { from: params.get('from'), to: params.get('to'), enhet: params.get('enhet') };
}
