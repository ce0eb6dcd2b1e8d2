#!/usr/bin/env python3
"""Regenerate Sources/KioskCore/Generated/Pictogram.swift from Debian's Material Icons names.

With --check, change nothing and fail (exit 1) if the committed file is not what the
installed font package gives: `make test` runs it, so the table cannot fall behind the font.
"""
import re, sys, pathlib
SCSS = "/usr/share/fonts-material-design-icons-iconfont/scss/_variables.scss"
TARGET = "Sources/KioskCore/Generated/Pictogram.swift"
try:
    src = pathlib.Path(SCSS).read_text()
except OSError as error:
    sys.exit(f"generate-pictograms: {SCSS}: {error.strerror}; scripts/setup-debian.sh installs fonts-material-design-icons-iconfont")
pairs = sorted(set(re.findall(r'"([a-z0-9_]+)":\s*([0-9a-f]+)', src)))
if not pairs:
    sys.exit(f"generate-pictograms: {SCSS}: no \"name\": codepoint pairs found; has the package's format changed?")
out = ['// Generated from Debian fonts-material-design-icons-iconfont (Apache-2.0),',
       f'// {SCSS}: the name of every',
       '// glyph of MaterialIcons-Regular.ttf and its code point. Content packs name their pictograms',
       '// with these names, so `passerellectl content check` can tell a misspelt one.',
       '// Regenerate with scripts/generate-pictograms.py; `make test` checks it is current.',
       '',
       '/// Pictograms of the Material Icons font, by name.',
       'public enum Pictogram {',
       '    /// The code point of the glyph called `name` (e.g. "mail"), or nil if the font has none.',
       '    public static func codepoint(named name: String) -> UInt32? { table[name] }',
       '',
       '    /// Every known name.',
       '    public static var names: Dictionary<String, UInt32>.Keys { table.keys }',
       '',
       '    static let table: [String: UInt32] = [']
out += [f'        "{n}": 0x{c.upper()},' for n, c in pairs]
out += ['    ]', '}', '']
text = "\n".join(out)
target = pathlib.Path(__file__).resolve().parent.parent / TARGET
if "--check" in sys.argv[1:]:
    if not target.exists() or target.read_text() != text:
        sys.exit(f"generate-pictograms: {TARGET} is not what {SCSS} gives: run scripts/generate-pictograms.py and commit it")
    print(f"generate-pictograms: {TARGET} is current ({len(pairs)} pictograms)")
else:
    target.write_text(text)
    print(f"{len(pairs)} pictograms", file=sys.stderr)
