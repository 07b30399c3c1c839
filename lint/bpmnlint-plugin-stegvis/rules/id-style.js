const { is, isAny } = require('bpmnlint-utils');

// Camunda's documented style: <ElementType>_<WhatItIsInPascalCase>, e.g. UserTask_InvestigateApplication.
const PREFIXES = [
  [ 'bpmn:StartEvent', [ 'StartEvent' ] ],
  [ 'bpmn:EndEvent', [ 'EndEvent' ] ],
  [ 'bpmn:BoundaryEvent', [ 'BoundaryEvent' ] ],
  [ 'bpmn:IntermediateCatchEvent', [ 'CatchEvent', 'IntermediateCatchEvent', 'Event' ] ],
  [ 'bpmn:IntermediateThrowEvent', [ 'ThrowEvent', 'IntermediateThrowEvent', 'Event' ] ],
  [ 'bpmn:CallActivity', [ 'CallActivity', 'Task' ] ],
  [ 'bpmn:SubProcess', [ 'SubProcess' ] ],
  [ 'bpmn:Task', [ 'Task', 'UserTask', 'ServiceTask', 'SendTask', 'ReceiveTask', 'BusinessRuleTask', 'ManualTask', 'ScriptTask' ] ],
  [ 'bpmn:Gateway', [ 'Gateway' ] ],
  [ 'bpmn:SequenceFlow', [ 'SequenceFlow' ] ]
];

// Ids that Camunda Modeler / bpmn-js generate (Activity_0abc123, Flow_1xyz9ab, StartEvent_1): the model guard
// rejects these too (ModelGuard.MODELER_DEFAULT_ID).
const MODELER_DEFAULT = /^[A-Za-z]+_([0-9][0-9a-z]{6}|1)$/;
const NAME = /^[A-Z][A-Za-z0-9]*$/;
const PROCESS_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

module.exports = function() {
  function check(node, reporter) {
    const id = node.id;
    if (!id) {
      return;
    }
    if (MODELER_DEFAULT.test(id)) {
      reporter.report(id, 'Id is a modeler default; name it <Type>_<WhatItIs>, e.g. UserTask_InvestigateApplication');
      return;
    }
    if (is(node, 'bpmn:Process')) {
      if (!PROCESS_ID.test(id)) {
        reporter.report(id, 'Process id must be kebab-case like its file name (ekonomiskt-bistand)');
      }
      return;
    }
    for (const [ type, prefixes ] of PREFIXES) {
      if (!is(node, type)) {
        continue;
      }
      const at = id.indexOf('_');
      const prefix = at < 0 ? '' : id.substring(0, at);
      if (!prefixes.includes(prefix) || !NAME.test(id.substring(at + 1))) {
        reporter.report(id, 'Id does not follow <Type>_<WhatItIs>: expected ' + prefixes.map(p => p + '_…').join(' or ')
          + ' with the rest in PascalCase');
      }
      return;
    }
  }
  return { check };
};
