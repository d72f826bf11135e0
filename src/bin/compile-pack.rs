//! Compiles the built-in pack for the app: reads and validates `content/hicp-2018.json` as any
//! pack is, and writes `content/hicp-2018.compiled` (`hicp_check::content::COMPILED`), which
//! the app compiles in. Run it after changing the pack; build.rs refuses to build the app
//! until it has been.
//!
//! Usage: cargo run --bin compile-pack

use hicp_check::content::{compiled_lean, COMPILED_FROM};

fn main() {
    let out = COMPILED_FROM.replace(".json", ".compiled");
    let written = std::fs::read(COMPILED_FROM)
        .map_err(|e| format!("cannot read {COMPILED_FROM}: {e}"))
        .and_then(|source| {
            compiled_lean(&source).map_err(|e| format!("the pack does not load: {e:?}"))
        })
        .and_then(|lines| {
            std::fs::write(&out, lines).map_err(|e| format!("cannot write {out}: {e}"))
        });
    if let Err(why) = written {
        eprintln!("compile-pack: {why}");
        std::process::exit(1);
    }
    println!("compile-pack: wrote {out}");
}
