/**
 * Test fixture: a validated workbook where, between runs, someone annotated an owned cascade sheet
 * (a note, a threaded comment, a picture, a chart) and their own sheet (a note, the same picture).
 * Built by writing parts into the package, as Excel would have stored them.
 */
import { matrixWorkbook } from './fixtureWorkbook';
import { opened, roundTrip } from './helpers';
import { buildClearPlan, buildPlan } from '../../../src/core/plan';
import { fakeReport, SAMPLE } from '../../core/plan/fakeReport';
import { openPackage, readWorkbookSnapshot } from '../../../src/xlsx/load';
import { nodeCodec } from '../../../src/xlsx/package/nodeCodec';
import { relsPartOf, type Package } from '../../../src/xlsx/package/package';
import { readWorkbook } from '../../../src/xlsx/package/workbook';
import { applyPlanToPackage, type NotCarriedOver } from '../../../src/xlsx/write/applyPlan';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const CASCADE = 'Cascade Sales';

export interface Run {
  pkg: Package;
  bytes: Uint8Array;
  lost: NotCarriedOver[];
}

export async function reopened(pkg: Package, lost: NotCarriedOver[]): Promise<Run> {
  const bytes = await pkg.toBytes();
  return { pkg: await openPackage(bytes, nodeCodec), bytes, lost };
}

export async function validated(pkg: Package): Promise<Run> {
  const snap = await readWorkbookSnapshot(pkg, 'plan.xlsx');
  return reopened(pkg, await applyPlanToPackage(pkg, buildPlan(fakeReport(snap, SAMPLE), snap)));
}

export async function cleared(pkg: Package): Promise<Run> {
  const snap = await readWorkbookSnapshot(pkg, 'plan.xlsx');
  return reopened(pkg, await applyPlanToPackage(pkg, buildClearPlan(snap, { all: true })));
}

const rels = (items: [string, string, string][]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items
    .map(([id, type, target]) => `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`)
    .join('')}</Relationships>`;

/** Adds relationships to a part's `_rels` (making it when the part has none). */
async function addRels(pkg: Package, part: string, items: [string, string, string][]): Promise<void> {
  const relsPart = relsPartOf(part);
  const xml = await pkg.text(relsPart);
  const more = rels(items).replace(/^[\s\S]*<Relationships[^>]*>|<\/Relationships>$/g, '');
  pkg.setText(relsPart, xml ? xml.replace('</Relationships>', `${more}</Relationships>`) : rels(items));
}

/** A sheet's elements that point at its drawings, where the schema puts them (before tableParts). */
async function pointAt(pkg: Package, part: string, tags: string): Promise<void> {
  const xml = (await pkg.text(part))!;
  const at = ['<tableParts', '<extLst', '</worksheet>'].map((t) => xml.indexOf(t)).find((i) => i >= 0)!;
  pkg.setText(part, `${xml.slice(0, at)}${tags}${xml.slice(at)}`);
}

function note(ref: string, text: string): string {
  return `<comment ref="${ref}" authorId="0"><text><r><t>${text}</t></r></text></comment>`;
}

function comments(...notes: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${MAIN}"><authors><author>Dana</author></authors><commentList>${notes.join('')}</commentList></comments>`;
}

function vml(row: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"/>' +
    `<v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>${row}</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`
  );
}

function anchor(row: number, graphic: string): string {
  return `<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>7</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + 8}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${graphic}<xdr:clientData/></xdr:twoCellAnchor>`;
}

const PICTURE = (relId: string) =>
  `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr/></xdr:pic>`;
const CHART = (relId: string) =>
  `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="3" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/><a:graphic><a:graphicData uri="${C}"><c:chart r:id="${relId}"/></a:graphicData></a:graphic></xdr:graphicFrame>`;

function drawing(...anchors: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:c="${C}" xmlns:r="${R}">${anchors.join('')}</xdr:wsDr>`;
}

/** The parts each sheet was given, to look for afterwards. */
export const OWNED_PARTS = [
  'xl/comments1.xml',
  'xl/drawings/vmlDrawing1.vml',
  'xl/threadedComments/threadedComment1.xml',
  'xl/drawings/drawing1.xml',
  'xl/drawings/_rels/drawing1.xml.rels',
  'xl/charts/chart1.xml',
  'xl/charts/_rels/chart1.xml.rels',
  'xl/charts/colors1.xml',
];
export const USER_PARTS = [
  'xl/comments2.xml',
  'xl/drawings/vmlDrawing2.vml',
  'xl/drawings/drawing2.xml',
  'xl/drawings/_rels/drawing2.xml.rels',
];
export const SHARED = ['xl/media/image1.png', 'xl/persons/person.xml'];

/**
 * A validated workbook where, between runs, someone put on the cascade sheet a note, a threaded
 * comment (with the legacy note Excel writes beside it), a picture and a chart; and on their own
 * sheet a note and the same picture (one image part, two drawings).
 */
export async function annotated(): Promise<Package> {
  const first = await validated((await opened(await roundTrip(matrixWorkbook()))).pkg);
  const pkg = first.pkg;
  const info = (await readWorkbook(pkg))!;
  const cascade = info.sheets.find((s) => s.name === CASCADE)!.part!;
  const notes = info.sheets.find((s) => s.name === 'Notes')!.part!;
  for (const p of [...OWNED_PARTS, ...USER_PARTS, ...SHARED]) if (pkg.has(p)) throw new Error(`${p} is already there`);

  pkg.setText('xl/comments1.xml', comments(note('B7', 'Check with Dana'), note('B8', '[Threaded comment] see thread')));
  pkg.setText('xl/drawings/vmlDrawing1.vml', vml(6));
  pkg.setText(
    'xl/threadedComments/threadedComment1.xml',
    '<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments">' +
      '<threadedComment ref="B8" dT="2027-01-05T10:00:00.00" personId="{P1}" id="{T1}"><text>Is 150 leads right?</text></threadedComment>' +
      '<threadedComment ref="B8" dT="2027-01-05T11:00:00.00" personId="{P1}" id="{T2}" parentId="{T1}"><text>Yes</text></threadedComment>' +
      '</ThreadedComments>',
  );
  pkg.setText('xl/drawings/drawing1.xml', drawing(anchor(2, PICTURE('rId1')), anchor(12, CHART('rId2'))));
  pkg.setText(
    'xl/drawings/_rels/drawing1.xml.rels',
    rels([
      ['rId1', `${R}/image`, '../media/image1.png'],
      ['rId2', `${R}/chart`, '../charts/chart1.xml'],
    ]),
  );
  pkg.setText('xl/charts/chart1.xml', `<c:chartSpace xmlns:c="${C}"><c:chart/></c:chartSpace>`);
  pkg.setText(
    'xl/charts/_rels/chart1.xml.rels',
    rels([['rId1', 'http://schemas.microsoft.com/office/2011/relationships/chartColorStyle', 'colors1.xml']]),
  );
  pkg.setText(
    'xl/charts/colors1.xml',
    '<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle"/>',
  );
  pkg.setText('xl/media/image1.png', 'PNG stand-in');
  pkg.setText(
    'xl/persons/person.xml',
    '<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="Dana" id="{P1}"/></personList>',
  );
  await addRels(pkg, cascade, [
    ['rId90', `${R}/comments`, '../comments1.xml'],
    ['rId91', `${R}/vmlDrawing`, '../drawings/vmlDrawing1.vml'],
    ['rId92', `${R}/drawing`, '../drawings/drawing1.xml'],
    [
      'rId93',
      'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
      '../threadedComments/threadedComment1.xml',
    ],
  ]);
  await pointAt(pkg, cascade, '<drawing r:id="rId92"/><legacyDrawing r:id="rId91"/>');

  pkg.setText('xl/comments2.xml', comments(note('A1', 'My own note')));
  pkg.setText('xl/drawings/vmlDrawing2.vml', vml(0));
  pkg.setText('xl/drawings/drawing2.xml', drawing(anchor(4, PICTURE('rId1'))));
  pkg.setText('xl/drawings/_rels/drawing2.xml.rels', rels([['rId1', `${R}/image`, '../media/image1.png']]));
  await addRels(pkg, notes, [
    ['rId80', `${R}/comments`, '../comments2.xml'],
    ['rId81', `${R}/vmlDrawing`, '../drawings/vmlDrawing2.vml'],
    ['rId82', `${R}/drawing`, '../drawings/drawing2.xml'],
  ]);
  await pointAt(pkg, notes, '<drawing r:id="rId82"/><legacyDrawing r:id="rId81"/>');
  await addRels(pkg, info.part, [
    ['rId70', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml'],
  ]);

  const types = (await pkg.text('[Content_Types].xml'))!;
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  pkg.setText(
    '[Content_Types].xml',
    types.replace(
      '</Types>',
      '<Default Extension="png" ContentType="image/png"/>' +
        '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
        override('xl/comments1.xml', `${CT}.spreadsheetml.comments+xml`) +
        override('xl/comments2.xml', `${CT}.spreadsheetml.comments+xml`) +
        override('xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml') +
        override('xl/drawings/drawing1.xml', `${CT}.drawing+xml`) +
        override('xl/drawings/drawing2.xml', `${CT}.drawing+xml`) +
        override('xl/charts/chart1.xml', `${CT}.drawingml.chart+xml`) +
        override('xl/charts/colors1.xml', 'application/vnd.ms-office.chartcolorstyle+xml') +
        override('xl/persons/person.xml', 'application/vnd.ms-excel.person+xml') +
        '</Types>',
    ),
  );
  return (await reopened(pkg, [])).pkg;
}
