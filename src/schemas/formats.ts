/**
 * The string formats our payload schemas use. ajv knows none by default and throws on an unknown
 * one; `ajv-formats` is not a declared dependency, so the few we need are defined here.
 */
import type Ajv from 'ajv';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;

export function addCommonFormats(ajv: Ajv): Ajv {
  ajv.addFormat('date', DATE);
  ajv.addFormat('date-time', (value: string) => {
    const [date, time] = value.split(/t|\s/i);
    return date !== undefined && time !== undefined && DATE.test(date) && TIME.test(time);
  });
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z\d+.-]*:[^\s]*$/i.test(value));
  return ajv;
}
