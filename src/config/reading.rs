//! Reading a settings file: field by field, every value checked (colours, same-site paths,
//! links, origins as browsers write them), every mistake kept with its field.

use serde_json::{Map, Value};

use super::{
    Colors, ConfigProblem, Expected, Link, SiteConfig, StorageMode, INTRO_MAX, ORGANIZATION_MAX,
};
use crate::domain::Tier;

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
        || is_same_site_path(s)
}

/// An origin as browsers write it (`event.origin`, `location.ancestorOrigins`), from an entry
/// a person wrote: scheme and host in lower case, the host's trailing dot and a default port
/// dropped, a bare `/` after it allowed. `None` for an entry that can never match a page's
/// origin (another scheme, a path, a query, a user name, a port that is not one).
pub fn normal_origin(s: &str) -> Option<String> {
    let (scheme, rest) = s.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => "443",
        "http" => "80",
        _ => return None,
    };
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty() || rest.contains(['/', '?', '#', '@', '\\']) {
        return None;
    }
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(':') && !port.contains(']') => (host, Some(port)),
        _ => (rest, None),
    };
    let host = host.strip_suffix('.').unwrap_or(host).to_ascii_lowercase();
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if !host_ok {
        return None;
    }
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(p) => {
            let n: u16 = p
                .parse()
                .ok()
                .filter(|_| p.bytes().all(|b| b.is_ascii_digit()))?;
            if n.to_string() == default_port {
                Some(format!("{scheme}://{host}"))
            } else {
                Some(format!("{scheme}://{host}:{n}"))
            }
        }
    }
}

/// Collects every mistake while reading one settings file.
struct Reader {
    problems: Vec<ConfigProblem>,
}

impl Reader {
    fn wrong(&mut self, field: &str, expected: Expected) {
        self.problems.push(ConfigProblem::WrongValue {
            field: field.to_owned(),
            expected,
        });
    }

    fn text(&mut self, field: &str, v: &Value, max: Option<usize>) -> String {
        let Some(s) = v.as_str() else {
            self.wrong(field, Expected::Text);
            return String::new();
        };
        if let Some(max) = max.filter(|m| s.chars().count() > *m) {
            self.problems.push(ConfigProblem::TooLong {
                field: field.to_owned(),
                max,
            });
        }
        s.to_owned()
    }

    /// Text that must pass `ok`.
    fn checked(&mut self, field: &str, v: &Value, ok: fn(&str) -> bool, e: Expected) -> String {
        let s = self.text(field, v, None);
        if v.is_string() && !ok(&s) {
            self.wrong(field, e);
        }
        s
    }

    fn list<'v>(&mut self, field: &str, v: &'v Value) -> &'v [Value] {
        match v.as_array() {
            Some(items) => items,
            None => {
                self.wrong(field, Expected::List);
                &[]
            }
        }
    }

    fn object<'v>(
        &mut self,
        field: &str,
        v: &'v Value,
        known: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = v.as_object() else {
            self.wrong(field, Expected::Object);
            return None;
        };
        for key in map.keys().filter(|k| !known.contains(&k.as_str())) {
            self.problems.push(ConfigProblem::UnknownField {
                field: format!("{field}.{key}"),
            });
        }
        Some(map)
    }

    fn colors(&mut self, v: &Value) -> Colors {
        let mut colors = Colors::default();
        let names = ["accent", "accent_text", "ink", "background"];
        let Some(map) = self.object("colors", v, &names) else {
            return colors;
        };
        for (name, slot) in names.into_iter().zip([
            &mut colors.accent,
            &mut colors.accent_text,
            &mut colors.ink,
            &mut colors.background,
        ]) {
            match map.get(name) {
                None | Some(Value::Null) => {}
                Some(v) => {
                    let field = format!("colors.{name}");
                    *slot = Some(self.checked(&field, v, is_hex_color, Expected::HexColor));
                }
            }
        }
        colors
    }

    fn links(&mut self, v: &Value) -> Vec<Link> {
        let mut links = Vec::new();
        for (i, item) in self.list("links", v).iter().enumerate() {
            let field = format!("links[{i}]");
            let Some(map) = self.object(&field, item, &["label", "url"]) else {
                continue;
            };
            let null = Value::Null;
            let label = self.text(
                &format!("{field}.label"),
                map.get("label").unwrap_or(&null),
                None,
            );
            if map.get("label").is_some_and(Value::is_string) && label.trim().is_empty() {
                self.wrong(&format!("{field}.label"), Expected::NotBlank);
            }
            let url = self.checked(
                &format!("{field}.url"),
                map.get("url").unwrap_or(&null),
                is_link,
                Expected::LinkAddress,
            );
            links.push(Link { label, url });
        }
        links
    }

    fn set(&mut self, c: &mut SiteConfig, key: &str, v: &Value) {
        let optional_path = |s: &str| s.is_empty() || is_same_site_path(s);
        match key {
            "organization" => c.organization = self.text(key, v, Some(ORGANIZATION_MAX)),
            "logo" => c.logo = self.checked(key, v, optional_path, Expected::SameSitePath),
            "intro" => c.intro = self.text(key, v, Some(INTRO_MAX)),
            "pack" => c.pack = self.checked(key, v, optional_path, Expected::SameSitePath),
            "links" => c.links = self.links(v),
            "colors" => c.colors = self.colors(v),
            "default_tier" => match v {
                Value::Null => c.default_tier = None,
                _ => match v.as_str().and_then(Tier::from_key) {
                    Some(t) => c.default_tier = Some(t),
                    None => self.wrong(key, Expected::Tier),
                },
            },
            "storage" => match v.as_str() {
                Some("device") => c.storage = StorageMode::Device,
                Some("session") => c.storage = StorageMode::Session,
                _ => self.wrong(key, Expected::StorageMode),
            },
            "storage_choice" => match v.as_bool() {
                Some(b) => c.storage_choice = b,
                None => self.wrong(key, Expected::TrueOrFalse),
            },
            "embed_origins" => {
                let mut origins = Vec::new();
                for (i, o) in self.list(key, v).iter().enumerate() {
                    let field = format!("{key}[{i}]");
                    match o.as_str().and_then(normal_origin) {
                        Some(origin) => origins.push(origin),
                        None => self.wrong(&field, Expected::Origin),
                    }
                }
                c.embed_origins = origins;
            }
            _ => self.problems.push(ConfigProblem::UnknownField {
                field: key.to_owned(),
            }),
        }
    }
}

impl SiteConfig {
    /// Reads and checks a settings file.
    ///
    /// # Errors
    /// Every mistake in the file (settings in alphabetical order), each naming the field at fault.
    /// The app then runs with [`SiteConfig::most_private`], never with part of the file.
    pub fn parse(text: &str) -> Result<SiteConfig, Vec<ConfigProblem>> {
        let value: Value = serde_json::from_str(text).map_err(|e| {
            vec![ConfigProblem::NotJson {
                line: e.line(),
                column: e.column(),
            }]
        })?;
        let Value::Object(map) = value else {
            return Err(vec![ConfigProblem::NotAnObject]);
        };
        let mut reader = Reader {
            problems: Vec::new(),
        };
        let mut config = SiteConfig::default();
        for (key, v) in &map {
            reader.set(&mut config, key, v);
        }
        if reader.problems.is_empty() {
            Ok(config)
        } else {
            Err(reader.problems)
        }
    }
}
