//! Checking one scenario file of any kind on its own, as `validate` does for a file it is given:
//! a campaign (with the map, rules and campaigns it builds on), a map, rules, or a folder's menu.

use std::path::Path;

use super::load::{FileKind, Scenario, file_kind, resolve};
use super::source::{ScenarioError, SourceFile};
use super::types::{MapFile, MenuFile, Rules};
use super::validate;

/// A file that passed, by kind.
#[derive(Debug, Clone)]
pub enum Checked {
    /// A campaign or an overlay, loaded with its map and rules.
    Campaign(Box<Scenario>),
    /// A map.
    Map(Box<MapFile>),
    /// Rules.
    Rules(Box<Rules>),
    /// A menu.
    Menu(MenuFile),
}

/// Reads the file at `path`, tells what kind it is, and checks it: every problem at once.
pub fn check(path: &Path) -> Result<Checked, ScenarioError> {
    let src = SourceFile::read(path)?;
    // A file read whole passes if nothing is wrong with it.
    let passes = |checked: Checked, problems: Vec<super::Problem>| {
        if problems.is_empty() {
            Ok(checked)
        } else {
            Err(ScenarioError { problems })
        }
    };
    match file_kind(&src.text) {
        FileKind::Map => {
            let map: MapFile = src.parse()?;
            let problems = validate::map(&src, &map);
            passes(Checked::Map(Box::new(map)), problems)
        }
        FileKind::Rules => {
            let rules: Rules = src.parse()?;
            let problems = validate::rules(&src, &rules);
            passes(Checked::Rules(Box::new(rules)), problems)
        }
        FileKind::Menu => {
            let menu: MenuFile = src.parse()?;
            let problems = menu_problems(&src, &menu);
            passes(Checked::Menu(menu), problems)
        }
        // A campaign, or a file that is nothing yet: read as a campaign, its problems say what
        // it lacks.
        FileKind::Campaign | FileKind::Overlay | FileKind::Other => {
            Scenario::load(path).map(|s| Checked::Campaign(Box::new(s)))
        }
    }
}

/// What is wrong with a menu: a campaign it offers that is not in its folder, or not a campaign.
fn menu_problems(src: &SourceFile, menu: &MenuFile) -> Vec<super::Problem> {
    let Some(root) = std::fs::canonicalize(&src.path)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
    else {
        return Vec::new();
    };
    let mut named = Vec::new();
    if let Some(first) = &menu.first {
        named.push(("first".to_string(), first));
    }
    if let Some((a, b)) = &menu.compare {
        named.push(("compare[0]".to_string(), a));
        named.push(("compare[1]".to_string(), b));
    }
    let mut problems = Vec::new();
    for (field, file) in named {
        match resolve(src, &field, file, &root) {
            Err(e) => problems.extend(e.problems),
            Ok(path) => {
                let kind = SourceFile::read(&path).map(|s| file_kind(&s.text));
                if !kind.is_ok_and(FileKind::is_campaign) {
                    problems.push(src.problem(
                        &field,
                        format!(
                            "`{file}` is not a campaign (a campaign names its `map`, or overlays another campaign); name one of the campaign files in this folder"
                        ),
                    ));
                }
            }
        }
    }
    problems
}
