//! The app's one state and its reducer. The reducer only calls domain methods: it never
//! touches storage or the clock (actions carry the time), so it stays testable and pure.

use std::rc::Rc;

use yew::Reducible;

use crate::config::StorageMode;
use crate::domain::envelope::Envelope;
use crate::domain::evidence::{Item, ITEMS_MAX};
use crate::domain::transfer::visible;
use crate::i18n::Texts;
use crate::ui::browser::storage::SetAside;

use crate::domain::{
    Assessment, ChoiceId, Date, FactorAnswer, FactorId, PracticeId, SubPracticeId, Tier, Timestamp,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Screen {
    Start,
    Size,
    Answer(PracticeId),
    Results,
    Library,
    /// A printable blank questionnaire for a tier.
    Blank(Tier),
    /// Answering together: respondent files prepared, returned ones merged.
    Team,
}

impl Screen {
    /// How the screen is remembered across reloads.
    pub fn key(&self) -> String {
        match self {
            Screen::Start => "start".into(),
            Screen::Size => "size".into(),
            Screen::Answer(p) => format!("answer:{p}"),
            Screen::Results => "results".into(),
            Screen::Library => "library".into(),
            Screen::Blank(t) => format!("blank:{}", t.key()),
            Screen::Team => "team".into(),
        }
    }

    pub fn from_key(key: &str) -> Screen {
        match key {
            "size" => Screen::Size,
            "results" => Screen::Results,
            "library" => Screen::Library,
            "team" => Screen::Team,
            other => match (other.strip_prefix("answer:"), other.strip_prefix("blank:")) {
                (Some(p), _) => Screen::Answer(PracticeId::new(p)),
                (_, Some(t)) => Tier::from_key(t)
                    .map(Screen::Blank)
                    .unwrap_or(Screen::Start),
                _ => Screen::Start,
            },
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: String,
    pub assessment: Rc<Assessment>,
    pub exported: Option<Timestamp>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tone {
    Info,
    Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

/// A passphrase-protected file waiting for its passphrase.
#[derive(Clone, Debug, PartialEq)]
pub struct Locked {
    pub file_name: String,
    pub envelope: Rc<Envelope>,
}

/// A file that was read and understood, waiting for the person to decide what to do with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Staged {
    pub file_name: String,
    pub assessment: Rc<Assessment>,
    /// What import changed so that the file could open (shortened text, say).
    pub warnings: Vec<String>,
    /// Its overall coverage, scored once when the file was opened.
    pub percent: Option<u32>,
    /// An evidence package's files, by item id, checked and waiting to be stored.
    pub files: Rc<Vec<(String, web_sys::Blob)>>,
}

/// The interface texts, shared; compared by identity (they never change while the app runs).
#[derive(Clone, Debug)]
pub struct SharedTexts(pub Rc<Texts>);

impl PartialEq for SharedTexts {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// For the few messages the reducer itself words.
    pub texts: SharedTexts,
    pub screen: Screen,
    pub entries: Vec<Entry>,
    pub current: Option<String>,
    pub notice: Option<Notice>,
    pub staged: Option<Staged>,
    pub locked: Option<Locked>,
    /// Set when answers cannot be kept in this browser; shown on every screen.
    pub storage_problem: Option<String>,
    /// Set while saving fails (storage full, say); cleared by the next save that works.
    pub write_failed: Option<String>,
    /// Saved records that could not be read, moved aside.
    pub set_aside: Vec<SetAside>,
    /// An assessment another tab changed while this tab had unsaved changes to it.
    pub conflict: Option<String>,
    /// A new version has been installed and waits for "reload to update".
    pub update_ready: bool,
    /// The page around the frame asked to erase everything; the visitor decides.
    pub erase_asked: bool,
    pub storage_mode: StorageMode,
}

pub enum Action {
    New {
        id: String,
        now: Timestamp,
        tier: Option<Tier>,
    },
    Open(String),
    Go(Screen),
    Edit {
        now: Timestamp,
        edit: Edit,
    },
    /// An edit to the assessment with this id, open or not: one the tools part made to the
    /// assessment it showed, arriving after another was opened, say.
    EditOf {
        id: String,
        now: Timestamp,
        edit: Edit,
    },
    Rename {
        id: String,
        name: String,
        now: Timestamp,
    },
    Duplicate {
        from: String,
        id: String,
        now: Timestamp,
    },
    Delete(String),
    EraseAll,
    /// The parent page asked to erase (true), or the visitor said no (false).
    EraseAsked(bool),
    Exported {
        id: String,
        at: Timestamp,
    },
    Stage(Staged),
    Lock(Locked),
    ImportAsNew {
        id: String,
    },
    ImportReplace,
    CancelImport,
    Notify(Option<Notice>),
    StorageProblem(String),
    UpdateReady,
    /// Another tab saved (`Some`) or removed (`None`) an assessment.
    External {
        id: String,
        assessment: Option<Rc<Assessment>>,
    },
    Conflict(String),
    ConflictSettled,
    WriteFailed(String),
    WriteRecovered,
    SetAsideGone(String),
    /// Storage has been switched (by the store); only the display follows.
    StorageMode(StorageMode),
}

/// A change to the open assessment.
pub enum Edit {
    Name(String),
    Factor(FactorId, Option<FactorAnswer>),
    Tier(Tier),
    IncludeOptional(bool),
    Choice(SubPracticeId, ChoiceId),
    Note(SubPracticeId, String),
    Since(SubPracticeId, Option<Date>),
    Owner(SubPracticeId, String),
    Target(SubPracticeId, Option<Date>),
    AddEvidence(SubPracticeId, Item),
    /// Renames the item with this id.
    EvidenceTitle(SubPracticeId, String, String),
    /// Re-dates the item with this id.
    EvidenceAsOf(SubPracticeId, String, Date),
    RemoveEvidence(SubPracticeId, String),
    /// The whole assessment, as merging or answering a respondent file made it.
    Replace(Box<Assessment>),
}

impl AppState {
    pub fn current_entry(&self) -> Option<&Entry> {
        let id = self.current.as_ref()?;
        self.entries.iter().find(|e| &e.id == id)
    }

    fn entry_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.id == id)
    }
}

fn apply(a: &mut Assessment, now: Timestamp, edit: Edit) {
    match edit {
        // What a person types is kept as a file would be: no invisible characters.
        Edit::Name(name) => {
            a.organization.name = visible(&name);
            a.updated = now;
        }
        Edit::Factor(id, answer) => {
            match answer {
                Some(x) => a.organization.sizing.insert(id, x),
                None => a.organization.sizing.remove(&id),
            };
            a.updated = now;
        }
        Edit::Tier(t) => {
            a.tier = Some(t);
            a.updated = now;
        }
        Edit::IncludeOptional(on) => {
            a.include_optional = on;
            a.updated = now;
        }
        Edit::Choice(id, c) => a.edit_answer(&id, now, |x| x.choice = Some(c)),
        Edit::Note(id, note) => a.edit_answer(&id, now, |x| x.note = visible(&note)),
        Edit::Since(id, d) => a.edit_answer(&id, now, |x| x.since = d),
        Edit::Owner(id, owner) => a.edit_plan(&id, now, |p| p.owner = visible(&owner)),
        Edit::Target(id, d) => a.edit_plan(&id, now, |p| p.target = d),
        Edit::AddEvidence(id, item) => a.edit_evidence(&id, now, |l| {
            if l.len() < ITEMS_MAX {
                l.push(item)
            }
        }),
        Edit::EvidenceTitle(id, item, title) => a.edit_evidence(&id, now, |l| {
            l.iter_mut()
                .filter(|i| i.id == item)
                .for_each(|i| i.title = title.clone())
        }),
        Edit::EvidenceAsOf(id, item, d) => a.edit_evidence(&id, now, |l| {
            l.iter_mut()
                .filter(|i| i.id == item)
                .for_each(|i| i.as_of = d)
        }),
        Edit::RemoveEvidence(id, item) => a.edit_evidence(&id, now, |l| l.retain(|i| i.id != item)),
        Edit::Replace(new) => *a = *new,
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::New { id, now, tier } => {
                let mut assessment = Assessment::new(now);
                assessment.tier = tier;
                s.entries.insert(
                    0,
                    Entry {
                        id: id.clone(),
                        assessment: Rc::new(assessment),
                        exported: None,
                    },
                );
                s.current = Some(id);
                s.screen = Screen::Size;
                s.notice = None;
            }
            Action::Open(id) => {
                if let Some(e) = s.entries.iter().find(|e| e.id == id) {
                    s.screen = if e.assessment.tier.is_some() {
                        Screen::Results
                    } else {
                        Screen::Size
                    };
                    s.current = Some(id);
                    s.notice = None;
                }
            }
            Action::Go(screen) => {
                s.screen = screen;
                s.notice = None;
            }
            Action::Edit { now, edit } => {
                let Some(id) = s.current.clone() else {
                    return self;
                };
                if let Some(e) = s.entry_mut(&id) {
                    apply(Rc::make_mut(&mut e.assessment), now, edit);
                }
            }
            Action::EditOf { id, now, edit } => {
                if let Some(e) = s.entry_mut(&id) {
                    apply(Rc::make_mut(&mut e.assessment), now, edit);
                }
            }
            Action::Rename { id, name, now } => {
                if let Some(e) = s.entry_mut(&id) {
                    apply(Rc::make_mut(&mut e.assessment), now, Edit::Name(name));
                }
            }
            Action::Duplicate { from, id, now } => {
                if let Some(pos) = s.entries.iter().position(|e| e.id == from) {
                    let mut copy = (*s.entries[pos].assessment).clone();
                    copy.organization.name = format!("{} (copy)", copy.organization.name)
                        .trim_start()
                        .to_owned();
                    copy.created = now.clone();
                    copy.updated = now;
                    let entry = Entry {
                        id,
                        assessment: Rc::new(copy),
                        exported: None,
                    };
                    s.entries.insert(pos + 1, entry);
                }
            }
            Action::Delete(id) => {
                s.entries.retain(|e| e.id != id);
                if s.current.as_deref() == Some(id.as_str()) {
                    s.current = None;
                }
            }
            Action::EraseAsked(asked) => s.erase_asked = asked,
            Action::EraseAll => {
                s.erase_asked = false;
                s.entries.clear();
                s.current = None;
                s.staged = None;
                s.screen = Screen::Start;
                s.notice = Some(Notice {
                    tone: Tone::Info,
                    text: s.texts.0.get("app.erased").to_owned(),
                });
            }
            Action::Exported { id, at } => {
                if let Some(e) = s.entry_mut(&id) {
                    e.exported = Some(at);
                }
            }
            Action::Lock(locked) => {
                s.locked = Some(locked);
                s.staged = None;
                s.notice = None;
            }
            Action::Stage(staged) => {
                s.staged = Some(staged);
                s.locked = None;
                s.notice = None;
            }
            Action::ImportAsNew { id } => {
                if let Some(staged) = s.staged.take() {
                    let entry = Entry {
                        id: id.clone(),
                        assessment: staged.assessment,
                        exported: None,
                    };
                    s.entries.insert(0, entry);
                    s.current = Some(id);
                    s.screen = Screen::Results;
                }
            }
            Action::ImportReplace => {
                let current = s.current.clone();
                if let (Some(staged), Some(id)) = (s.staged.take(), current) {
                    if let Some(e) = s.entry_mut(&id) {
                        e.assessment = staged.assessment;
                    }
                    s.screen = Screen::Results;
                }
            }
            Action::CancelImport => {
                s.staged = None;
                s.locked = None;
            }
            Action::Notify(n) => s.notice = n,
            Action::StorageProblem(text) => s.storage_problem = Some(text),
            Action::UpdateReady => s.update_ready = true,
            Action::External { id, assessment } => match assessment {
                Some(a) => match s.entry_mut(&id) {
                    Some(e) => e.assessment = a,
                    None => s.entries.push(Entry {
                        id,
                        assessment: a,
                        exported: None,
                    }),
                },
                None => {
                    s.entries.retain(|e| e.id != id);
                    if s.current.as_deref() == Some(id.as_str()) {
                        s.current = None;
                        s.screen = Screen::Start;
                    }
                }
            },
            Action::Conflict(id) => s.conflict = Some(id),
            Action::ConflictSettled => s.conflict = None,
            Action::WriteFailed(text) => s.write_failed = Some(text),
            Action::WriteRecovered => s.write_failed = None,
            Action::SetAsideGone(key) => s.set_aside.retain(|x| x.key != key),
            Action::StorageMode(mode) => s.storage_mode = mode,
        }
        Rc::new(s)
    }
}
