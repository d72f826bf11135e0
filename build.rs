//! Collects the languages, as data: every interface string table
//! (`content/i18n/<language>/*.json`) and every content translation overlay
//! (`content/<pack>.<language>.json`) is compiled in, so that a new language needs no code.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new("content/i18n");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages: Vec<_> = fs::read_dir(root)
        .expect("content/i18n exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .collect();
    languages.sort_by_key(|e| e.file_name());
    let mut out = String::from("pub const TABLES: &[(&str, &[(&str, &str)])] = &[\n");
    for lang in languages {
        println!("cargo:rerun-if-changed={}", lang.path().display());
        let code = lang.file_name().to_string_lossy().into_owned();
        let mut files: Vec<_> = fs::read_dir(lang.path())
            .expect("a language folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        writeln!(out, "    ({code:?}, &[").unwrap();
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            let abs = fs::canonicalize(&f).expect("a readable file");
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            writeln!(
                out,
                "        ({name:?}, include_str!({:?})),",
                abs.display()
            )
            .unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("i18n_tables.rs");
    fs::write(dest, out).unwrap();
    content_translations();
}

/// Every content translation overlay, `content/<pack>.<language>.json`, compiled in.
fn content_translations() {
    println!("cargo:rerun-if-changed=content");
    let mut files: Vec<_> = fs::read_dir("content")
        .expect("content exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let parts: Vec<&str> = name.split('.').collect();
            parts.len() == 3 && parts[2] == "json" && parts[1].len() == 2
        })
        .collect();
    files.sort();
    let mut out = String::from("pub const TRANSLATIONS: &[(&str, &str)] = &[\n");
    for f in files {
        println!("cargo:rerun-if-changed={}", f.display());
        let abs = fs::canonicalize(&f).expect("a readable file");
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        writeln!(out, "    ({name:?}, include_str!({:?})),", abs.display()).unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("content_translations.rs");
    fs::write(dest, out).unwrap();
}
