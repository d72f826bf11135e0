"""The verdict loop both OSCAL validators share (validate.py, validate_bindings.py)."""

import pathlib
from typing import Callable


def judge(files: list[str], expect_invalid: bool,
          problems: Callable[[pathlib.Path], str | None]) -> int:
    """Prints "ok FILE" or "FAIL FILE: reason" per file, or with `expect_invalid` "rejected
    FILE: reason" (a file that passes then fails the run); 1 if any failed, else 0. A missing
    file is never a rejection: it would let --expect-invalid pass on nothing."""
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
