// Fails when a flow node or sequence flow of sale, delivery or support is passed by no process test.
// Reads the reports camunda-process-test-coverage writes under target/process-test-coverage/.
const fs = require('fs');
const path = require('path');

const reportRoot = process.argv[2] || 'target/process-test-coverage';
const covered = {};
for (const dir of fs.readdirSync(reportRoot)) {
  const file = path.join(reportRoot, dir, 'report.json');
  if (!fs.existsSync(file)) continue;
  for (const suite of JSON.parse(fs.readFileSync(file, 'utf8')).suites) {
    for (const run of suite.runs) {
      for (const event of run.events) {
        (covered[event.modelKey] ||= new Set()).add(event.definitionKey);
      }
    }
  }
}

const elementPattern = /<bpmn:(startEvent|endEvent|userTask|serviceTask|receiveTask|businessRuleTask|exclusiveGateway|parallelGateway|boundaryEvent|intermediateCatchEvent|intermediateThrowEvent|sendTask|sequenceFlow)\b[^>]*\bid="([^"]+)"/g;
let missing = 0;
for (const key of ['sale', 'delivery', 'support']) {
  const xml = fs.readFileSync(`processes/${key}.bpmn`, 'utf8').split('<bpmndi:')[0];
  const ids = [...xml.matchAll(elementPattern)].map(m => m[2]);
  const notCovered = ids.filter(id => !(covered[key] || new Set()).has(id));
  console.log(`${key}: ${ids.length - notCovered.length}/${ids.length} flow nodes and sequence flows covered`);
  for (const id of notCovered) console.log(`  not covered: ${id}`);
  missing += notCovered.length;
}
process.exit(missing === 0 ? 0 : 1);
