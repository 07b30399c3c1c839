const { is } = require('bpmnlint-utils');
const { blank } = require('./helper');

/**
 * Every executable process has a camunda:versionTag, raised with each change, so that Cockpit's "Migrera instanser"
 * can say which running instances are on an older version. Lint only.
 */
module.exports = function() {
  function check(node, reporter) {
    if (is(node, 'bpmn:Process') && node.isExecutable && blank(node.versionTag)) {
      reporter.report(node.id, 'Process has no version tag (General → Version tag, e.g. 1.0; raise it with every change)');
    }
  }
  return { check };
};
