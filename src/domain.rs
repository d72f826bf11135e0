//! The assessment's domain, in pure Rust: what HICP is ([`catalog`]), how big an organization
//! is ([`sizing`]), what it answered ([`assessment`]), what that adds up to ([`scoring`]),
//! what to do next ([`plan`]), what a person takes away ([`report`]) and how it travels as a
//! file ([`transfer`]).
//!
//! Nothing here may depend on yew, web-sys, js-sys, gloo or wasm-bindgen, and nothing here
//! reads a clock: callers pass dates and timestamps in. The test script greps for it.

pub mod assessment;
pub mod canonical;
pub mod case;
pub mod catalog;
pub mod compare;
pub mod date;
pub mod envelope;
pub mod evidence;
pub mod ids;
pub mod lens;
pub mod lookback;
pub mod map;
pub mod order;
pub mod oscal;
pub mod outlook;
pub mod package;
pub mod plan;
pub mod report;
pub mod scoring;
pub mod sizing;
pub mod team;
pub mod transfer;

pub use assessment::{Answer, Assessment, Organization, PlanEntry, NAME_MAX, NOTE_MAX, OWNER_MAX};
pub use catalog::{Catalog, CatalogError, Choice, Practice, Scale, SubPractice, Threat, TierRule};
pub use date::{Date, Timestamp};
pub use ids::{ChoiceId, FactorId, PracticeId, SubPracticeId, ThreatId, Tier};
pub use plan::{action_plan, PlanItem, PlanKind};
pub use report::{findings_csv, fingerprint, sanitized};
pub use scoring::{score, Coverage, Results, ThreatResult};
pub use sizing::{recommend, FactorAnswer, FactorReason, Recommendation, SizeFactor, Sizing};
pub use transfer::{export, import, ImportError, FORMAT, FORMAT_VERSION};
