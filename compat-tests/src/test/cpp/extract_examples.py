#!/usr/bin/env python3
"""Recovers the Proton C++ example sources from Debian's libqpid-proton-cpp12-dev-doc.

The package ships each example only as a Doxygen page (NAME_8cpp-example.html); this writes the
code back out as NAME.cpp. Usage: extract_examples.py DOC_DIR OUT_DIR
"""
import html
import os
import re
import sys


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    count = 0
    for f in sorted(os.listdir(src)):
        m = re.match(r'(.*)_8cpp-example\.html$', f)
        if not m:
            continue
        name = m.group(1).replace('__', '_')
        with open(os.path.join(src, f), encoding='utf-8') as fh:
            page = fh.read()
        frag = re.search(r'<div class="fragment">(.*?)</div><!-- fragment -->', page, re.S)
        if not frag:
            continue
        lines = re.findall(r'<div class="line">(.*?)</div>', frag.group(1), re.S)
        code = '\n'.join(html.unescape(re.sub(r'<[^>]+>', '', line)) for line in lines) + '\n'
        with open(os.path.join(dst, name + '.cpp'), 'w', encoding='utf-8') as out:
            out.write(code)
        count += 1
    if count == 0:
        sys.exit('no example pages found in ' + src)
    print('extracted %d examples into %s' % (count, dst))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
