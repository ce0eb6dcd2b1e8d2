#!/usr/bin/env python3
"""Fail when a source file or a function has grown past what a reader can hold.

Files under Sources/ stay at or under 350 lines (generated files, under a `Generated/`
folder, excepted); a function, initialiser or closure-valued property body at or under 80
lines. `make test` runs it. Counting is by braces on lines, which is enough for our code:
string literals holding braces are rare and only ever make a body look shorter.
"""
import os, re, sys

MAX_FILE, MAX_FUNCTION = 350, 80
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


problems = []
for root, _, files in os.walk("Sources"):
    for name in sorted(files):
        if not name.endswith(".swift"):
            continue
        path = os.path.join(root, name)
        lines = open(path, encoding="utf-8").read().splitlines()
        generated = f"{os.sep}Generated{os.sep}" in path
        if not generated and len(lines) > MAX_FILE:
            problems.append(f"{path}: {len(lines)} lines; split it (at most {MAX_FILE})")
        for line, length, text in function_lengths(lines):
            if length > MAX_FUNCTION and not generated:
                problems.append(f"{path}:{line}: a body of {length} lines (at most {MAX_FUNCTION}): {text[:80]}")
for problem in problems:
    print(problem, file=sys.stderr)
if problems:
    sys.exit(f"check-source-shape: {len(problems)} problem(s)")
print("check-source-shape: every file and function is within bounds")
