//! The build step that writes the Content-Security-Policy (scripts/postbuild.py) fails the
//! build unless index.html ends up with exactly one policy holding a hash for every inline
//! script: a build without one would ship unprotected, or with a loader that cannot run.

use std::path::Path;
use std::process::Command;
use std::{env, fs};

const SW: &str = "const VERSION = '';\nconst PRECACHE = [];\nconst ON_DEMAND = [];\n";

/// Runs the step on a folder holding `files` (name, content): its exit status, and then the
/// file `read` as it wrote it, or what it said when it failed.
fn run(name: &str, files: &[(&str, &str)], read: &str) -> (bool, String) {
    let dir = env::temp_dir().join(format!("hicp-postbuild-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for (file, content) in files {
        let path = dir.join(file);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/postbuild.py");
    let out = Command::new("python3")
        .arg(script)
        .arg(&dir)
        .output()
        .expect("python3 runs");
    let written = fs::read_to_string(dir.join(read)).unwrap();
    fs::remove_dir_all(&dir).unwrap();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        out.status.success(),
        if out.status.success() { written } else { said },
    )
}

/// Runs the step on a folder holding `index` (and a service worker): its exit status and what
/// it wrote or said.
fn postbuild(name: &str, index: &str) -> (bool, String) {
    run(name, &[("index.html", index), ("sw.js", SW)], "index.html")
}

const LOADER: &str = "<script type=\"module\">import init from './app.js'; init();</script>";

#[test]
fn a_page_as_trunk_writes_it_gets_one_policy_with_its_loader_hashed() {
    let (ok, page) = postbuild(
        "fine",
        &format!("<html><head>\n<meta charset=\"utf-8\" />\n{LOADER}</head></html>"),
    );
    assert!(ok, "{page}");
    assert_eq!(page.matches("Content-Security-Policy").count(), 1);
    assert!(page.contains("'sha256-"), "{page}");
}

#[test]
fn a_page_where_the_policy_cannot_go_fails_the_build() {
    // Minifiers write <meta charset=utf-8>: the policy had nowhere to go, and the page shipped
    // without one.
    let (ok, said) = postbuild(
        "no-meta",
        &format!("<html><head><meta charset=utf-8>{LOADER}</head></html>"),
    );
    assert!(!ok);
    assert!(
        said.contains("exactly one Content-Security-Policy"),
        "{said}"
    );
}

#[test]
fn an_inline_script_without_its_hash_fails_the_build() {
    let (ok, said) = postbuild(
        "unhashed",
        &format!(
            "<html><head>\n<meta charset=\"utf-8\" />\n{LOADER}<script>window.x = 1;</script></head></html>"
        ),
    );
    assert!(!ok);
    assert!(said.contains("no hash in its policy"), "{said}");
}

#[test]
fn the_stylesheet_goes_into_the_page_with_its_hash_in_the_policy_and_is_not_precached() {
    let css = "main{color:#123}@media print{.top{display:none}}";
    let index = format!(
        "<html><head>\n<meta charset=\"utf-8\" />\n<link rel=\"stylesheet\" href=\"./app-0123456789abcdef.css\" integrity=\"sha384-x\"/>\n{LOADER}</head></html>"
    );
    let files = [
        ("index.html", index.as_str()),
        ("sw.js", SW),
        ("app-0123456789abcdef.css", css),
    ];
    let (ok, page) = run("style", &files, "index.html");
    assert!(ok, "{page}");
    assert!(page.contains(&format!("<style>{css}</style>")), "{page}");
    assert!(!page.contains("rel=\"stylesheet\""), "{page}");
    let policy = page.split("content=\"").nth(1).unwrap();
    let style_src = policy
        .split("style-src ")
        .nth(1)
        .unwrap()
        .split(';')
        .next()
        .unwrap();
    // The hash of exactly what the <style> element holds, or browsers would not apply it.
    assert!(style_src.starts_with("'self' 'sha256-"), "{style_src}");
    let (_, sw) = run("style-sw", &files, "sw.js");
    assert!(!sw.contains(".css"), "{sw}");
}

/// Runs the step on a folder as Trunk leaves it with the package worker's `files` (name,
/// content): its exit status, and the service worker it wrote or what it said.
fn postbuild_with_worker(name: &str, files: &[(&str, &str)]) -> (bool, String) {
    let index = format!("<html><head>\n<meta charset=\"utf-8\" />\n{LOADER}</head></html>");
    let sw = format!("{SW}const ON_USE = [];\n");
    let mut all = vec![
        ("index.html", index.as_str()),
        ("sw.js", sw.as_str()),
        ("app.js", "export default function init() {}\n"),
    ];
    all.extend_from_slice(files);
    run(name, &all, "sw.js")
}

const WORKER: [(&str, &str); 3] = [
    (
        "package-worker_loader.js",
        "import init from './package-worker.js';await init();",
    ),
    (
        "package-worker.js",
        "export default async function init() { return 1; }\n",
    ),
    ("package-worker_bg.wasm", "\0asm"),
];

#[test]
fn the_package_worker_and_the_guidance_are_kept_once_used_never_precached() {
    let (ok, sw) = postbuild_with_worker("worker", &WORKER);
    assert!(ok, "{sw}");
    let line = |name: &str| {
        sw.lines()
            .find(|l| l.starts_with(&format!("const {name} = ")))
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        line("ON_USE"),
        r#"const ON_USE = ["package-worker_loader.js", "package-worker.js", "package-worker_bg.wasm", "hicp-2018-guidance.json"];"#
    );
    for kept in ["package-worker", "guidance"] {
        assert!(!line("PRECACHE").contains(kept), "{}", line("PRECACHE"));
    }
    assert!(line("PRECACHE").contains("app.js"), "{}", line("PRECACHE"));
}

#[test]
fn hicp_in_oscal_is_never_precached() {
    let (ok, sw) = postbuild_with_worker(
        "oscal",
        &[
            ("oscal/index.html", "<!DOCTYPE html>"),
            ("oscal/hicp-2018-catalog.json", "{}"),
            ("oscal/1.1.3/hicp-2018-catalog.json", "{}"),
        ],
    );
    assert!(ok, "{sw}");
    let precache = sw
        .lines()
        .find(|l| l.starts_with("const PRECACHE = "))
        .unwrap();
    assert!(precache.contains("app.js"), "{precache}");
    assert!(!precache.contains("oscal"), "{precache}");
    assert!(!sw.contains("oscal/"), "{sw}");
}

#[test]
fn a_package_worker_missing_a_file_fails_the_build() {
    let (ok, said) = postbuild_with_worker("half-worker", &WORKER[..2]);
    assert!(!ok);
    assert!(said.contains("package-worker_bg.wasm"), "{said}");
}

#[test]
fn the_guidance_file_holds_every_sub_practices_guidance_texts_as_the_pack_has_them() {
    use hicp_check::content::GUIDANCE_FIELDS;
    let index = format!("<html><head>\n<meta charset=\"utf-8\" />\n{LOADER}</head></html>");
    let sw = format!("{SW}const ON_USE = [];\n");
    let files = [("index.html", index.as_str()), ("sw.js", sw.as_str())];
    let (ok, written) = run("guidance", &files, "hicp-2018-guidance.json");
    assert!(ok, "{written}");
    let written: serde_json::Value = serde_json::from_str(&written).unwrap();
    let pack: serde_json::Value =
        serde_json::from_str(include_str!("../../content/hicp-2018.json")).unwrap();
    let subs = pack["sub_practices"].as_array().unwrap();
    assert_eq!(written.as_object().unwrap().len(), subs.len());
    for s in subs {
        let texts = written[s["id"].as_str().unwrap()].as_object().unwrap();
        assert_eq!(texts.len(), GUIDANCE_FIELDS.len(), "{}", s["id"]);
        for field in GUIDANCE_FIELDS {
            assert_eq!(texts[field], s[field], "{} {field}", s["id"]);
        }
    }
}
