#!/usr/bin/env python3
"""Validates OSCAL documents with compliance-trestle's OSCAL 1.1 models.

Usage: tools/venv/bin/python tests/oscal/validate.py [--expect-invalid] FILE...

For each file: trestle reads it into its pydantic model of the OSCAL 1.1 schema its top-level
key names (catalog, profile, system-security-plan, assessment-plan or assessment-results) (a missing required field, a field the schema does not have, a malformed UUID, token or
date, or a value outside an enumeration fails); every validator trestle registers for
`trestle validate` then runs on the model (UUIDs unique, role references resolve, ...); the
model is written out with trestle's OSCAL JSON encoder, which fails on a date-time without a
time zone; and the oscal-version must match trestle's OSCAL_VERSION_REGEX. Prints
"ok FILE" or "FAIL FILE: reason" per file and exits 1 if any file failed, 2 on bad usage.

With --expect-invalid the verdict turns round: every file must be rejected ("rejected FILE:
reason"), and one that passes fails the run. That is how the test suite proves the validator
can fail at all, on tests/oscal/broken-sample.json (the small sample, trimmed, with the target
of its first finding removed: a required field). A crash still exits non-zero, so it cannot
pass for a rejection.
"""

import json
import logging
import os
import pathlib
import re
import sys
import tempfile

import trestle.core.validator_factory as validator_factory
from trestle.core.all_validator import AllValidator
from trestle.oscal import OSCAL_VERSION_REGEX
from trestle.oscal.assessment_plan import AssessmentPlan
from trestle.oscal.assessment_results import AssessmentResults
from trestle.oscal.catalog import Catalog
from trestle.oscal.profile import Profile
from trestle.oscal.ssp import SystemSecurityPlan

from verdicts import judge

# The models are OSCAL 1.1 (trestle 3.x); trestle 4 and later carry OSCAL 1.2, whose models
# would check a different schema. Refuse to run against them rather than pass by accident.
if not re.match(OSCAL_VERSION_REGEX, "1.1.0"):
    sys.exit(f"validate.py expects trestle's OSCAL 1.1 models, found {OSCAL_VERSION_REGEX}")


# The models of the documents HICP Check writes, by their top-level key. Mapping collections
# are new in OSCAL 1.2: trestle 3 has no model of them (validate_bindings.py checks them).
MODELS = {
    "catalog": Catalog,
    "profile": Profile,
    "system-security-plan": SystemSecurityPlan,
    "assessment-plan": AssessmentPlan,
    "assessment-results": AssessmentResults,
}


def problems(path: pathlib.Path) -> str | None:
    """What is wrong with the document at `path`, or None if it is valid."""
    try:
        with open(path, encoding="utf-8") as f:
            keys = list(json.load(f))
    except ValueError as e:
        return f"not JSON: {e}"
    if len(keys) != 1 or keys[0] not in MODELS:
        return f"not one document of a kind trestle's OSCAL 1.1 models hold: {keys}"
    try:
        model = MODELS[keys[0]].oscal_read(path)
    except Exception as e:  # trestle wraps pydantic's errors in a TrestleError
        return " ".join(str(e).split())
    if model is None:
        return "no such file"
    # Some validators follow the document's references (a system security plan's profile,
    # and that profile's catalog, are resolved): relative ones are read from the document's
    # own folder, as a tool that fetched it would.
    here = os.getcwd()
    os.chdir(path.resolve().parent)
    workspace = tempfile.TemporaryDirectory()  # trestle caches what it fetches in one
    (pathlib.Path(workspace.name) / ".trestle" / "cache").mkdir(parents=True)
    try:
        for validator in validator_factory.validator_factory.get_all():
            if isinstance(validator, AllValidator):  # it only runs the others again
                continue
            try:
                valid = validator.model_is_valid(model, quiet=True, trestle_root=pathlib.Path(workspace.name))
            except Exception as e:
                return f"trestle's {type(validator).__name__} failed on it: {e}"
            if not valid:
                return f"failed trestle's {type(validator).__name__}: {validator.error_msg()}"
    finally:
        os.chdir(here)
        workspace.cleanup()
    # trestle's JSON encoder writes date-times as OSCAL asks and refuses those without a time
    # zone; its orjson path (oscal_serialize_json) would pass them through unchecked.
    try:
        model.json(by_alias=True, exclude_none=True)
    except Exception as e:
        return f"cannot be written as OSCAL JSON: {e}"
    # trestle keeps its version rule switched off (OscalVersion's strict_version); apply it, so
    # that a document claiming another OSCAL version is not passed by the 1.1 models.
    version = model.metadata.oscal_version.__root__
    if not re.match(OSCAL_VERSION_REGEX, version):
        return f"oscal-version {version} is not one of trestle's {OSCAL_VERSION_REGEX}"
    return None


def main(args: list[str]) -> int:
    # trestle logs warnings (for example about back-matter links) to the root logger.
    logging.basicConfig(level=logging.ERROR)
    return judge(args, __doc__, problems)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
