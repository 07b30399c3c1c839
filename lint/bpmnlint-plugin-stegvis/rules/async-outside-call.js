const { retryCycle, callsOut, synchronousReason } = require('./helper');

/**
 * A service or send task that runs Java calls outside the engine or does real work: it starts a transaction of its
 * own (camunda:asyncBefore) and says how often a failure is retried (camunda:failedJobRetryTimeCycle or the element
 * template's retry field). Except a task that says why it runs in the transaction of the step before it (extension
 * property "synchronous", helper.synchronousReason). Model guard: same rule.
 */
module.exports = function() {
  function check(node, reporter) {
    if (!callsOut(node) || synchronousReason(node)) {
      return;
    }
    if (!(node.asyncBefore || node.async)) {
      reporter.report(node.id, 'Calls out but has no asyncBefore (Asynchronous continuations → Before)');
    }
    if (!retryCycle(node)) {
      reporter.report(node.id, 'Calls out but has no retry cycle (camunda:failedJobRetryTimeCycle, e.g. R3/PT5M)');
    }
  }
  return { check };
};
