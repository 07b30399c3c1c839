/*
 * Stegvis: Cockpit's configuration (replaces the one packaged with Camunda's webapps; its other settings keep
 * their defaults). customScripts are ES modules below app/cockpit/ whose default export is a list of frontend
 * plugins (Camunda 7.14+ plugin API).
 */
export default {
  customScripts: [
    // "Nyckeltal": the key figures of GET /api/nyckeltal as charts and a table (nyckeltal/plugin.js)
    'nyckeltal/plugin.js'
  ]
};
