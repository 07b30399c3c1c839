const { is } = require('bpmnlint-utils');

/**
 * A gateway that splits (more than one outgoing flow) carries a name: the question it decides, or what it waits
 * for or starts in parallel. Model guard: same rule. The outgoing flows are counted from the sequence flows' sources,
 * as the engine does, not from the optional bpmn:outgoing references.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:Gateway') || (node.name || '').trim()) {
      return;
    }
    const siblings = (node.$parent && node.$parent.flowElements) || [];
    const outgoing = siblings.filter(e => is(e, 'bpmn:SequenceFlow') && e.sourceRef === node).length;
    if (outgoing > 1) {
      reporter.report(node.id, 'Diverging gateway has no name: name it with the question it decides');
    }
  }
  return { check };
};
