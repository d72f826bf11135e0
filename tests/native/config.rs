//! A host's settings file: every mistake is listed with its field, and a file with any
//! mistake runs the app in its most private mode, never half used.

use hicp_check::config::{ConfigProblem, Settings, SiteConfig, StorageMode, ORGANIZATION_MAX};
use hicp_check::domain::Tier;

#[test]
fn the_shipped_defaults_parse() {
    let c = SiteConfig::parse(include_str!("../../assets/hicp-check.config.json")).unwrap();
    assert_eq!(c, SiteConfig::default());
}

#[test]
fn the_self_hosting_example_parses() {
    let text = include_str!("../../examples/self-hosted/hicp-check.config.json");
    SiteConfig::parse(text).unwrap();
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
    assert!(c.parent_may_erase);
    assert_eq!(c.links[0].url, "https://oms.example/help");
    assert_eq!(c.colors.accent.as_deref(), Some("#7a1f5c"));
}

#[test]
fn nothing_in_a_config_can_reach_another_site_or_inject_styles() {
    for (bad, field) in [
        (r#"{"logo": "https://tracker.example/pixel.png"}"#, "logo"),
        (r#"{"logo": "//cdn.example/logo.png"}"#, "logo"),
        (
            r#"{"logo": "data:image/svg+xml,<svg onload=alert(1)>"}"#,
            "logo",
        ),
        (r#"{"logo": "../../secret.png"}"#, "logo"),
        (r#"{"pack": "https://other.example/pack.json"}"#, "pack"),
        (
            r#"{"colors": {"accent": "red; background: url(https://x.example)"}}"#,
            "colors.accent",
        ),
        (r##"{"colors": {"accent": "#12345g"}}"##, "colors.accent"),
        (
            r#"{"links": [{"label": "x", "url": "javascript:alert(1)"}]}"#,
            "links[0].url",
        ),
        (
            r#"{"links": [{"label": "x", "url": "http://plain.example"}]}"#,
            "links[0].url",
        ),
        (r#"{"embed_origins": ["*"]}"#, "embed_origins[0]"),
        (
            r#"{"embed_origins": ["https://a.example/path"]}"#,
            "embed_origins[0]",
        ),
        (r#"{"storage": "cloud"}"#, "storage"),
        (r#"{"unknown": 1}"#, "unknown"),
    ] {
        let problems = SiteConfig::parse(bad).expect_err(bad);
        assert_eq!(problems.len(), 1, "{bad}: {problems:?}");
        assert_eq!(problems[0].field(), Some(field), "{bad}");
    }
}

/// The issue's case: a host for shared computers mistypes one field. The file is not
/// half used, and the app runs in its most private mode, not the device-storage default.
#[test]
fn a_mistyped_field_beside_session_storage_fails_closed() {
    let s = Settings::from_file(Some(
        r##"{"storage": "session", "storage_choice": false, "colour": "#123456"}"##,
    ));
    assert_eq!(
        s.problems,
        [ConfigProblem::UnknownField {
            field: "colour".into()
        }]
    );
    let c = s.config;
    assert_eq!(c.storage, StorageMode::Session);
    assert!(!c.storage_choice && !c.parent_may_erase);
}

#[test]
fn every_mistake_is_listed_not_only_the_first() {
    let problems = SiteConfig::parse(
        r##"{"storage_choice": "no", "colors": {"accent": "blue", "border": "#000"},
            "links": [{"label": " ", "url": "ftp://x"}, 3], "organization": 7,
            "intro": "x", "default_tier": "huge", "embed_origins": "https://a.example"}"##,
    )
    .unwrap_err();
    let fields: Vec<_> = problems.iter().filter_map(ConfigProblem::field).collect();
    assert_eq!(
        fields,
        [
            "colors.border",
            "colors.accent",
            "default_tier",
            "embed_origins",
            "links[0].label",
            "links[0].url",
            "links[1]",
            "organization",
            "storage_choice",
        ]
    );
}

#[test]
fn unreadable_files_and_other_shapes_fail_closed() {
    assert_eq!(
        SiteConfig::parse("{\n  \"storage\": \"session\",\n}").unwrap_err(),
        [ConfigProblem::NotJson { line: 3, column: 1 }]
    );
    assert_eq!(
        SiteConfig::parse("[]").unwrap_err(),
        [ConfigProblem::NotAnObject]
    );
    assert_eq!(
        SiteConfig::parse(&format!(
            r#"{{"organization": "{}"}}"#,
            "x".repeat(ORGANIZATION_MAX + 1)
        ))
        .unwrap_err(),
        [ConfigProblem::TooLong {
            field: "organization".into(),
            max: ORGANIZATION_MAX
        }]
    );
    assert_eq!(Settings::from_file(None).config, SiteConfig::default());
    assert!(Settings::from_file(None).problems.is_empty());
    assert!(!Settings::from_file(None).found);
}

/// Browsers write origins in one form; an entry written otherwise still matches, and one that
/// never can is a mistake with its field.
#[test]
fn embed_origins_are_compared_as_browsers_write_origins() {
    let c = SiteConfig::parse(
        r#"{"embed_origins": ["HTTPS://WWW.Example.org:443.", "https://www.example.org.:443/",
            "http://LOCALHOST:80", "http://127.0.0.1:8080", "https://[::1]:8443"]}"#,
    );
    // The trailing dot goes with the host, before the port: "host.:443".
    assert!(c.is_err(), "{c:?}");
    let c = SiteConfig::parse(
        r#"{"embed_origins": ["HTTPS://WWW.Example.org.:443", "https://www.example.org./",
            "http://LOCALHOST:80", "http://127.0.0.1:8080", "https://[::1]:8443"]}"#,
    )
    .unwrap();
    assert_eq!(
        c.embed_origins,
        [
            "https://www.example.org",
            "https://www.example.org",
            "http://localhost",
            "http://127.0.0.1:8080",
            "https://[::1]:8443",
        ]
    );
    for never in [
        "https://www.example.org/members",
        "https://user@www.example.org",
        "https://www.example.org?x=1",
        "ftp://www.example.org",
        "https://www.example.org:99999",
        "https://www.example.org:+80",
        "https://",
        "www.example.org",
    ] {
        let problems =
            SiteConfig::parse(&format!(r#"{{"embed_origins": ["{never}"]}}"#)).expect_err(never);
        assert_eq!(
            problems,
            [ConfigProblem::WrongValue {
                field: "embed_origins[0]".into(),
                expected: hicp_check::config::Expected::Origin
            }],
            "{never}"
        );
    }
}
