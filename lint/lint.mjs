// Lints Stegvis' BPMN models with bpmnlint (.bpmnlintrc: the recommended rules and Stegvis' own, lint/bpmnlint-plugin-stegvis)
// and validates the element templates in .camunda/element-templates/ against Camunda's schema.
// Usage: node lint/lint.mjs [--json] [files or folders ...]   (default: processes/ and .camunda/element-templates/)
// Prints one line per problem: file, element id, severity, rule, message. Exits 1 when there is an error.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'package.json'));
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = require('bpmn-moddle');
const camunda = require('camunda-bpmn-moddle/resources/camunda.json');
const { validateAll } = require('@bpmn-io/element-templates-validator');

const root = resolve(here, '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const targets = args.filter(a => a !== '--json');
const paths = targets.length ? targets.map(t => resolve(process.cwd(), t))
  : [ join(root, 'processes'), join(root, '.camunda', 'element-templates') ];

function files(path, ending) {
  if (!existsSync(path)) {
    return [];
  }
  if (statSync(path).isFile()) {
    return path.endsWith(ending) ? [ path ] : [];
  }
  return readdirSync(path).sort().flatMap(name => files(join(path, name), ending));
}

const config = JSON.parse(readFileSync(join(root, '.bpmnlintrc'), 'utf8'));
const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
const moddle = new BpmnModdle({ camunda });
const problems = [];

for (const file of paths.flatMap(p => files(p, '.bpmn'))) {
  const name = relative(root, file);
  let definitions;
  try {
    ({ rootElement: definitions } = await moddle.fromXML(readFileSync(file, 'utf8')));
  } catch (e) {
    problems.push({ file: name, id: '', severity: 'error', rule: 'parse', message: 'does not parse: ' + e.message });
    continue;
  }
  const results = await linter.lint(definitions);
  for (const [ rule, reports ] of Object.entries(results)) {
    for (const report of reports) {
      problems.push({ file: name, id: report.id || '', severity: report.category === 'warn' ? 'warning' : report.category,
        rule, message: report.message });
    }
  }
}

const templateFiles = paths.flatMap(p => files(p, '.json'));
if (templateFiles.length) {
  const templates = templateFiles.map(f => JSON.parse(readFileSync(f, 'utf8')));
  const { errors } = validateAll(templates);
  for (const error of errors || []) {
    const index = error.dataPointer ? Number(error.dataPointer.split('/')[1]) : NaN;
    const file = Number.isInteger(index) ? relative(root, templateFiles[index]) : '.camunda/element-templates';
    problems.push({ file, id: '', severity: 'error', rule: 'element-template', message: error.message + ' ' + (error.dataPointer || '') });
  }
}

if (json) {
  console.log(JSON.stringify(problems, null, 2));
} else {
  for (const p of problems) {
    console.log(`${p.file}  ${p.id || '-'}  ${p.severity}  ${p.rule}  ${p.message}`);
  }
  const errors = problems.filter(p => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const bpmnCount = paths.flatMap(p => files(p, '.bpmn')).length;
  console.log(`bpmnlint: ${bpmnCount} models, ${templateFiles.length} element templates: ${errors} errors, ${warnings} warnings`);
}
process.exit(problems.some(p => p.severity === 'error') ? 1 : 0);
