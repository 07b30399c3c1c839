const { is } = require('bpmnlint-utils');
const { blank } = require('./helper');

/**
 * A user task goes to candidate groups (never to a person named in the model) and has a Camunda Form. Model guard:
 * same rule (and it also checks that the form exists under forms/).
 */
module.exports = function() {
  function check(node, reporter) {
    if (!is(node, 'bpmn:UserTask')) {
      return;
    }
    if (blank(node.candidateGroups)) {
      reporter.report(node.id, 'User task has no candidate group');
    }
    if (!blank(node.assignee)) {
      reporter.report(node.id, 'User task is assigned to a person in the model; use candidate groups');
    }
    if (blank(node.formRef) && blank(node.formKey)) {
      reporter.report(node.id, 'User task has no form (camunda:formRef)');
    }
  }
  return { check };
};
