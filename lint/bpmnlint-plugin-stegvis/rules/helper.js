const { is, isAny } = require('bpmnlint-utils');

/** The extension elements of a camunda type (e.g. 'camunda:FailedJobRetryTimeCycle') under a node. */
function extensions(node, type) {
  const values = (node.extensionElements && node.extensionElements.values) || [];
  return values.filter(value => is(value, type));
}

/**
 * The retry cycle: camunda:failedJobRetryTimeCycle, or the extension property failedJobRetryTimeCycle that
 * Stegvis' element templates write (the engine reads both: config/TemplateRetryCycle).
 */
function retryCycle(node) {
  for (const cycle of extensions(node, 'camunda:FailedJobRetryTimeCycle')) {
    if (cycle.body && cycle.body.trim()) {
      return cycle.body.trim();
    }
  }
  for (const properties of extensions(node, 'camunda:Properties')) {
    for (const property of properties.values || []) {
      if (property.name === 'failedJobRetryTimeCycle' && property.value && property.value.trim()) {
        return property.value.trim();
      }
    }
  }
  return null;
}

function blank(text) {
  return !text || !String(text).trim();
}

/** A service or send task that runs Java (not an external task handled by a worker). */
function callsOut(node) {
  if (!isAny(node, [ 'bpmn:ServiceTask', 'bpmn:SendTask' ])) {
    return false;
  }
  return node.type !== 'external';
}

/**
 * The reason a task runs synchronously, in the transaction of the step before it: the extension property
 * "synchronous" (Extensions → Properties), e.g. on "Registrera ansökan", which stores the start form's application so
 * that a refusal reaches the start form and the form's fields never reach the database. Null when not given.
 * Model guard: same exception.
 */
function synchronousReason(node) {
  for (const properties of extensions(node, 'camunda:Properties')) {
    for (const property of properties.values || []) {
      if (property.name === 'synchronous' && !blank(property.value)) {
        return property.value.trim();
      }
    }
  }
  return null;
}

module.exports = { extensions, retryCycle, blank, callsOut, synchronousReason };
