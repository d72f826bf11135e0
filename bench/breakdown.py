#!/usr/bin/env python3
"""Where a wasm module's bytes go, by part: ./scripts/bench --breakdown runs this on the app's
wasm after wasm-bindgen and before wasm-opt, with its function names, through twiggy. Not the
shipped bytes (those are wasm-opt'ed and brotli'd, see the bench's first table), but their
shares: what to move out of the first visit, or write smaller.

Usage: breakdown.py WASM [TOP] [DATA...]

DATA: files compiled into the module as data (the built-in pack, the English texts), each
listed with its size raw and brotli'd, as part of the data segments.

Every function and data segment twiggy lists is counted once (its own, "shallow", size) under
one part:
- the app's own code by module (`ui::components::answer`, `domain::transfer`, ...), generic
  code included when it is the app's own function (a closure, a component's `run`);
- a crate's generic code made for the app's types (`<yew::...CompStateInner<COMP>>::view` is
  every component's view) under that crate, as `yew (generic)`, `serde_json`, `alloc::btree`
  (every BTreeMap key and value type), `hashbrown`, ...;
- the data segments: texts, the built-in pack, tables.
Then the TOP largest single items.
"""

import collections
import json
import re
import subprocess
import sys

# A few of alloc's and core's families by name, since their code is the app's types' copies.
FAMILIES = [
    (r"alloc::collections::btree", "alloc::btree (BTreeMap/BTreeSet per key and value type)"),
    (r"core::slice::sort", "core::slice::sort (per element type)"),
    (r"alloc::fmt|core::fmt", "core::fmt (formatting)"),
    (r"alloc::vec|alloc::raw_vec", "alloc::vec"),
    (r"alloc::string|alloc::str|core::str|<str>", "strings"),
    (r"alloc::rc|alloc::sync", "alloc::rc"),
]


def part(name: str) -> str:
    if name.startswith("data segment") or name.startswith("data["):
        return "data segments (texts, the built-in pack, tables; see below)"
    own = re.search(r"hicp_check::((?:ui::components|ui|domain|content|i18n)::[a-z_0-9]+|[a-z_]+)", name)
    if own and not name.startswith("<") or own and "hicp_check" in name.split(" as ")[0]:
        return "hicp_check::" + own.group(1)
    for pattern, label in FAMILIES:
        if re.search(pattern, name.split(" as ")[0]):
            return label
    krate = re.match(r"^<?&?(?:mut )?(?:dyn )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::", name)
    if krate:
        return krate.group(1)
    if re.match(r"^(__wbg|__wbindgen|__externref)", name):
        return "wasm_bindgen (glue)"
    if name.startswith("import "):
        return "imports (the browser's functions, through wasm-bindgen)"
    return "other (" + (name.split("::")[0][:24] or "?") + ")"


def main(args):
    if not args:
        print(__doc__.strip().splitlines()[3], file=sys.stderr)
        return 2
    top = int(args[1]) if len(args) > 1 else 25
    out = subprocess.run(["twiggy", "top", "-n", "1000000", "--format", "json", args[0]],
                         capture_output=True, text=True, check=True).stdout
    items = [i for i in json.loads(out)
             if "function names" not in i["name"] and "custom section" not in i["name"]]
    total = sum(i["shallow_size"] for i in items)
    parts = collections.Counter()
    for i in items:
        parts[part(i["name"])] += i["shallow_size"]
    print(f"{'part':<70} {'bytes':>9} {'share':>6}")
    shown = 0
    for name, size in parts.most_common():
        if size * 200 < total:  # under 0.5%: summed below
            continue
        shown += size
        print(f"{name:<70} {size:>9} {size / total:>6.1%}")
    print(f"{'(every part under 0.5%)':<70} {total - shown:>9} {(total - shown) / total:>6.1%}")
    print(f"{'TOTAL (before wasm-opt, names excluded)':<70} {total:>9}")
    for path in args[2:]:
        raw = open(path, "rb").read()
        packed = subprocess.run(["brotli", "-q", "11", "-c", path], capture_output=True,
                                check=True).stdout
        print(f"  of the data: {path.rsplit('/', 1)[-1]:<46} {len(raw):>9} raw, "
              f"{len(packed)} brotli")
    print(f"\nThe {top} largest items:")
    for i in sorted(items, key=lambda i: -i["shallow_size"])[:top]:
        name = re.sub(r"::h[0-9a-f]{16}$", "", i["name"])
        print(f"{i['shallow_size']:>9}  {name[:110]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
