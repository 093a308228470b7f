#!/usr/bin/env python3
"""Regex mutation testing for the model layer (run through scripts/mutate).

Each mutant changes one token on one line of one source file: an arithmetic or comparison operator, a
logical operator, std::min/std::max, a numeric literal, or an accumulating statement deleted. The file is
rebuilt, the test executables are relinked, and CTest runs, stopping at the first failure. A mutant that a
test catches is "killed"; one that does not build is "invalid" (not counted); one every test passes is a
"survivor" and is listed with its file, line and mutated text. Comments and string literals are never
mutated. The original file is restored after every mutant, and on any exit.
"""

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time

# Operators are matched with the spaces around them: the code is formatted with spaces around binary
# operators, so ` * ` is a multiplication and never a pointer or a template bracket.
BINARY = [
    (" + ", [" - "]),
    (" - ", [" + "]),
    (" * ", [" / "]),
    (" / ", [" * "]),
    (" += ", [" -= ", " = "]),
    (" -= ", [" += "]),
    (" *= ", [" /= "]),
    (" /= ", [" *= "]),
    (" < ", [" <= ", " > "]),
    (" <= ", [" < "]),
    (" > ", [" >= ", " < "]),
    (" >= ", [" > "]),
    (" == ", [" != "]),
    (" != ", [" == "]),
    (" && ", [" || "]),
    (" || ", [" && "]),
    ("std::min(", ["std::max("]),
    ("std::max(", ["std::min("]),
]
NUMBER = re.compile(r"(?<![\w.])(\d+\.\d*|\d*\.\d+|\d+)(?:[eE][+-]?\d+)?(?![\w.])")
ACCUMULATES = re.compile(r"^\s*[\w.\[\]>-]+\s*(\+=|-=|\*=|/=)\s*[^;]+;\s*$")


def code_spans(line, in_block_comment):
    """Returns ([(start, end)], still_in_block_comment): the parts of `line` that are code, not comment
    or string literal."""
    spans = []
    i = 0
    start = 0
    n = len(line)
    if in_block_comment:
        end = line.find("*/")
        if end < 0:
            return [], True
        i = start = end + 2
    while i < n:
        two = line[i:i + 2]
        c = line[i]
        if two == "//":
            break
        if two == "/*":
            spans.append((start, i))
            end = line.find("*/", i + 2)
            if end < 0:
                return spans, True
            i = start = end + 2
            continue
        if c == '"' or c == "'":
            spans.append((start, i))
            j = i + 1
            while j < n and line[j] != c:
                j += 2 if line[j] == "\\" else 1
            i = start = j + 1
            continue
        i += 1
    spans.append((start, min(i, n)))
    return [(a, b) for a, b in spans if b > a], False


def mutants_of(path):
    """Yields (line_number, original_line, mutated_line, description)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    in_comment = False
    for number, line in enumerate(lines, 1):
        spans, in_comment_after = code_spans(line, in_comment)
        in_comment = in_comment_after
        stripped = line.strip()
        if not spans or stripped.startswith("#") or "static_assert" in line or stripped.startswith("//"):
            continue
        seen = set()

        def emit(start, end, replacement, what):
            mutated = line[:start] + replacement + line[end:]
            if mutated != line and mutated not in seen:
                seen.add(mutated)
                return (number, line, mutated, what)
            return None

        for a, b in spans:
            code = line[a:b]
            for original, replacements in BINARY:
                pos = code.find(original)
                while pos >= 0:
                    for r in replacements:
                        m = emit(a + pos, a + pos + len(original), r,
                                 "'%s' -> '%s'" % (original.strip(), r.strip()))
                        if m:
                            yield m
                    pos = code.find(original, pos + 1)
            for match in NUMBER.finditer(code):
                text = match.group(0)
                try:
                    value = float(text)
                except ValueError:
                    continue
                # Array sizes and indices make mostly invalid mutants; numbers in formulae are the point.
                replacements = ["0"] if value != 0 else ["1"]
                if value not in (0.0,):
                    replacements.append("(%s + 1)" % text)
                for r in replacements:
                    m = emit(a + match.start(), a + match.end(), r, "%s -> %s" % (text, r))
                    if m:
                        yield m
        if ACCUMULATES.match(line) and len(spans) == 1:
            m = emit(0, len(line), "", "statement deleted")
            if m:
                yield m


def run(cmd, cwd, timeout):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, start_new_session=True)
        return p.returncode, p.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired as e:
        return None, (e.stdout or b"").decode(errors="replace")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--root", required=True)
    parser.add_argument("--build", required=True)
    parser.add_argument("--tests", default="", help="CTest -R regular expression (default: every test)")
    parser.add_argument("--first-targets", default="",
                        help="space-separated test targets to build and run first; most mutants fail there")
    parser.add_argument("--first-tests", default="", help="CTest -R regular expression of those tests")
    parser.add_argument("--exclude", default="", help="CTest -E regular expression")
    parser.add_argument("--lines", default="", help="only lines FIRST-LAST")
    parser.add_argument("--list", action="store_true", help="print the mutants and stop")
    parser.add_argument("--report", default="")
    args = parser.parse_args()

    first, last = 1, 10 ** 9
    if args.lines:
        first, last = (int(x) for x in args.lines.split("-"))

    plan = []
    for spec in args.files:
        # FILE or FILE:FIRST-LAST (only those lines of that file)
        f, lo, hi = spec, first, last
        match = re.fullmatch(r"(.+):(\d+)-(\d+)", spec)
        if match:
            f, lo, hi = match.group(1), max(first, int(match.group(2))), min(last, int(match.group(3)))
        path = os.path.join(args.root, f)
        for m in mutants_of(path):
            if lo <= m[0] <= hi:
                plan.append((f, path) + m)
    if args.list:
        for f, _, number, _, mutated, what in plan:
            print("%s:%d: %s\n    %s" % (f, number, what, mutated.strip()))
        print("%d mutants" % len(plan))
        return 0

    ctest = ["ctest", "--test-dir", args.build, "-j2", "--stop-on-failure", "--timeout", "120"]
    if args.tests:
        ctest += ["-R", args.tests]
    if args.exclude and not args.first_tests:
        ctest += ["-E", args.exclude]
    build = ["cmake", "--build", args.build, "-j2"]
    # Two stages: the model's own tests (quick to relink, and where most mutants die), then everything else.
    first_build = build + ["--target"] + args.first_targets.split() if args.first_targets else None
    first_ctest = ["ctest", "--test-dir", args.build, "-j2", "--stop-on-failure", "--timeout", "120",
                   "-R", args.first_tests] if args.first_tests else None
    if first_ctest:
        ctest += ["-E", args.first_tests if not args.exclude else args.exclude + "|" + args.first_tests]

    backups = {}

    def restore(*_):
        for path, text in backups.items():
            with open(path, "wb") as out:
                out.write(text)
        backups.clear()

    def on_signal(signum, _frame):
        restore()
        sys.exit(128 + signum)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)

    counts = {"killed": 0, "survived": 0, "invalid": 0, "timeout": 0}
    per_file = {}
    survivors = []
    started = time.time()
    try:
        for index, (f, path, number, original, mutated, what) in enumerate(plan, 1):
            with open(path, "rb") as src:
                text = src.read()
            backups[path] = text
            lines = text.decode("utf-8").split("\n")
            assert lines[number - 1] == original
            lines[number - 1] = mutated
            with open(path, "wb") as out:
                out.write("\n".join(lines).encode("utf-8"))
            outcome = None
            if first_build:
                code, _ = run(first_build, args.root, 600)
                if code != 0:
                    outcome = "invalid"
                else:
                    code, _ = run(first_ctest, args.root, 900)
                    if code is None:
                        outcome = "timeout"
                    elif code != 0:
                        outcome = "killed"
            if outcome is None:
                code, _ = run(build, args.root, 600)
                if code != 0:
                    outcome = "invalid"
                else:
                    code, _ = run(ctest, args.root, 900)
                    outcome = "timeout" if code is None else ("survived" if code == 0 else "killed")
            restore()
            # Keep timestamps moving forward so the next build sees the restored file as changed.
            os.utime(path, None)
            counts[outcome] += 1
            per_file.setdefault(f, {"killed": 0, "survived": 0, "invalid": 0, "timeout": 0})[outcome] += 1
            print("[%d/%d] %-8s %s:%d: %s" % (index, len(plan), outcome, f, number, what), flush=True)
            if outcome == "survived":
                survivors.append("%s:%d: %s\n    %s" % (f, number, what, mutated.strip()))
    finally:
        restore()
        run(build, args.root, 1200)

    minutes = (time.time() - started) / 60
    lines = ["== mutation run: %d mutants in %.0f min" % (len(plan), minutes)]
    for f, c in per_file.items():
        tested = c["killed"] + c["survived"] + c["timeout"]
        lines.append("  %-24s %4d killed %4d survived %4d timed out %4d invalid  (score %s)" % (
            f, c["killed"], c["survived"], c["timeout"], c["invalid"],
            "%.0f %%" % (100.0 * (c["killed"] + c["timeout"]) / tested) if tested else "-"))
    lines.append("== survivors (%d)" % len(survivors))
    lines += survivors
    report = "\n".join(lines) + "\n"
    print(report)
    if args.report:
        with open(args.report, "w", encoding="utf-8") as out:
            out.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
