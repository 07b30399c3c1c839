/*
 * Stegvis: Admin's configuration (replaces the one packaged with Camunda's webapps, which set nothing). Swedish is the
 * default (fallbackLocale): English is shown only to a browser whose first language is English. The words are those
 * of docs/ordlista.md.
 */
export default {
  app: {
    name: 'Stegvis',
    vendor: 'Norrköpings kommun'
  },
  locales: {
    availableLocales: ['sv', 'en'],
    fallbackLocale: 'sv'
  }
};
