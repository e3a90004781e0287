//! The `validate` command: checks campaign files (and every campaign and menu file under a
//! folder), each with the map, rules and campaigns it builds on, and a map, rules or menu file
//! named on its own as what it is; it lists every problem at once: file, line
//! and column, the field, what would be valid, with the line itself and a caret under the value,
//! as the Rust compiler shows its errors. `--json` gives the same as one object.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use heavenly_horses::scenario::any_file::{self, Checked as Kind};
use heavenly_horses::scenario::load::{FileKind, file_kind};
use heavenly_horses::scenario::{Problem, Scenario, SourceFile, files};

use super::output::{err, out};

/// What validating one file came to.
struct Checked {
    path: PathBuf,
    result: Result<Kind, Vec<Problem>>,
}

/// The files named: files as given, folders searched for campaign and menu files (the maps and
/// rules under a folder are checked with the campaigns that use them).
fn campaigns(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            out.extend(files::ron_files(path).into_iter().filter(|f| {
                SourceFile::read(f).is_ok_and(|s| {
                    let kind = file_kind(&s.text);
                    kind.is_campaign() || kind == FileKind::Menu
                })
            }));
        } else {
            out.push(path.clone());
        }
    }
    out
}

/// A problem as JSON: its place and words, and the rendered text.
fn problem_json(p: &Problem) -> serde_json::Value {
    let mut value = serde_json::to_value(p).unwrap_or_default();
    if let Some(map) = value.as_object_mut() {
        map.insert("rendered".into(), p.render().into());
    }
    value
}

/// Validates every campaign under `paths`, printing the result; exit code 2 if any has a problem.
pub fn run(paths: &[PathBuf], json: bool) -> ExitCode {
    let checked: Vec<Checked> = campaigns(paths)
        .into_iter()
        .map(|path| Checked {
            result: any_file::check(&path).map_err(|e| e.problems),
            path,
        })
        .collect();
    let ok = !checked.is_empty() && checked.iter().all(|c| c.result.is_ok());
    if json {
        let problems: Vec<serde_json::Value> = checked
            .iter()
            .filter_map(|c| c.result.as_ref().err())
            .flatten()
            .map(problem_json)
            .collect();
        let per_file: Vec<serde_json::Value> = checked
            .iter()
            .map(|c| {
                serde_json::json!({
                    "path": c.path,
                    "ok": c.result.is_ok(),
                    "problems": c.result.as_ref().err().map(|ps| ps.iter().map(problem_json).collect::<Vec<_>>()).unwrap_or_default(),
                })
            })
            .collect();
        let value = serde_json::json!({ "ok": ok, "problems": problems, "files": per_file });
        out(&format!("{value}\n"));
    } else {
        if checked.is_empty() {
            err(
                "error: no campaign files found (a campaign file names its map, or overlays another campaign)",
            );
        }
        for c in &checked {
            match &c.result {
                Ok(s) => out(&format!("{}\n", summary(&c.path, s))),
                Err(problems) => {
                    for p in problems {
                        err(p.render().trim_end());
                    }
                    err(&format!(
                        "{}: {} problem{}",
                        c.path.display(),
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" }
                    ));
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// The line for a file that passes.
fn summary(path: &Path, checked: &Kind) -> String {
    match checked {
        Kind::Campaign(s) => campaign_summary(path, s),
        Kind::Map(m) => format!(
            "{}: ok (a map: {} places, {} routes, {} states)",
            path.display(),
            m.places.len(),
            m.routes.len(),
            m.states.len()
        ),
        Kind::Rules(_) => format!("{}: ok (rules)", path.display()),
        Kind::Menu(m) => format!("{}: ok (the menu of '{}')", path.display(), m.title),
    }
}

/// The line for a campaign that passes.
fn campaign_summary(path: &Path, s: &Scenario) -> String {
    format!(
        "{}: ok ({} places, {} routes, {} states, {} plan steps)",
        path.display(),
        s.map.places.len(),
        s.map.routes.len(),
        s.map.states.len(),
        s.campaign.plan.len()
            + s.campaign
                .forces
                .iter()
                .filter_map(|f| f.plan.as_ref())
                .map(Vec::len)
                .sum::<usize>()
    )
}
