import { describeUserContent } from '../../../src/xlsx/write/userContent';
import { packageOf } from '../package/packageOf';

const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET = 'xl/worksheets/sheet1.xml';

/** The items on a sheet with these relationships ([type, target part]) and these parts. */
async function items(rels: [string, string][], parts: Record<string, string> = {}): Promise<string[]> {
  const pkg = await packageOf({
    [SHEET]: '<worksheet/>',
    'xl/worksheets/_rels/sheet1.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
      .map(([type, target], i) => {
        const external = /^https?:/.test(target) ? ' TargetMode="External"' : '';
        return `<Relationship Id="rId${i + 1}" Type="${type.startsWith('http') ? type : `${R}/${type}`}" Target="${target}"${external}/>`;
      })
      .join('')}</Relationships>`,
    ...parts,
  });
  return describeUserContent(pkg, await pkg.relationships(SHEET));
}

const anchor = (inside: string) =>
  `<xdr:twoCellAnchor><xdr:from/><xdr:to/>${inside}<xdr:clientData/></xdr:twoCellAnchor>`;

describe('describeUserContent', () => {
  test('nothing but Interlock tables: nothing to say', async () => {
    expect(await items([['table', '../tables/table1.xml']], { 'xl/tables/table1.xml': '<table/>' })).toEqual([]);
    expect(await items([])).toEqual([]);
  });

  test('a thread is one comment (replies and the legacy note Excel writes beside it are not counted again)', async () => {
    const got = await items(
      [
        ['comments', '../comments1.xml'],
        ['http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/t1.xml'],
        ['vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ],
      {
        'xl/comments1.xml':
          '<comments><commentList><comment ref="A1"/><comment ref="b2"/><comment ref="C3"><text/></comment></commentList></comments>',
        'xl/threadedComments/t1.xml':
          '<ThreadedComments><threadedComment ref="B2" id="{1}"/><threadedComment ref="B2" id="{2}" parentId="{1}"/><threadedComment ref="D4" id="{3}"/></ThreadedComments>',
        'xl/drawings/vmlDrawing1.vml':
          '<xml><v:shape id="a"><x:ClientData ObjectType="Note"/></v:shape><v:shape id="b"><x:ClientData ObjectType="Note"/></v:shape></xml>',
      },
    );
    expect(got).toEqual(['2 notes', '2 comments']);
  });

  test('a drawing: pictures, charts and other shapes; form controls once, from their own parts', async () => {
    const drawing =
      '<xdr:wsDr>' +
      anchor('<xdr:pic><xdr:nvPicPr/></xdr:pic>') +
      anchor('<xdr:grpSp><xdr:pic/><xdr:pic/></xdr:grpSp>') +
      anchor(
        '<xdr:graphicFrame><a:graphic><a:graphicData><c:chart r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>',
      ) +
      anchor('<xdr:sp><xdr:txBody/></xdr:sp>') +
      anchor(
        '<mc:AlternateContent><mc:Choice><xdr:sp><a14:compatExt spid="_x0000_s1025"/></xdr:sp></mc:Choice></mc:AlternateContent>',
      ) +
      '<xdr:oneCellAnchor><xdr:pic/></xdr:oneCellAnchor></xdr:wsDr>';
    const got = await items(
      [
        ['drawing', '../drawings/drawing1.xml'],
        ['vmlDrawing', '../drawings/vmlDrawing1.vml'],
        ['ctrlProp', '../ctrlProps/ctrlProp1.xml'],
        ['printerSettings', '../printerSettings/printerSettings1.bin'],
      ],
      {
        'xl/drawings/drawing1.xml': drawing,
        'xl/drawings/vmlDrawing1.vml': '<xml><v:shape><x:ClientData ObjectType="Button"/></v:shape></xml>',
      },
    );
    expect(got).toEqual(['4 pictures', '1 chart', '1 shape', '1 form control', 'printer settings']);
  });

  test('other kinds are named, known ones in words, unknown ones from their relationship type', async () => {
    const got = await items(
      [
        ['hyperlink', 'https://example.com/plan'],
        ['hyperlink', 'https://example.com/other'],
        ['pivotTable', '../pivotTables/pivotTable1.xml'],
        ['image', '../media/image1.png'],
        ['vmlDrawing', '../drawings/vmlDrawingHF1.vml'],
        ['http://example.com/relationships/someNewThing', '../new/thing.xml'],
      ],
      { 'xl/drawings/vmlDrawingHF1.vml': '<xml><v:shape id="LH"><v:imagedata o:relid="rId1"/></v:shape></xml>' },
    );
    expect(got).toEqual([
      '1 header or footer picture',
      '2 links',
      '1 pivot table',
      '1 background picture',
      '1 some new thing part',
    ]);
  });
});
