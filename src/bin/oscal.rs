//! Writes HICP in OSCAL (`hicp_check::domain::oscal::publish`) for the built-in pack into the
//! folder given, as `oscal/...`: run at build time by scripts/postbuild.py on the built site
//! (natively, not as wasm). The same pack always gives byte-identical files.
//!
//! Usage: cargo run --bin oscal -- DIR

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: oscal DIR");
        std::process::exit(2);
    };
    let catalog = match hicp_check::content::built_in() {
        Ok(catalog) => catalog,
        Err(e) => {
            eprintln!("oscal: the built-in pack does not load: {e:?}");
            std::process::exit(1);
        }
    };
    let documents = match hicp_check::domain::oscal::publish::published(&catalog) {
        Ok(documents) => documents,
        Err(why) => {
            eprintln!("oscal: {why}");
            std::process::exit(1);
        }
    };
    for document in documents {
        let path = std::path::Path::new(&dir).join(&document.path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &document.text));
        if let Err(e) = written {
            eprintln!("oscal: cannot write {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
