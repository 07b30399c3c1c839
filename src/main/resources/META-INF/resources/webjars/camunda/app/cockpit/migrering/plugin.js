/*
 * Stegvis – Cockpit plugin "Migrera instanser" (Camunda 7.14+ frontend plugin API, plain JavaScript).
 *
 * A link in Cockpit's header (cockpit.navigation), shown to process owners only, and the page (cockpit.route,
 * #/migrera-instanser). The page reads and writes /api/migreringar with the logged-in user's Cockpit session: writes
 * carry Camunda's CSRF token (cookie XSRF-TOKEN → header X-XSRF-TOKEN) as Cockpit's own calls do. No credentials here.
 */
import { apiUrl, mountMigration } from './view.js';

const PATH = '/migrera-instanser';

let unmountView = null;

export default [
  {
    id: 'stegvis.migrering.navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 40,
    properties: { path: PATH, label: 'Migrera instanser' },
    render: (node) => {
      const link = document.createElement('a');
      link.href = '#' + PATH;
      link.textContent = 'Migrera instanser';
      link.title = 'Flytta pågående instanser till den senaste versionen av en process';
      node.appendChild(link);
      hideUnlessAllowed(node);
    }
  },
  {
    id: 'stegvis.migrering.route',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: 'Migrera instanser' },
    render: (node) => {
      unmountView = mountMigration(node);
    },
    unmount: () => {
      if (unmountView) {
        unmountView();
        unmountView = null;
      }
    }
  }
];

/** Hides the header link from Cockpit users who are not process owners (the API answers them 401/403). */
function hideUnlessAllowed(node) {
  fetch(apiUrl(), { method: 'HEAD', credentials: 'same-origin' })
    .then(response => {
      if (response.status === 401 || response.status === 403) {
        const item = node.closest('li') || node;
        item.style.display = 'none';
        item.setAttribute('data-stegvis-hidden', 'true');
      }
    })
    .catch(() => { /* keep the link: the page itself explains what went wrong */ });
}
