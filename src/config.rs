//! A host's settings for a self-hosted copy: `hicp-check.config.json` next to `index.html`.
//! An association sets its name and logo, colours, an introduction, links to its member
//! resources, a default tier, the storage mode, and which sites may embed the app.
//!
//! Everything is checked here, so that a settings file can neither make the app request
//! another site nor inject markup or styles: colours must be hex, the logo a relative path on
//! the same site, links https or relative. Pure Rust: tested natively.

use std::fmt;

use serde::Deserialize;

use crate::domain::Tier;

/// Where answers are kept.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StorageMode {
    /// In this browser until erased (local storage).
    #[default]
    Device,
    /// In this tab only; gone when it closes (session storage).
    Session,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub label: String,
    pub url: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    #[serde(default)]
    pub accent: Option<String>,
    #[serde(default)]
    pub accent_text: Option<String>,
    #[serde(default)]
    pub ink: Option<String>,
    #[serde(default)]
    pub background: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The host organization's name, shown in the header ("Offered by ...").
    #[serde(default)]
    pub organization: String,
    /// A same-site image path, relative to index.html.
    #[serde(default)]
    pub logo: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub links: Vec<Link>,
    #[serde(default)]
    pub colors: Colors,
    #[serde(default)]
    pub default_tier: Option<Tier>,
    #[serde(default)]
    pub storage: StorageMode,
    /// Whether the person may switch the storage mode.
    #[serde(default = "yes")]
    pub storage_choice: bool,
    /// Origins allowed to embed the app and ask it to erase data; empty allows the parent
    /// page of any origin (messages are only ever accepted from the parent window).
    #[serde(default)]
    pub embed_origins: Vec<String>,
    /// A content pack of the host's own (same-site path, relative to index.html) used instead
    /// of the built-in HICP 2018 pack; see content/README.md for its fields.
    #[serde(default)]
    pub pack: String,
}

fn yes() -> bool {
    true
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
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "This site's HICP Check settings (hicp-check.config.json) were not used: {}",
            self.0
        )
    }
}

fn is_hex_color(s: &str) -> bool {
    let hex = s.strip_prefix('#').unwrap_or("x");
    matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A path on the same site: no scheme, no `//`, no backslash, no `..`.
fn is_same_site_path(s: &str) -> bool {
    !s.is_empty()
        && !s.contains(':')
        && !s.starts_with("//")
        && !s.contains('\\')
        && !s.split('/').any(|part| part == "..")
        && s.chars()
            .all(|c| !c.is_control() && c != '"' && c != '\'' && c != ' ')
}

fn is_link(s: &str) -> bool {
    s.strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace))
        || (is_same_site_path(s) && !s.starts_with('/'))
        || (s.starts_with('/') && is_same_site_path(s))
}

fn is_origin(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && s.split("://")
            .nth(1)
            .is_some_and(|host| !host.is_empty() && !host.contains('/'))
}

impl SiteConfig {
    /// Reads and checks a settings file.
    ///
    /// # Errors
    /// A [`ConfigError`] that names the field at fault; the app then runs with its defaults.
    pub fn parse(text: &str) -> Result<SiteConfig, ConfigError> {
        let c: SiteConfig = serde_json::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        let bad = |what: String| Err(ConfigError(what));
        let colors = [
            ("accent", &c.colors.accent),
            ("accent_text", &c.colors.accent_text),
            ("ink", &c.colors.ink),
            ("background", &c.colors.background),
        ];
        for (name, value) in colors {
            if let Some(v) = value {
                if !is_hex_color(v) {
                    return bad(format!(
                        "colors.{name} must be a hex colour such as #0b5563"
                    ));
                }
            }
        }
        if !c.pack.is_empty() && !is_same_site_path(&c.pack) {
            return bad("pack must be a file on this site, such as packs/our-pack.json".into());
        }
        if !c.logo.is_empty() && !is_same_site_path(&c.logo) {
            return bad("logo must be an image path on this site, such as logo.png".into());
        }
        for (i, link) in c.links.iter().enumerate() {
            if link.label.trim().is_empty() || !is_link(&link.url) {
                return bad(format!(
                    "links[{i}] needs a label and an https:// or relative address"
                ));
            }
        }
        for o in &c.embed_origins {
            if !is_origin(o) {
                return bad(format!(
                    "embed_origins: \"{o}\" is not an origin such as https://www.example.org"
                ));
            }
        }
        if c.organization.chars().count() > 120 || c.intro.chars().count() > 1000 {
            return bad("organization (120) or intro (1,000 characters) is too long".into());
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_defaults_parse() {
        let c = SiteConfig::parse(include_str!("../assets/hicp-check.config.json")).unwrap();
        assert_eq!(c, SiteConfig::default());
    }

    #[test]
    fn a_full_config_parses() {
        let c = SiteConfig::parse(
            r##"{"organization": "Ohio Medical Society", "logo": "images/oms.png",
                "intro": "For our members.", "links": [{"label": "Member help", "url": "https://oms.example/help"}],
                "colors": {"accent": "#7a1f5c"}, "default_tier": "medium", "storage": "session",
                "storage_choice": false, "embed_origins": ["https://www.oms.example"]}"##,
        )
        .unwrap();
        assert_eq!(c.default_tier, Some(Tier::Medium));
        assert_eq!(c.storage, StorageMode::Session);
        assert!(!c.storage_choice);
    }

    #[test]
    fn nothing_in_a_config_can_reach_another_site_or_inject_styles() {
        for bad in [
            r#"{"logo": "https://tracker.example/pixel.png"}"#,
            r#"{"logo": "//cdn.example/logo.png"}"#,
            r#"{"logo": "data:image/svg+xml,<svg onload=alert(1)>"}"#,
            r#"{"logo": "../../secret.png"}"#,
            r#"{"colors": {"accent": "red; background: url(https://x.example)"}}"#,
            r##"{"colors": {"accent": "#12345g"}}"##,
            r#"{"links": [{"label": "x", "url": "javascript:alert(1)"}]}"#,
            r#"{"links": [{"label": "x", "url": "http://plain.example"}]}"#,
            r#"{"embed_origins": ["*"]}"#,
            r#"{"storage": "cloud"}"#,
            r#"{"unknown": 1}"#,
        ] {
            let e = SiteConfig::parse(bad).expect_err(bad);
            assert!(
                e.to_string().starts_with("This site's HICP Check settings"),
                "{e}"
            );
        }
    }
}
