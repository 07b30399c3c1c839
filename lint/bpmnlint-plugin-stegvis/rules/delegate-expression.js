const { isAny } = require('bpmnlint-utils');
const { blank, callsOut } = require('./helper');

const BEAN = /^\$\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}$/;

/**
 * Java is reached through a Spring bean: camunda:delegateExpression="${beanName}", never camunda:class. Listeners
 * too. An external task needs a topic. Model guard: same rule (and it also checks that the bean exists).
 */
module.exports = function() {
  function checkDelegate(id, what, element, reporter) {
    if (!blank(element.class)) {
      reporter.report(id, what + ' uses camunda:class ' + element.class + '; use a delegateExpression to a Spring bean');
    }
    if (!blank(element.delegateExpression) && !BEAN.test(element.delegateExpression.trim())) {
      reporter.report(id, what + " has delegateExpression '" + element.delegateExpression + "'; expected ${beanName}");
    }
  }

  function check(node, reporter) {
    if (isAny(node, [ 'bpmn:ServiceTask', 'bpmn:SendTask' ]) && node.type === 'external') {
      if (blank(node.topic)) {
        reporter.report(node.id, 'External task has no topic');
      }
      return;
    }
    if (callsOut(node)) {
      checkDelegate(node.id, 'Task', node, reporter);
      if (blank(node.delegateExpression) && blank(node.expression)) {
        reporter.report(node.id, 'Task has no delegateExpression');
      }
    }
    if (isAny(node, [ 'bpmn:BusinessRuleTask' ])) {
      checkDelegate(node.id, 'Task', node, reporter);
    }
    const values = (node.extensionElements && node.extensionElements.values) || [];
    for (const listener of values) {
      if (isAny(listener, [ 'camunda:ExecutionListener', 'camunda:TaskListener' ])) {
        checkDelegate(node.id, 'Listener (' + listener.event + ')', listener, reporter);
      }
    }
  }
  return { check };
};
