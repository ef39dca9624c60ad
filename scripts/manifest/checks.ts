/**
 * What the Office manifest XSD cannot see: resource ids that resolve, string lengths, icon files
 * at the sizes named, ribbon functions that are really associated, https everywhere. Also the
 * top-level element order and required elements, so a broken manifest is caught even where the
 * XSDs are not at hand.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { XmlElement, parseXml, walk, child, pathOf } from './xml';

export interface Problem {
  line: number;
  element: string;
  message: string;
}

export interface CheckOptions {
  /** Project folder: icons are looked up under it by the path part of their URLs. */
  projectDir: string;
  /** Source text of the ribbon command files, where `Office.actions.associate` calls live. */
  commandSources: string[];
}

// The sequence the schema requires for a TaskPaneApp (OfficeAppManifestV1_1.xsd).
const TOP_LEVEL_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'DefaultSettings',
  'Permissions',
  'Dependencies',
  'VersionOverrides',
  'ExtendedOverrides',
];
const TOP_LEVEL_REQUIRED = [
  'Id',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'DefaultSettings',
  'Permissions',
];

const MAX_RESID = 32;
const MAX_SHORT = 125;
const MAX_LONG = 250;

/** Which resource collection each resid-bearing element must point into. */
function expectedKind(el: XmlElement): 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings' | undefined {
  switch (el.name) {
    case 'Image':
      return 'Images';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'LearnMoreUrl':
      return 'Urls';
    case 'Label':
    case 'Title':
      return 'ShortStrings';
    case 'Description':
      return 'LongStrings';
    default:
      return undefined;
  }
}

export function associatedFunctions(sources: string[]): Set<string> {
  const names = new Set<string>();
  const re = /Office\.actions\.associate\(\s*(['"`])([^'"`]+)\1/g;
  for (const src of sources) for (const m of src.matchAll(re)) names.add(m[2]);
  return names;
}

function pngSize(file: string): { width: number; height: number } | undefined {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

export function checkManifest(xml: string, options: CheckOptions): Problem[] {
  const problems: Problem[] = [];
  const add = (el: XmlElement, message: string) => problems.push({ line: el.line, element: pathOf(el), message });

  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return [{ line: 0, element: '(document)', message: `not well-formed XML: ${(e as Error).message}` }];
  }
  if (root.name !== 'OfficeApp') {
    add(root, `the root element must be OfficeApp, found ${root.qname}`);
    return problems;
  }

  // Top-level order and presence.
  let last = -1;
  for (const c of root.children) {
    const at = TOP_LEVEL_ORDER.indexOf(c.name);
    if (at < 0) add(c, `${c.qname} is not an element OfficeApp allows`);
    else if (at < last) add(c, `${c.qname} is out of order: it must come before ${TOP_LEVEL_ORDER[last]}`);
    else last = at;
  }
  for (const name of TOP_LEVEL_REQUIRED)
    if (!child(root, name)) add(root, `OfficeApp is missing its required ${name} element`);
  const defaults = child(root, 'DefaultSettings');
  if (defaults && !child(defaults, 'SourceLocation'))
    add(defaults, 'DefaultSettings has no SourceLocation: Office would not know which page to open');

  // Resources by kind.
  const resources = new Map<string, { kind: string; el: XmlElement }>();
  const resourcesEl = [...walk(root)].find((e) => e.name === 'Resources');
  if (resourcesEl) {
    for (const group of resourcesEl.children) {
      for (const r of group.children) {
        const id = r.attrs.id;
        if (!id) {
          add(r, `${r.qname} has no id`);
          continue;
        }
        if (resources.has(id)) add(r, `resource id "${id}" is defined twice`);
        if (id.length > MAX_RESID)
          add(r, `resource id "${id}" is ${id.length} characters; at most ${MAX_RESID} are allowed`);
        resources.set(id, { kind: group.name, el: r });
        const limit = group.name === 'ShortStrings' ? MAX_SHORT : group.name === 'LongStrings' ? MAX_LONG : undefined;
        if (limit !== undefined) {
          const values = [
            r.attrs.DefaultValue ?? '',
            ...r.children.filter((o) => o.name === 'Override').map((o) => o.attrs.Value ?? ''),
          ];
          for (const v of values) {
            if (v.length > limit)
              add(r, `string "${id}" is ${v.length} characters; ${group.name} allow at most ${limit}`);
          }
        }
      }
    }
  }

  const controlIds = new Map<string, XmlElement>();
  const seenIcons = new Set<string>();
  const associated = associatedFunctions(options.commandSources);
  for (const el of walk(root)) {
    // resid resolution and kind
    const resid = el.attrs.resid;
    if (resid !== undefined) {
      if (resid.length > MAX_RESID) add(el, `resid "${resid}" is longer than ${MAX_RESID} characters`);
      const target = resources.get(resid);
      const kind = expectedKind(el);
      if (!target) add(el, `resid "${resid}" does not match any resource id in Resources`);
      else if (kind && target.kind !== kind)
        add(el, `resid "${resid}" points to ${target.kind}, but ${el.qname} needs one of ${kind}`);
      else if (el.name === 'Image' && target && el.attrs.size) checkIcon(el, target.el, Number(el.attrs.size));
    }
    // control ids unique
    if (['Control', 'Group', 'Item', 'Menu'].includes(el.name) && el.attrs.id) {
      if (controlIds.has(el.attrs.id)) add(el, `control id "${el.attrs.id}" is used twice`);
      controlIds.set(el.attrs.id, el);
    }
    // actions complete
    if (el.name === 'Action') {
      const type = el.attrs['xsi:type'];
      if (type === 'ShowTaskpane' && !child(el, 'SourceLocation'))
        add(el, 'a ShowTaskpane action has no SourceLocation: the button would open nothing');
      if (type === 'ExecuteFunction') {
        const fn = child(el, 'FunctionName');
        const name = fn?.text.trim();
        if (!name) add(el, 'an ExecuteFunction action has no FunctionName');
        else if (!associated.has(name))
          add(
            fn!,
            `FunctionName "${name}" has no handler: no Office.actions.associate("${name}", ...) in src/commands`,
          );
      }
    }
    // https everywhere
    for (const [k, v] of Object.entries(el.attrs)) {
      if (k !== 'xmlns' && !k.startsWith('xmlns:') && /^http:\/\//i.test(v)) add(el, `${k} uses http, not https: ${v}`);
    }
    if (/^\s*http:\/\//i.test(el.text) && el.children.length === 0) add(el, `uses http, not https: ${el.text.trim()}`);
  }

  // Icons named at top level.
  const iconUrl = child(root, 'IconUrl');
  if (iconUrl?.attrs.DefaultValue) checkIconFile(iconUrl, iconUrl.attrs.DefaultValue, 32);
  const hiRes = child(root, 'HighResolutionIconUrl');
  if (hiRes?.attrs.DefaultValue) checkIconFile(hiRes, hiRes.attrs.DefaultValue, 64);

  return problems;

  function checkIcon(use: XmlElement, resource: XmlElement, size: number) {
    const url = resource.attrs.DefaultValue;
    if (url) checkIconFile(use, url, size);
  }

  function checkIconFile(el: XmlElement, url: string, size: number) {
    // One report per icon and size, however many buttons use it.
    const key = `${url}@${size}`;
    if (seenIcons.has(key)) return;
    seenIcons.add(key);
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      add(el, `"${url}" is not a valid URL`);
      return;
    }
    const file = join(options.projectDir, decodeURIComponent(path));
    if (!existsSync(file)) {
      add(el, `icon ${path} (size ${size}) does not exist in the project`);
      return;
    }
    const dims = pngSize(file);
    if (!dims) add(el, `icon ${path} is not a PNG`);
    else if (dims.width !== size || dims.height !== size)
      add(el, `icon ${path} is ${dims.width}×${dims.height}, but the manifest names it as ${size}×${size}`);
  }
}
