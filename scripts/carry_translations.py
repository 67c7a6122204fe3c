#!/usr/bin/env python3
# Carries translations of an older .ts into a freshly lupdated one, by
# (context, source) first, then by source alone, then from an optional JSON
# map {source: translation} of new ones; prints what is left untranslated.
#
#   cp resources/translations/aelab_zh_CN.ts /tmp/old.ts
#   cmake --build build --target update_translations
#   scripts/carry_translations.py /tmp/old.ts resources/translations/aelab_zh_CN.ts [new.json]
#   cmake --build build --target update_translations     # normalises the file
#
# A merge conflict in the .ts: take one side (git checkout --ours), run
# update_translations, then carry the other side's file (git show
# OTHER:resources/translations/aelab_zh_CN.ts > /tmp/theirs.ts) into it.
import sys, xml.etree.ElementTree as ET
old_path, new_path = sys.argv[1], sys.argv[2]
extra = {}
if len(sys.argv) > 3:
    import json; extra = json.load(open(sys.argv[3]))
def finished(t):
    if t is None or t.get('type') in ('unfinished', 'vanished', 'obsolete'):
        return False
    forms = t.findall('numerusform')
    return all((f.text or '').strip() for f in forms) if forms else bool((t.text or '').strip())
old = ET.parse(old_path).getroot()
by_ctx, by_src = {}, {}
for ctx in old.findall('context'):
    name = ctx.findtext('name')
    for m in ctx.findall('message'):
        t = m.find('translation')
        if finished(t):
            by_ctx[(name, m.findtext('source'))] = t.text
            by_src.setdefault(m.findtext('source'), t.text)
tree = ET.parse(new_path); root = tree.getroot()
left = []
for ctx in root.findall('context'):
    name = ctx.findtext('name')
    for m in ctx.findall('message'):
        t = m.find('translation')
        if finished(t): continue
        src = m.findtext('source')
        text = by_ctx.get((name, src)) or by_src.get(src) or extra.get(src)
        if text:
            if m.get('numerus') == 'yes':
                # Chinese has one plural form: one <numerusform>.
                for f in t.findall('numerusform'):
                    t.remove(f)
                t.text = None
                ET.SubElement(t, 'numerusform').text = text
            else:
                t.text = text
            t.attrib.pop('type', None)
        else:
            left.append((name, src))
tree.write(new_path, encoding='utf-8', xml_declaration=True)
for n, s in left: print(f'LEFT [{n}] {s}')
