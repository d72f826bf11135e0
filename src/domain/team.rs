//! Answering together without a server: the coordinator prepares one respondent file per
//! person, with only the sub-practices given to them; each respondent answers theirs in any
//! copy of HICP Check and sends back the answered file, sealed with a fingerprint; the
//! coordinator merges the returned files ([`merge`]), choosing where answers differ.
//!
//! An assessment is known by its pack and its creation time: a respondent file carries its
//! coordinator's, so a response finds its way home and a stray one is refused.

use sha2::{Digest, Sha256};

use super::assessment::{Assessment, Organization};
use super::catalog::Catalog;
use super::date::Timestamp;
use super::ids::SubPracticeId;

pub mod merge;

/// Longest respondent name.
pub const RESPONDENT_MAX: usize = 100;
/// Longest message to a respondent.
pub const MESSAGE_MAX: usize = 2000;

/// What the coordinator asks of one respondent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    /// Unique to this request: letters, digits and dashes.
    pub id: String,
    pub respondent: String,
    pub message: String,
    /// The sub-practices given, each once, in the order they were given.
    pub scope: Vec<SubPracticeId>,
    pub sent: Timestamp,
}

/// A request as the coordinator keeps it, with the responses already merged (by the time
/// each was answered), so that a file returned twice is recognized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sent {
    pub request: Request,
    pub merged: Vec<Timestamp>,
}

/// A request as the respondent's copy holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Asked {
    pub request: Request,
    /// When the respondent downloaded the answered file; `None` until then.
    pub answered: Option<Timestamp>,
    /// SHA-256 of the answered file as written with this field empty ([`fingerprint`]).
    pub fingerprint: String,
}

impl Request {
    /// A request for `scope`, each sub-practice kept once. (No sort: its code would weigh
    /// on every first visit, and the scope comes in the pack's order anyway.)
    pub fn new(
        id: String,
        respondent: String,
        message: String,
        given: Vec<SubPracticeId>,
        sent: Timestamp,
    ) -> Request {
        let mut scope: Vec<SubPracticeId> = Vec::new();
        for id in given {
            if !scope.contains(&id) {
                scope.push(id);
            }
        }
        Request {
            id,
            respondent,
            message,
            scope,
            sent,
        }
    }

    pub fn covers(&self, id: &SubPracticeId) -> bool {
        self.scope.contains(id)
    }
}

/// The respondent file for `request`: the assessment's identity, its tier and the
/// organization's name, and of the answers only those in the request's scope. No size
/// answers, plan, evidence or other requests.
pub fn respondent_file(a: &Assessment, request: &Request) -> Assessment {
    let mut file = Assessment::new(a.created.clone());
    file.updated = request.sent.clone();
    file.organization = Organization {
        name: a.organization.name.clone(),
        sizing: Default::default(),
    };
    file.tier = a.tier;
    file.include_optional = a.include_optional;
    file.answers = a
        .answers
        .iter()
        .filter(|(id, _)| request.covers(id))
        .map(|(id, x)| (id.clone(), x.clone()))
        .collect();
    file.asked = Some(Asked {
        request: request.clone(),
        answered: None,
        fingerprint: String::new(),
    });
    file
}

/// The respondent's copy, marked answered at `now` and sealed; `None` for a copy that is
/// not a respondent file.
pub fn answered(catalog: &Catalog, a: &Assessment, now: &Timestamp) -> Option<Assessment> {
    let mut out = a.clone();
    let asked = out.asked.as_mut()?;
    asked.answered = Some(now.clone());
    asked.fingerprint.clear();
    let seal = fingerprint(catalog, &out);
    out.asked.as_mut()?.fingerprint = seal;
    Some(out)
}

/// The SHA-256 (lowercase hex) of the file as export writes it, with the fingerprint empty,
/// the content version empty (a response keeps its seal across an update of the pack) and
/// the export time set to the answer time: any change to what the file says changes it. It
/// tells an edited file from one HICP Check wrote; it is not a signature. A later file format
/// must seal in this version's layout, or responses out at the update would look changed.
pub fn fingerprint(catalog: &Catalog, a: &Assessment) -> String {
    let mut blank = a.clone();
    let mut at = a.updated.clone();
    if let Some(asked) = blank.asked.as_mut() {
        asked.fingerprint.clear();
        at = asked.answered.clone().unwrap_or(at);
    }
    let text = super::transfer::export_as(catalog, "", &blank, &at);
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
