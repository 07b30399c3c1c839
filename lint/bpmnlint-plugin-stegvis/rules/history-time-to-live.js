const { is } = require('bpmnlint-utils');
const { blank } = require('./helper');

/** Every executable process says how long its history is kept. Model guard: same rule. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && blank(node.historyTimeToLive)) {
      reporter.report(node.id, 'Process has no historyTimeToLive (History cleanup → Time to live)');
    }
  }
  return { check };
};
