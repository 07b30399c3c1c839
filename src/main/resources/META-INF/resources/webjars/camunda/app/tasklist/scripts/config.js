/*
 * Stegvis: Tasklist's configuration (replaces the one packaged with Camunda's webapps; what that one set, the keyboard
 * shortcuts, is kept here with Swedish descriptions). Swedish is the default (fallbackLocale): Tasklist shows English
 * only to a browser whose first language is English. The words are those of docs/ordlista.md.
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
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tar den valda uppgiften'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flyttar markören till det första filtret i listan'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flyttar markören till den första uppgiften i listan'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flyttar markören till det första fältet i uppgiftens formulär'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'öppnar dialogen Starta process'
    }
  }
};
