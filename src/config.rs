//! A host's settings for a self-hosted copy: `hicp-check.config.json` next to `index.html`.
//! An association sets its name and logo, colours, an introduction, links to its member
//! resources, a default tier, the storage mode, which sites may embed the app, and a content
//! pack of its own.
//!
//! Everything is checked here, so that a settings file can neither make the app request
//! another site nor inject markup or styles: colours must be hex, the logo a relative path on
//! the same site, links https or relative. A file with mistakes is never half used: the app
//! then runs in its most private mode ([`SiteConfig::most_private`]), and every mistake is
//! reported as a [`ConfigProblem`] with the field at fault, worded by the interface.
//! Pure Rust: tested natively.

use crate::domain::Tier;

mod reading;

pub use reading::normal_origin;

/// The settings file's name, next to `index.html`.
pub const FILE: &str = "hicp-check.config.json";
/// The longest `organization` name, in characters.
pub const ORGANIZATION_MAX: usize = 120;
/// The longest `intro`, in characters.
pub const INTRO_MAX: usize = 1000;

/// Where answers are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StorageMode {
    /// In this browser until erased (local storage).
    #[default]
    Device,
    /// In this tab only; gone when it closes (session storage).
    Session,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Colors {
    pub accent: Option<String>,
    pub accent_text: Option<String>,
    pub ink: Option<String>,
    pub background: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteConfig {
    /// The host organization's name, shown in the header ("Offered by ...").
    pub organization: String,
    /// A same-site image path, relative to index.html.
    pub logo: String,
    pub intro: String,
    pub links: Vec<Link>,
    pub colors: Colors,
    pub default_tier: Option<Tier>,
    pub storage: StorageMode,
    /// Whether the person may switch the storage mode.
    pub storage_choice: bool,
    /// Origins allowed to frame the app, receive its height and ask it to erase data. Empty:
    /// any parent page may frame it, and an erase request needs the visitor's confirmation.
    pub embed_origins: Vec<String>,
    /// A content pack of the host's own (same-site path, relative to index.html) used instead
    /// of the built-in HICP 2018 pack; see content/README.md for its fields.
    pub pack: String,
    /// Whether a parent page may ask the app to erase (from a listed origin, or confirmed by
    /// the visitor). Not a setting: only [`SiteConfig::most_private`] turns it off.
    pub parent_may_erase: bool,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            organization: String::new(),
            logo: String::new(),
            intro: String::new(),
            links: Vec::new(),
            colors: Colors::default(),
            default_tier: None,
            storage: StorageMode::Device,
            storage_choice: true,
            embed_origins: Vec::new(),
            pack: String::new(),
            parent_may_erase: true,
        }
    }
}

impl SiteConfig {
    /// What the app runs with when the settings file is present but cannot be used: answers in
    /// this tab only, no way to switch that, and no erasing from a parent page.
    pub fn most_private() -> SiteConfig {
        SiteConfig {
            storage: StorageMode::Session,
            storage_choice: false,
            parent_may_erase: false,
            ..SiteConfig::default()
        }
    }
}

/// What a setting's value must be, for the message that says it is not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    TrueOrFalse,
    /// `"small"`, `"medium"`, `"large"` or `null`.
    Tier,
    /// `"device"` or `"session"`.
    StorageMode,
    List,
    Object,
    /// `#0b5563` or `#fff`.
    HexColor,
    /// A relative path on this site, such as `images/logo.png`.
    SameSitePath,
    /// `https://…` or a relative address.
    LinkAddress,
    /// An origin such as `https://www.example.org`.
    Origin,
    /// Text that is not blank.
    NotBlank,
}

/// One mistake in a settings file, with the field at fault (`colors.accent`, `links[1].url`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigProblem {
    /// Not JSON; the place is where reading stopped.
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not an object of settings.
    NotAnObject,
    /// A setting HICP Check does not have (often a typing mistake).
    UnknownField {
        field: String,
    },
    WrongValue {
        field: String,
        expected: Expected,
    },
    TooLong {
        field: String,
        max: usize,
    },
    /// The server answered the request for the file with an error status.
    HttpStatus {
        status: u16,
    },
    /// The file could not be fetched or read at all.
    Unreachable,
}

impl ConfigProblem {
    /// The field at fault, where there is one.
    pub fn field(&self) -> Option<&str> {
        match self {
            ConfigProblem::UnknownField { field }
            | ConfigProblem::WrongValue { field, .. }
            | ConfigProblem::TooLong { field, .. } => Some(field),
            _ => None,
        }
    }
}

/// What the app runs with, from what fetching the settings file gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub config: SiteConfig,
    /// Whether there is a settings file at all.
    pub found: bool,
    /// Why the file was not used; empty when it was (or when there is none).
    pub problems: Vec<ConfigProblem>,
}

impl Settings {
    /// From the server's answer: `None` for a file that is not there (HTTP 404), which means
    /// the documented defaults.
    pub fn from_file(text: Option<&str>) -> Settings {
        match text.map_or_else(|| Ok(SiteConfig::default()), SiteConfig::parse) {
            Ok(config) => Settings {
                config,
                found: text.is_some(),
                problems: Vec::new(),
            },
            Err(problems) => Settings::broken(problems),
        }
    }

    /// A settings file that cannot be used, for `problems`: the most private mode.
    pub fn broken(problems: Vec<ConfigProblem>) -> Settings {
        Settings {
            config: SiteConfig::most_private(),
            found: true,
            problems,
        }
    }
}
