// What the modules packages bring (result views and pages) receive from the console: the calls any
// client makes to this endpoint's Step Functions and S3 APIs, the DOM helper and Chart.js. They are
// handed over rather than imported so a package never depends on the console's file layout.
import { getObject, listObjects, objectUrl, putObject, sfn } from './aws.js';
import { h } from './dom.js';

export function packageApi() {
  return { Chart: window.Chart, sfn, getObject, putObject, listObjects, objectUrl, h };
}
