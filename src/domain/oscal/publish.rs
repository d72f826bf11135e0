//! HICP itself in OSCAL, generated from a content pack at build time (`src/bin/oscal.rs`) into
//! `dist/oscal/`: the catalog, a profile per organization size, and for each of those a system
//! security plan and an assessment plan, so that an assessment-results export resolves every
//! control id to its text (results → assessment plan → system security plan → profile →
//! catalog); and a mapping collection per crosswalk (NIST CSF 1.1, and each lens of the pack).
//!
//! The same pack always gives byte-identical documents: every UUID is a version-5 UUID of what
//! it names, as in the assessment results ([`pack_uuid`]), and the documents are dated by the
//! entry for the pack's content version in [`PUBLISHED`], never by the clock (so a pack whose
//! text changes must get a new content version, as `content/README.md` asks).
//!
//! Each document is written in OSCAL 1.2.3 under `oscal/`, and again in OSCAL 1.1.3 under
//! `oscal/1.1.3/` for tools that read only 1.1 (mapping collections are new in 1.2 and exist
//! only there). The two differ only in the version they state.

mod baseline;
mod catalog;
mod index;
mod mapping;
mod model;

use serde::Serialize;

use super::ids::fixed_uuid;
use super::markup::markup_line;
use super::Version;
use crate::domain::catalog::Catalog;
use crate::domain::ids::Tier;
use model::{Metadata, Prop};

/// When each content version of a pack HICP Check publishes was last changed: the documents'
/// date. A version not listed here is not published, and the build of the built-in pack fails
/// until its new version is dated here.
const PUBLISHED: &[(&str, &str, &str)] = &[("hicp-2018", "1.1.0", "2026-11-30T00:00:00Z")];

/// One generated document: where it goes under the site's folder, and its text.
pub struct Published {
    pub path: String,
    pub text: String,
}

/// The folder every published document of `version` is in, from the site's root.
pub fn folder(version: Version) -> &'static str {
    match version {
        Version::V1_2_3 => "oscal/",
        Version::V1_1_3 => "oscal/1.1.3/",
    }
}

/// Every document published for `catalog`, in both OSCAL versions, and the page that lists
/// them (`oscal/index.html`); `Err` names a pack that cannot be published (an undated edition).
pub fn published(catalog: &Catalog) -> Result<Vec<Published>, String> {
    let info = catalog.info();
    if date(catalog).is_none() {
        return Err(format!(
            "the pack {} {} has no publication date in src/domain/oscal/publish.rs (PUBLISHED)",
            info.id, info.content_version
        ));
    }
    let mut out = Vec::new();
    for version in [Version::V1_2_3, Version::V1_1_3] {
        let mut put = |name: String, document: &dyn erased::Document| {
            out.push(Published {
                path: format!("{}{name}", folder(version)),
                text: document.pretty(),
            });
        };
        put(
            catalog_file(catalog),
            &Named("catalog", catalog::catalog(catalog, version)),
        );
        for b in baselines(catalog) {
            put(
                b.file(catalog, "profile"),
                &Named("profile", baseline::profile(catalog, version, &b)),
            );
            put(
                b.file(catalog, "ssp"),
                &Named("system-security-plan", baseline::ssp(catalog, version, &b)),
            );
            put(
                b.file(catalog, "ap"),
                &Named("assessment-plan", baseline::plan(catalog, version, &b)),
            );
        }
        if version == Version::V1_2_3 {
            for (name, collection) in mapping::collections(catalog, version) {
                put(name, &Named("mapping-collection", collection));
            }
        }
    }
    let index = index::index(catalog, &out);
    out.push(index);
    Ok(out)
}

/// Where the catalog is, from the site's root, when `catalog` is published.
pub fn catalog_path(catalog: &Catalog, version: Version) -> Option<String> {
    date(catalog)?;
    Some(format!("{}{}", folder(version), catalog_file(catalog)))
}

/// Where the page that lists every published document is, from the site's root, when
/// `catalog` is published.
pub fn index_path(catalog: &Catalog) -> Option<&'static str> {
    date(catalog).map(|_| "oscal/index.html")
}

fn date(catalog: &Catalog) -> Option<&'static str> {
    let info = catalog.info();
    PUBLISHED
        .iter()
        .find(|(id, version, _)| *id == info.id && *version == info.content_version)
        .map(|(_, _, date)| *date)
}

fn catalog_file(catalog: &Catalog) -> String {
    format!("{}-catalog.json", catalog.info().id)
}

/// The sub-practices an organization of one size checks itself against: the tier's required
/// set, or with its optional set too (medium with large).
pub(super) struct Baseline {
    tier: Tier,
    optional: bool,
}

impl Baseline {
    pub(in crate::domain::oscal) fn of(
        catalog: &Catalog,
        tier: Tier,
        include_optional: bool,
    ) -> Baseline {
        let optional = include_optional && !catalog.tier_rule(tier).optional.is_empty();
        Baseline { tier, optional }
    }

    /// `small`, `medium`, `medium-with-large`, `large`.
    fn name(&self, catalog: &Catalog) -> String {
        let mut name = self.tier.key().to_owned();
        if self.optional {
            for t in &catalog.tier_rule(self.tier).optional {
                name.push_str("-with-");
                name.push_str(t.key());
            }
        }
        name
    }

    fn file(&self, catalog: &Catalog, kind: &str) -> String {
        format!("{}-{kind}-{}.json", catalog.info().id, self.name(catalog))
    }

    /// Where this baseline's document of `kind` (`profile`, `ssp`, `ap`) is, from the site's
    /// root, when `catalog` is published.
    pub(in crate::domain::oscal) fn path(
        &self,
        catalog: &Catalog,
        kind: &str,
        version: Version,
    ) -> Option<String> {
        date(catalog)?;
        Some(format!("{}{}", folder(version), self.file(catalog, kind)))
    }

    /// The profile's UUID: the one assessment results of this size name it by (when their
    /// optional set is ticked only if the tier has one).
    fn profile_uuid(&self, catalog: &Catalog) -> String {
        profile_uuid(catalog, self.tier, self.optional)
    }
}

/// A UUID of something the pack defines: `kind/<pack id>/<content version>[/rest...]`.
pub(super) fn pack_uuid(catalog: &Catalog, kind: &str, rest: &[&str]) -> String {
    let info = catalog.info();
    let mut name = format!("{kind}/{}/{}", info.id, info.content_version);
    for part in rest {
        name.push('/');
        name.push_str(part);
    }
    fixed_uuid(&name)
}

/// The UUID of the catalog, as assessment results have named it since their first export.
pub(super) fn catalog_uuid(catalog: &Catalog) -> String {
    pack_uuid(catalog, "catalog", &[])
}

/// The UUID of a size's profile, as assessment results have named it since their first
/// export: by the tier and whether the optional set was ticked.
pub(super) fn profile_uuid(catalog: &Catalog, tier: Tier, include_optional: bool) -> String {
    let optional = if include_optional { "true" } else { "false" };
    pack_uuid(catalog, "profile", &[tier.key(), optional])
}

/// Every baseline of the pack's tiers, smallest first.
fn baselines(catalog: &Catalog) -> Vec<Baseline> {
    let mut out = Vec::new();
    for tier in [Tier::Small, Tier::Medium, Tier::Large] {
        out.push(Baseline::of(catalog, tier, false));
        if !catalog.tier_rule(tier).optional.is_empty() {
            out.push(Baseline::of(catalog, tier, true));
        }
    }
    out
}

/// A document's metadata: dated by the pack's edition, versioned as the pack, and saying
/// whose words are whose.
fn metadata(catalog: &Catalog, version: Version, title: String, remarks: &str) -> Metadata {
    let info = catalog.info();
    Metadata {
        title,
        last_modified: date(catalog).expect("published() checked the date").into(),
        version: info.content_version.clone(),
        oscal_version: version.as_str(),
        props: vec![
            Prop::own("content-pack", &info.id),
            Prop::own("content-version", &info.content_version),
            Prop::own("edition", &info.edition),
        ],
        links: Vec::new(),
        parties: Vec::new(),
        remarks: format!(
            "{remarks} Generated by HICP Check from its content pack {} {}. The identifiers and \
             titles are HICP's (the HHS 405(d) Health Industry Cybersecurity Practices, {} \
             edition); every other word is HICP Check's own, not HICP's text.",
            markup_line(&info.id),
            markup_line(&info.content_version),
            markup_line(&info.edition)
        ),
    }
}

/// A document under its one top-level key.
struct Named<T>(&'static str, T);

impl<T: Serialize> Serialize for Named<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.0, &self.1)?;
        map.end()
    }
}

mod erased {
    /// A document of any kind, written as OSCAL JSON.
    pub(super) trait Document {
        fn pretty(&self) -> String;
    }
}

impl<T: Serialize> erased::Document for Named<T> {
    fn pretty(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("the document is plain data");
        text.push('\n');
        text
    }
}
