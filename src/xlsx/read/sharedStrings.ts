/** The shared string table (`xl/sharedStrings.xml`): one string per `<si>`, in order. */
import { decodeOoxml } from '../package/xml';
import { isNamed, readStringItem, readTag, skipElement, Tag } from './scan';

/** Rich text runs are concatenated and phonetic guides dropped; `_xHHHH_` escapes decoded. */
export function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const tag = new Tag();
  let p = 0;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) return out;
    readTag(xml, lt, tag);
    p = tag.end;
    if (tag.special || tag.closing) continue;
    if (isNamed(xml, tag, 'si')) {
      out.push(decodeOoxml(readStringItem(xml, tag)));
      p = tag.end;
    } else if (!isNamed(xml, tag, 'sst')) {
      p = skipElement(xml, tag); // extLst and anything else beside the items
    }
  }
}
