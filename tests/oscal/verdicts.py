"""The verdict loop both OSCAL validators share (validate.py, validate_bindings.py)."""

import pathlib
import sys
from typing import Callable


def judge(args: list[str], doc: str, problems: Callable[[pathlib.Path], str | None]) -> int:
    """Reads `[--expect-invalid] FILE...` from `args` (2, with the usage line of the script's
    `doc`, when they are not that), then prints "ok FILE" or "FAIL FILE: reason" per file, or
    with --expect-invalid "rejected FILE: reason" (a file that passes then fails the run); 1 if
    any failed, else 0. A missing file is never a rejection: it would let --expect-invalid pass
    on nothing."""
    expect_invalid = args[:1] == ["--expect-invalid"]
    files = args[1:] if expect_invalid else args
    if not files or any(f.startswith("--") for f in files):
        print(doc.strip().splitlines()[2], file=sys.stderr)
        return 2
    failed = 0
    for name in files:
        path = pathlib.Path(name)
        if not path.is_file():
            failed += 1
            print(f"FAIL {name}: no such file")
            continue
        problem = problems(path)
        if expect_invalid and problem is None:
            failed += 1
            print(f"FAIL {name}: accepted, but it is broken on purpose")
        elif expect_invalid:
            print(f"rejected {name}: {problem}")
        elif problem is None:
            print(f"ok {name}")
        else:
            failed += 1
            print(f"FAIL {name}: {problem}")
    return 1 if failed else 0
