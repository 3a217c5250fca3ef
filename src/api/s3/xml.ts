import { XMLParser } from 'fast-xml-parser';
import { S3Error } from '../../objects';

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** A value rendered as an element: arrays repeat the element, objects nest, undefined is left out. */
export type XmlValue = string | number | boolean | Date | undefined | XmlNode | XmlValue[];
export interface XmlNode {
  [element: string]: XmlValue;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`).replace(/[\r]/g, '&#13;');
}

function renderValue(value: Exclude<XmlValue, XmlValue[] | undefined>): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return renderChildren(value);
  return escapeXml(String(value));
}

function renderElement(name: string, value: XmlValue): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((item) => renderElement(name, item)).join('');
  return `<${name}>${renderValue(value)}</${name}>`;
}

function renderChildren(node: XmlNode): string {
  return Object.entries(node)
    .map(([name, value]) => renderElement(name, value))
    .join('');
}

/** A whole S3 response document with the S3 namespace on its root. */
export function renderDocument(root: string, node: XmlNode, namespace = true): string {
  const attributes = namespace ? ` xmlns="${S3_NAMESPACE}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root}${attributes}>${renderChildren(node)}</${root}>`;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  // Keys may start or end with spaces, so values are kept verbatim.
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['Object', 'Part'].includes(name),
});

/** Parses a request body; anything that is not one `<root>` document is MalformedXML. */
export function parseRequestXml(body: string, root: string): Record<string, unknown> {
  let parsed: Record<string, unknown>;
  try {
    parsed = parser.parse(body, true) as Record<string, unknown>;
  } catch {
    throw malformedXml();
  }
  const content = parsed[root];
  if (content === undefined) throw malformedXml();
  return typeof content === 'string' ? {} : (content as Record<string, unknown>);
}

export function malformedXml(): S3Error {
  return new S3Error(
    'MalformedXML',
    'The XML you provided was not well-formed or did not validate against our published schema',
  );
}
