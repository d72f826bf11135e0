#!/usr/bin/env python3
"""Follows assessment results to the text of every control they name, with compliance-trestle's
own profile resolver, as a tool that reads OSCAL 1.1 would.

Usage: tools/venv/bin/python tests/oscal/resolve.py SITE_URL SITE_DIR RESULTS...

SITE_URL is where the results say HICP Check is served from; SITE_DIR is a folder holding what
is served there (the oscal/ documents). For each assessment-results file (OSCAL 1.1.3): its
import-ap href must lie under SITE_URL; the assessment plan it names imports a system security
plan, which imports a profile; trestle resolves that profile (and whatever it imports) into a
catalog. The controls the results review must be exactly that catalog's, every finding's target
must be in it, each with a statement, and the plan's implemented requirements must be exactly
the catalog's controls. Results with no size chosen import no plan: their catalog link must resolve instead.
Prints "ok FILE: N controls resolved" or "FAIL FILE: reason"; exits 1 if any failed.
"""

import json
import logging
import os
import pathlib
import sys
import tempfile

from trestle.core.profile_resolver import ProfileResolver
from trestle.oscal.assessment_plan import AssessmentPlan
from trestle.oscal.catalog import Catalog
from trestle.oscal.ssp import SystemSecurityPlan


def local(site_url: str, site_dir: pathlib.Path, href: str) -> pathlib.Path:
    if not href.startswith(site_url):
        raise ValueError(f"{href} is not under {site_url}")
    return site_dir / href[len(site_url):]


def controls_of(catalog) -> dict:
    found = {}

    def walk(controls):
        for c in controls or []:
            found[c.id] = c
            walk(c.controls)

    def groups(gs):
        for g in gs or []:
            walk(g.controls)
            groups(g.groups)

    walk(catalog.controls)
    groups(catalog.groups)
    return found


def resolve(site_url: str, site_dir: pathlib.Path, path: pathlib.Path) -> str:
    ar = json.loads(path.read_text(encoding="utf-8"))["assessment-results"]
    result = ar["results"][0]
    href = ar["import-ap"]["href"]
    if href.startswith("#"):
        # No plan: the results must still say where the catalog is.
        links = [l["href"] for r in ar["back-matter"]["resources"] for l in r.get("rlinks", [])]
        catalogs = [local(site_url, site_dir, l) for l in links]
        if not catalogs:
            raise ValueError("no plan and no link to the catalog")
        for c in catalogs:
            Catalog.oscal_read(c)
        return f"no plan (no size chosen); catalog {catalogs[0].name} read"
    plan_path = local(site_url, site_dir, href)
    plan = AssessmentPlan.oscal_read(plan_path)
    ssp_path = plan_path.parent / plan.import_ssp.href
    ssp = SystemSecurityPlan.oscal_read(ssp_path)
    here = os.getcwd()
    with tempfile.TemporaryDirectory() as workspace:
        (pathlib.Path(workspace) / ".trestle" / "cache").mkdir(parents=True)
        os.chdir(ssp_path.parent)
        try:
            resolved = ProfileResolver().get_resolved_profile_catalog(
                pathlib.Path(workspace), ssp.import_profile.href)
        finally:
            os.chdir(here)
    controls = controls_of(resolved)
    required = {r.control_id for r in ssp.control_implementation.implemented_requirements}
    if required != set(controls):
        raise ValueError(f"the plan requires {sorted(required ^ set(controls))} beyond the profile")
    reviewed = {c["control-id"] for s in result["reviewed-controls"]["control-selections"]
                for c in s.get("include-controls", [])}
    if reviewed != set(controls):
        raise ValueError(f"reviewed and planned differ: {sorted(reviewed ^ set(controls))}")
    named = reviewed | {f["target"]["target-id"] for f in result.get("findings", [])}
    for control_id in sorted(named):
        control = controls.get(control_id)
        if control is None:
            raise ValueError(f"{control_id} is not in the resolved profile")
        if not any(p.name == "statement" and p.prose for p in control.parts or []):
            raise ValueError(f"{control_id} has no statement")
    return f"{len(set(named))} controls resolved through {plan_path.name}"


def main(args: list[str]) -> int:
    if len(args) < 3:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.ERROR)
    site_url, site_dir, files = args[0], pathlib.Path(args[1]), args[2:]
    failed = 0
    for name in files:
        try:
            print(f"ok {name}: {resolve(site_url, site_dir, pathlib.Path(name))}")
        except Exception as e:
            failed += 1
            print(f"FAIL {name}: {' '.join(str(e).split())}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
