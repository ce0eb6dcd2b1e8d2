#!/usr/bin/env python3
"""Regenerate Sources/KioskCore/Pictogram.swift from Debian's Material Icons names."""
import re, sys, pathlib
SCSS = "/usr/share/fonts-material-design-icons-iconfont/scss/_variables.scss"
src = pathlib.Path(SCSS).read_text()
pairs = sorted(set(re.findall(r'"([a-z0-9_]+)":\s*([0-9a-f]+)', src)))
out = ['// Generated from Debian fonts-material-design-icons-iconfont (Apache-2.0),',
       f'// {SCSS}: the name of every',
       '// glyph of MaterialIcons-Regular.ttf and its code point. Content packs name their pictograms',
       '// with these names, so `passerellectl content check` can tell a misspelt one.',
       '// Regenerate with scripts/generate-pictograms.py.',
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
root = pathlib.Path(__file__).resolve().parent.parent
(root / "Sources/KioskCore/Pictogram.swift").write_text("\n".join(out))
print(f"{len(pairs)} pictograms", file=sys.stderr)
