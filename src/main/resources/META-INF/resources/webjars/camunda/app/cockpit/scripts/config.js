/*
 * Stegvis: Cockpit's configuration (replaces the one packaged with Camunda's webapps, which set nothing). Swedish is
 * the default (fallbackLocale): English is shown only to a browser whose first language is English; the words are
 * those of docs/ordlista.md. customScripts are ES modules below app/cockpit/ whose default export is a list of
 * frontend plugins (Camunda 7.14+ plugin API).
 */
export default {
  app: {
    name: 'Stegvis',
    vendor: 'Norrköpings kommun'
  },
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'sv'
  },
  customScripts: [
    // "Nyckeltal": the key figures of GET /api/nyckeltal as charts and a table (nyckeltal/plugin.js)
    'nyckeltal/plugin.js',
    // "Migrera instanser": running instances to the latest version with Camunda's migration API (migrering/plugin.js)
    'migrering/plugin.js'
  ]
};
