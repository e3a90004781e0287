//! The corpus of broken scenarios under `tests/corpus/`: each case breaks a copy of the shipped
//! scenarios (an edit of a file, or a file of its own) and says what `validate` must answer:
//! the file, line and column, the field, and words of the message. Every case must give exactly
//! the problems it expects, and none may panic.
//!
//! A case is a `.ron` file whose first lines are comments:
//!
//! ```text
//! // What the case is about.
//! // edit: maps/western_regions.ron          (a file of the copy to change…)
//! // find: length: Km(400.0), terrain: RiverValley
//! // replace: length: Km(0.0), terrain: RiverValley
//! // write: mods/broken.ron                  (…or a file written with the case's own text)
//! // load: second_expedition_102bc.ron       (the file validated, as `validate` does; this one
//! //                                           by default)
//! // expect: maps/western_regions.ron:56:47: routes[4].length: a route of 0 km
//! ```
//!
//! `expect` names the file (relative to the copy), line, column, field and the start of the
//! message; the message only has to begin with what is written. A case may expect several.

mod common;

use std::path::{Path, PathBuf};

use heavenly_horses::scenario::any_file;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One case.
#[derive(Debug, Default)]
struct Case {
    name: String,
    edits: Vec<(String, String, String)>,
    write: Option<String>,
    body: String,
    load: Option<String>,
    expect: Vec<String>,
}

fn parse(name: &str, text: &str) -> Case {
    let mut case = Case {
        name: name.to_string(),
        ..Case::default()
    };
    let mut lines = text.lines().peekable();
    let mut edit: Option<String> = None;
    let mut find: Option<String> = None;
    while let Some(line) = lines.peek() {
        let Some(comment) = line.strip_prefix("//") else {
            break;
        };
        let comment = comment.trim_start();
        if let Some((key, value)) = comment.split_once(": ") {
            match key {
                "edit" => edit = Some(value.to_string()),
                "find" => find = Some(value.to_string()),
                "replace" => {
                    let file = edit.clone().expect("an edit names its file first");
                    let found = find.take().expect("a replace follows its find");
                    case.edits.push((file, found, value.to_string()));
                }
                "write" => case.write = Some(value.to_string()),
                "load" => case.load = Some(value.to_string()),
                "expect" => case.expect.push(value.to_string()),
                _ => {}
            }
        }
        lines.next();
    }
    case.body = lines.collect::<Vec<_>>().join("\n");
    case
}

/// What validating the case gives, as `file:line:col: field: message` lines, paths relative
/// to the copy.
fn run(case: &Case, dir: &Path) -> Vec<String> {
    let _ = std::fs::remove_dir_all(dir);
    common::copy_tree(&Path::new(ROOT).join("scenarios"), dir, &["mods"]);
    for (file, find, replace) in &case.edits {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.contains(find.as_str()),
            "{}: `{find}` is not in {file}",
            case.name
        );
        std::fs::write(&path, text.replacen(find.as_str(), replace, 1)).unwrap();
    }
    if let Some(file) = &case.write {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("{}\n", case.body)).unwrap();
    }
    let load = case
        .load
        .clone()
        .or_else(|| case.write.clone())
        .unwrap_or_else(|| "second_expedition_102bc.ron".to_string());
    let prefix = format!("{}/", dir.display());
    match any_file::check(&dir.join(load)) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .problems
            .iter()
            .map(|p| p.to_string().replace(&prefix, ""))
            .collect(),
    }
}

fn cases() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("tests/corpus"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Writes what the case gives as its expectations (`HH_BLESS=1 cargo test --test corpus`; read
/// the new lines before committing them).
fn bless(file: &Path, got: &[String]) {
    let text = std::fs::read_to_string(file).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let header_end = lines
        .iter()
        .position(|l| !l.starts_with("//"))
        .unwrap_or(lines.len());
    let mut out: Vec<String> = lines[..header_end]
        .iter()
        .filter(|l| !l.starts_with("// expect: "))
        .map(|l| l.to_string())
        .collect();
    out.extend(got.iter().map(|g| format!("// expect: {g}")));
    out.extend(lines[header_end..].iter().map(|l| l.to_string()));
    std::fs::write(file, out.join("\n") + "\n").unwrap();
}

#[test]
fn every_broken_scenario_gets_the_message_it_expects() {
    let mut failures = Vec::new();
    let files = cases();
    assert!(files.len() >= 30, "the corpus has {} cases", files.len());
    for file in files {
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        let case = parse(&name, &std::fs::read_to_string(&file).unwrap());
        let dir = std::env::temp_dir().join(format!("hh-corpus-{}-{name}", std::process::id()));
        let got = run(&case, &dir);
        let _ = std::fs::remove_dir_all(&dir);
        if std::env::var_os("HH_BLESS").is_some() {
            bless(&file, &got);
            continue;
        }
        if case.expect.is_empty() {
            failures.push(format!("{name}: the case expects nothing"));
        }
        let unmatched: Vec<&String> = case
            .expect
            .iter()
            .filter(|want| !got.iter().any(|g| g.starts_with(want.as_str())))
            .collect();
        if !unmatched.is_empty() || got.len() != case.expect.len() {
            failures.push(format!(
                "{name}:\n  expected: {:#?}\n  got: {got:#?}",
                case.expect
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
