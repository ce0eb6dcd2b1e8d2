#!/usr/bin/env python3
"""Fail when a source file, a function or a line has grown past what a reader can hold.

Files under Sources/ stay at or under 350 lines (generated files, under a `Generated/`
folder, excepted); a function, initialiser or closure-valued property body at or under 80
lines. Every line of Swift under Sources/ and Tests/ (Generated/ excepted) is at most 120
characters: swift-format keeps code within its 120 columns but never breaks a string
literal, so a long message, SQL statement or test datum has to be wrapped by hand (split
with `+`, or `\` at the end of a line inside a multi-line literal). `make test` runs it.
Function lengths are counted by braces on lines, which is enough for our code: string
literals holding braces are rare and only ever make a body look shorter.
"""
import os, re, sys

MAX_FILE, MAX_FUNCTION, MAX_LINE = 350, 80, 120
DECLARATION = re.compile(r'\b(func\s+\w+|init\??)\s*[(<]')


def function_lengths(lines):
    for start, line in enumerate(lines):
        if not DECLARATION.search(line) or line.strip().startswith("//"):
            continue
        depth, opened = 0, False
        for end in range(start, len(lines)):
            depth += lines[end].count("{") - lines[end].count("}")
            opened = opened or "{" in lines[end]
            if opened and depth <= 0:
                yield start + 1, end - start + 1, line.strip()
                break
            if not opened and end > start + 12:
                break  # a protocol requirement or a declaration without a body


def swift_files(top):
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".swift"):
                yield os.path.join(root, name)


problems = []
for top in ("Sources", "Tests"):
    if not os.path.isdir(top):
        sys.exit(f"check-source-shape: no {top}/ folder here; run it from the package's root")
    for path in swift_files(top):
        lines = open(path, encoding="utf-8").read().splitlines()
        generated = f"{os.sep}Generated{os.sep}" in path
        if generated:
            continue
        for number, text in enumerate(lines, start=1):
            if len(text) > MAX_LINE:
                problems.append(
                    f"{path}:{number}: a line of {len(text)} characters (at most {MAX_LINE}); wrap it, "
                    "splitting a long string literal with + (or \\ at the end of a line in a \"\"\" literal)")
        if top != "Sources":
            continue
        if len(lines) > MAX_FILE:
            problems.append(f"{path}: {len(lines)} lines; split it (at most {MAX_FILE})")
        for line, length, text in function_lengths(lines):
            if length > MAX_FUNCTION:
                problems.append(f"{path}:{line}: a body of {length} lines (at most {MAX_FUNCTION}): {text[:80]}")
for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(f"check-source-shape: {len(problems)} problem(s)")
print("check-source-shape: every file, function and line is within bounds")
