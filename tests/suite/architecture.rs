//! The shape of the code, held by a test where the compiler cannot hold it
//! (issue #20): Rust's privacy lets sibling modules see each other's public
//! items, so "no renderer imports another" and "no layer imports one above
//! it" are read here from the sources.
//!
//! - Layers: `load` → `plan` → `render` → `write`; a module names none of the
//!   layers after its own.
//! - Renderers (the modules [`loa::render::render`] runs) import what lives
//!   below them — the plan, the shared rooms of `render/` (pictures, Typst,
//!   Markdown, escaping, contexts, what an earlier renderer made) — and never
//!   another renderer.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The renderers: what `render::render` calls, in its order.
const RENDERERS: &[&str] = &["images", "leaflet", "print", "broadcast", "html", "feeds", "embed", "ics", "json", "meta", "cms", "assets", "search"];

/// What lives below the renderers in `render/`, for any of them to use.
const SHARED: &[&str] = &["bulletin", "context", "documents", "escape", "hotlines", "human", "made", "markdown", "output", "pictures", "templates", "typst", "Ctx", "Output", "Source", "Sink", "Scope", "Options", "Rendered"];

/// The source files under `dir`, with their path from `src/`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(sources(&p));
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// The code of a file without its comments (doc links name other modules
/// freely) and without its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
    text.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// The names that follow `prefix` in `code`: `prefix::a`, and each of
/// `prefix::{a, b::c}`.
fn named_after(code: &str, prefix: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let word = |s: &str| s.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect::<String>();
    for (i, _) in code.match_indices(prefix) {
        // Not the tail of a longer path (`super::super::x` read as `super::x`).
        if code[..i].ends_with("::") {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or("");
            names.extend(group.split(',').map(|n| word(n.trim())).filter(|n| !n.is_empty()));
        } else {
            let w = word(rest);
            // `super::super::x` is read by the caller with its own prefix.
            if !w.is_empty() && w != "super" {
                names.insert(w);
            }
        }
    }
    names
}

/// The modules of `render/` a file of `render/` names, with the renderer
/// the file belongs to (`None` for the shared rooms).
fn render_imports(root: &Path, file: &Path) -> (Option<String>, BTreeSet<String>) {
    let rel = file.strip_prefix(root.join("src/render")).unwrap();
    let parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().trim_end_matches(".rs").to_owned()).collect();
    let owner = parts[0].clone();
    let code = code(file);
    let mut names = named_after(&code, "crate::render::");
    // `super::` is `render::` from `render/x.rs` and `render/x/mod.rs`;
    // `super::super::` from `render/x/y.rs`.
    let top = parts.len() == 1 || (parts.len() == 2 && parts[1] == "mod");
    if top {
        names.extend(named_after(&code, "super::"));
    } else if parts.len() == 2 {
        names.extend(named_after(&code, "super::super::"));
    }
    let renderer = RENDERERS.contains(&owner.as_str()).then_some(owner);
    (renderer, names)
}

#[test]
fn no_renderer_imports_another() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut wrong = Vec::new();
    let mut checked = 0;
    for file in sources(&root.join("src/render")) {
        let (renderer, names) = render_imports(root, &file);
        for name in &names {
            let known = RENDERERS.contains(&name.as_str()) || SHARED.contains(&name.as_str()) || name == "render" || name == "self";
            assert!(known, "{}: names render::{name}, which is neither a renderer nor shared: add it to RENDERERS or SHARED in this test", file.display());
        }
        let Some(renderer) = renderer else { continue };
        checked += 1;
        for name in names.iter().filter(|n| RENDERERS.contains(&n.as_str()) && **n != renderer) {
            wrong.push(format!("{} (renderer {renderer}) imports the renderer {name}", file.strip_prefix(root).unwrap().display()));
        }
    }
    assert!(checked > 30, "only {checked} renderer files read: the test reads the wrong folder");
    assert!(wrong.is_empty(), "renderers share what lives below them, not each other:\n{}", wrong.join("\n"));
}

#[test]
fn every_module_of_render_is_a_renderer_or_shared() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut modules: Vec<String> = std::fs::read_dir(root.join("src/render")).unwrap().map(|e| e.unwrap().path().file_stem().unwrap().to_string_lossy().into_owned()).filter(|m| m != "mod").collect();
    modules.sort();
    for m in &modules {
        assert!(RENDERERS.contains(&m.as_str()) || SHARED.contains(&m.as_str()), "render/{m} is neither a renderer nor shared: say which in this test");
    }
    // And the renderers are the ones render() runs.
    let mod_rs = code(&root.join("src/render/mod.rs"));
    for r in RENDERERS {
        let runs = mod_rs.match_indices(&format!("{r}::")).any(|(i, _)| !mod_rs[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':'));
        assert!(runs, "render() does not run {r}");
    }
}

#[test]
fn no_layer_imports_one_above_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let layers = ["load", "plan", "render", "write"];
    let mut wrong = Vec::new();
    for (i, layer) in layers.iter().enumerate() {
        for file in sources(&root.join("src").join(layer)) {
            let names = named_after(&code(&file), "crate::");
            for above in &layers[i + 1..] {
                if names.contains(*above) {
                    wrong.push(format!("{} ({layer}) imports {above}", file.strip_prefix(root).unwrap().display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "load → plan → render → write, never back:\n{}", wrong.join("\n"));
}

#[test]
fn the_reader_sees_an_import_that_breaks_the_rule() {
    // The readers above find what they must, or the tests could not fail.
    let code = "use super::html::{alternates, x};\nuse crate::render::{leaflet::Leaflets, Output};\nlet a = super::super::print::PrintBox;";
    assert_eq!(named_after(code, "super::"), BTreeSet::from(["html".to_owned()]));
    assert_eq!(named_after(code, "crate::render::"), BTreeSet::from(["leaflet".to_owned(), "Output".to_owned()]));
    assert_eq!(named_after(code, "super::super::"), BTreeSet::from(["print".to_owned()]));
}

/// Every crate that runs only while compiling (a procedural macro, a build
/// script's dependency, or a crate only those use) is compiled without
/// optimisation in test builds: `Cargo.toml`'s `[profile.dev.package."*"]`
/// optimises every dependency and takes precedence over `build-override`,
/// so each such crate is named there with `opt-level = 0`. Optimising them
/// cost the tests' first compile minutes (README, "Development"); a crate a
/// new dependency brings is caught here. Read from `cargo metadata` for
/// this machine's platform (which needs only the crates a build of it
/// downloads; without `--offline`, so that a cache missing one fetches it
/// rather than failing).
#[test]
fn crates_run_only_while_compiling_are_not_optimised() {
    use std::collections::BTreeMap;
    use std::process::Command;

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let rustc = Command::new("rustc").arg("-vV").output().expect("rustc -vV");
    let host = String::from_utf8_lossy(&rustc.stdout).lines().find_map(|l| l.strip_prefix("host: ").map(str::to_owned)).expect("rustc names its host");
    let out = Command::new(cargo)
        .current_dir(root)
        .args(["metadata", "--format-version", "1", "--locked", "--filter-platform", &host])
        .output()
        .expect("cargo metadata");
    assert!(out.status.success(), "cargo metadata: {}", String::from_utf8_lossy(&out.stderr));
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let name: BTreeMap<&str, &str> = meta["packages"].as_array().unwrap().iter().map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap())).collect();
    let proc_macro: BTreeSet<&str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["targets"].as_array().unwrap().iter().any(|t| t["kind"].as_array().unwrap().iter().any(|k| k == "proc-macro")))
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let nodes: BTreeMap<&str, &serde_json::Value> = meta["resolve"]["nodes"].as_array().unwrap().iter().map(|n| (n["id"].as_str().unwrap(), n)).collect();
    // What the tests run: loa's normal and dev dependencies, not through a
    // procedural macro or a build script.
    let mut runs = BTreeSet::new();
    let mut stack = vec![meta["resolve"]["root"].as_str().expect("loa is the root")];
    while let Some(id) = stack.pop() {
        for dep in nodes[id]["deps"].as_array().unwrap() {
            let pkg = dep["pkg"].as_str().unwrap();
            let at_run_time = dep["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null() || k["kind"] == "dev");
            if at_run_time && !proc_macro.contains(pkg) && runs.insert(pkg) {
                stack.push(pkg);
            }
        }
    }
    let only_compiling: BTreeSet<&str> = nodes.keys().filter(|id| !runs.contains(**id) && name[**id] != "loa").map(|id| name[id]).collect();
    assert!(only_compiling.contains("syn") && only_compiling.contains("serde_derive"), "the reading of cargo metadata is wrong: {only_compiling:?}");
    assert!(!only_compiling.contains("serde") && !only_compiling.contains("typst-library"), "the reading of cargo metadata is wrong: {only_compiling:?}");
    let toml = std::fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let missing: Vec<&str> = only_compiling.into_iter().filter(|n| !toml.contains(&format!("[profile.dev.package.{n}]\nopt-level = 0\n"))).collect();
    assert!(missing.is_empty(), "crates that run only while compiling, optimised in test builds: add to Cargo.toml, below [profile.dev.package.\"*\"]:\n{}", missing.iter().map(|n| format!("[profile.dev.package.{n}]\nopt-level = 0\n")).collect::<String>());
}
