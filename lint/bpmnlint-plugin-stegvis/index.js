// Stegvis' bpmnlint rules. Which of them the model guard (ModelGuard, Java) checks too: docs/processagare.md.
module.exports = {
  configs: {
    recommended: {
      rules: {
        'named-diverging-gateway': 'error',
        'async-outside-call': 'error',
        'delegate-expression': 'error',
        'no-script': 'error',
        'user-task': 'error',
        'history-time-to-live': 'error',
        'version-tag': 'error',
        'id-style': 'error'
      }
    }
  },
  rules: {
    'named-diverging-gateway': './rules/named-diverging-gateway',
    'async-outside-call': './rules/async-outside-call',
    'delegate-expression': './rules/delegate-expression',
    'no-script': './rules/no-script',
    'user-task': './rules/user-task',
    'history-time-to-live': './rules/history-time-to-live',
    'version-tag': './rules/version-tag',
    'id-style': './rules/id-style'
  }
};
