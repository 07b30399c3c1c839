const { is, isAny } = require('bpmnlint-utils');

/** No scripts: the logic lives in Java delegates (BPMN holds the flow). Model guard: same rule. */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:ScriptTask')) {
      reporter.report(node.id, 'Script task is not allowed: put the logic in a Java delegate');
      return;
    }
    const values = (node.extensionElements && node.extensionElements.values) || [];
    for (const listener of values) {
      if (isAny(listener, [ 'camunda:ExecutionListener', 'camunda:TaskListener' ]) && listener.script) {
        reporter.report(node.id, 'Script in a listener is not allowed: put the logic in a Java delegate');
      }
    }
  }
  return { check };
};
