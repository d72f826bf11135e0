#!/usr/bin/env python3
"""Validates OSCAL documents with oscal-bindings' models of OSCAL 1.2.3.

Usage: tools/venv/bin/python tests/oscal/validate_bindings.py [--expect-invalid] FILE...

oscal-bindings' pydantic models are generated from NIST's own JSON Schema of OSCAL 1.2.3, so
they hold what the schema holds and compliance-trestle's hand-kept models may not (a control
selection with neither include-all nor include-controls, for one). Each file is read as JSON
and validated as a dict against the model its one top-level key names (catalog, profile,
system-security-plan, assessment-plan, assessment-results, mapping-collection, ...): a dict,
because oscal-bindings' JSON parser drops a key spelled with a Python field name (back_matter)
and passes the document (its issue 6), while dict validation refuses it. The oscal-version
must then be 1.2.x: the models are 1.2.3's, and a document that claims another version is not
theirs to pass. Prints "ok FILE" or "FAIL FILE: reason" per file and exits 1 if any failed, 2
on bad usage.

With --expect-invalid the verdict turns round: every file must be rejected, and one that
passes fails the run; that is how the suite proves the validator can fail at all. A missing
file or a crash never counts as a rejection.
"""

import json
import pathlib
import re
import sys

from verdicts import judge

from oscal_bindings.v1 import models

# The version the models were generated from; refuse other releases rather than check a
# different schema by accident.
MODELS_VERSION = "1.2.3"
VERSION = re.compile(r"^1\.2\.\d+$")

DOCUMENTS = {
    "catalog": models.CatalogDocument,
    "profile": models.ProfileDocument,
    "component-definition": models.ComponentDefinitionDocument,
    "system-security-plan": models.SystemSecurityPlanDocument,
    "assessment-plan": models.AssessmentPlanDocument,
    "assessment-results": models.AssessmentResultsDocument,
    "plan-of-action-and-milestones": models.PlanOfActionAndMilestonesDocument,
    "mapping-collection": models.MappingCollectionDocument,
}


def models_version() -> str:
    from importlib.metadata import version

    return version("oscal-bindings")


def problems(path: pathlib.Path) -> str | None:
    """What is wrong with the document at `path`, or None if it is valid."""
    try:
        data = json.loads(path.read_bytes())
    except ValueError as e:
        return f"not JSON: {e}"
    if not isinstance(data, dict) or len(data) != 1:
        return "not one OSCAL document (one top-level key)"
    (kind,) = data
    model = DOCUMENTS.get(kind)
    if model is None:
        return f"no OSCAL model is called {kind!r}"
    try:
        model.model_validate(data)
    except Exception as e:  # pydantic's ValidationError: say where, briefly
        errors = getattr(e, "errors", lambda: [])()
        if errors:
            # The deepest error: a union's first branch fails shallowly on every document.
            first = max(errors, key=lambda e: len(e.get("loc", ())))
            where = ".".join(str(p) for p in first.get("loc", ()))
            return f"{len(errors)} error(s); first at {where}: {first.get('msg')}"
        return " ".join(str(e).split())
    version = data[kind].get("metadata", {}).get("oscal-version", "")
    if not VERSION.match(version):
        return f"oscal-version {version} is not OSCAL 1.2, which these models are"
    return None


def main(args: list[str]) -> int:
    if models_version() != "0.3.1":
        print(f"validate_bindings.py expects oscal-bindings 0.3.1 (OSCAL {MODELS_VERSION}), "
              f"found {models_version()}", file=sys.stderr)
        return 2
    return judge(args, __doc__, problems)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
