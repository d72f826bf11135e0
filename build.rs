//! Collects the languages, as data, from `content/i18n/<language>/*.json`.
//!
//! Only English is compiled in: its string tables, and the built-in pack. Every other
//! language is a file fetched when someone chooses it (`lang/<code>.json`, written at build
//! time by scripts/postbuild.py), so an English visit downloads no other language. Each
//! language's `app.json` is compiled in too: the switch names every language in its own words
//! and can say, in that language, when it could not be loaded.
//!
//! JSON is compiled in minified.
//!
//! The built-in pack is written minified (`hicp-2018.json`), for the parts of the app that run
//! on their own and for the native tests. The app itself compiles in
//! `content/hicp-2018.compiled` (`content::COMPILED`): the pack read and validated, written by
//! `cargo run --bin compile-pack`. This build refuses to make the app from one that was made
//! from another version of the pack.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/content/stamp.rs"]
mod stamp;

const DEFAULT: &str = "en";

fn main() {
    let out_dir = PathBuf::from(env::var("OUT_DIR").unwrap());
    let root = Path::new("content/i18n");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages: Vec<_> = fs::read_dir(root)
        .expect("content/i18n exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();
    // `worker.json` holds what only the package worker says (the package's index, why a
    // package was refused), `tools.json` what only the tools part says (the results and
    // report, the blank questionnaire, working together), `packs.json` the mistakes of a
    // host's pack, which the tools part reads and words: a table of their own, so that the
    // app's wasm does not carry them.
    let mut out = String::from("pub const ENGLISH: &[(&str, &str)] = &[\n");
    let mut worker = String::from("pub const ENGLISH_WORKER: &[(&str, &str)] = &[\n");
    for file in json_files(&root.join(DEFAULT)) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let table = if ["worker.json", "tools.json", "packs.json"].contains(&name.as_str()) {
            &mut worker
        } else {
            &mut out
        };
        writeln!(table, "    ({name:?}, {:?}),", minified(&file)).unwrap();
    }
    out.push_str("];\n");
    out.push_str(&worker);
    out.push_str("];\npub const LANGUAGES: &[(&str, &str)] = &[\n");
    for code in &languages {
        let app = root.join(code).join("app.json");
        writeln!(out, "    ({code:?}, {:?}),", minified(&app)).unwrap();
    }
    out.push_str("];\n");
    fs::write(out_dir.join("i18n_tables.rs"), out).unwrap();

    let pack = Path::new("content/hicp-2018.json");
    fs::write(out_dir.join("hicp-2018.json"), minified(pack)).unwrap();
    compiled_is_fresh(pack);
}

/// Refuses to build the app (wasm) on a compiled pack made from another version of the pack
/// file; elsewhere only warns, so that `cargo run --bin compile-pack` can build to make it.
fn compiled_is_fresh(pack: &Path) {
    let compiled = pack.with_extension("compiled");
    println!("cargo:rerun-if-changed={}", compiled.display());
    let source = fs::read(pack).unwrap_or_else(|e| panic!("{}: {e}", pack.display()));
    let want = stamp::stamp(&source);
    let lines = fs::read_to_string(&compiled).unwrap_or_default();
    if lines.lines().nth(1) == Some(want.as_str()) {
        return;
    }
    let why = format!(
        "{} is not made from {} as it is now: run `cargo run --bin compile-pack`",
        compiled.display(),
        pack.display()
    );
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        panic!("{why}");
    }
    println!("cargo:warning={why}");
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
        .expect("a language folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// The file's JSON without the whitespace between tokens.
fn minified(file: &Path) -> String {
    println!("cargo:rerun-if-changed={}", file.display());
    let json = fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
