//! The campaigns the menu offers: every campaign file under `scenarios/` (mod folders too), the
//! menu file's words and first picks, and the saved games in the saves folder.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::save::SaveFile;
use crate::scenario::types::MenuFile;

/// A campaign file found under `scenarios/`.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its path.
    pub path: PathBuf,
    /// The campaign's name (the file's name if it does not load).
    pub name: String,
    /// Its description.
    pub description: String,
    /// Why it does not load, if it does not.
    pub error: Option<String>,
}

/// The campaigns the menu offers, the one picked, and the seed typed.
#[derive(Resource, Debug, Default)]
pub struct Catalogue {
    /// Every campaign file found.
    pub entries: Vec<Entry>,
    /// The one picked.
    pub picked: usize,
    /// What is typed in the seed field.
    pub seed_text: String,
    /// The game's title and tagline, and the campaigns offered first (`scenarios/menu.ron`).
    pub menu: Option<MenuFile>,
    /// Why the menu file did not load, if it did not.
    pub menu_error: Option<String>,
}

impl Catalogue {
    /// The seed typed, if any.
    pub fn seed(&self) -> Option<u64> {
        self.seed_text.trim().parse().ok()
    }

    /// The campaign files under `root` (and its mod folders), sorted by path. A campaign file
    /// names a map or overlays another campaign; map and rules files are left out.
    pub fn scan(root: &Path) -> Catalogue {
        let entries = crate::scenario::files::ron_files(root)
            .into_iter()
            .filter_map(|path| {
                let source = crate::scenario::SourceFile::read(&path).ok()?;
                if !crate::scenario::load::file_kind(&source.text).is_campaign() {
                    return None;
                }
                Some(match crate::scenario::Scenario::load(&path) {
                    Ok(s) => Entry {
                        path,
                        name: s.campaign.name.clone(),
                        description: s.campaign.description.clone(),
                        error: None,
                    },
                    Err(e) => Entry {
                        name: path
                            .file_stem()
                            .map_or(String::new(), |s| s.to_string_lossy().into_owned()),
                        path,
                        description: String::new(),
                        error: Some(e.to_string()),
                    },
                })
            })
            .collect();
        let (menu, menu_error) = match crate::scenario::load::menu(root) {
            Ok(menu) => (menu, None),
            Err(e) => (None, Some(e.to_string())),
        };
        let mut catalogue = Catalogue {
            entries,
            menu,
            menu_error,
            ..default()
        };
        // The campaign the menu file offers first, or the first found.
        let first = catalogue
            .menu
            .as_ref()
            .and_then(|m| m.first.as_ref())
            .map(|f| root.join(f));
        catalogue.picked = first.and_then(|f| catalogue.position(&f)).unwrap_or(0);
        catalogue
    }

    /// The index of the campaign file at `path`.
    pub fn position(&self, path: &Path) -> Option<usize> {
        self.entries.iter().position(|e| e.path == path)
    }

    /// The two campaigns the compare screen offers first: the menu file's pair, or the first two.
    pub fn compare_pair(&self, root: &Path) -> [usize; 2] {
        let pair = self.menu.as_ref().and_then(|m| m.compare.as_ref());
        let find = |f: &String| self.position(&root.join(f));
        match pair.map(|(a, b)| (find(a), find(b))) {
            Some((Some(a), Some(b))) => [a, b],
            _ => [0, 1.min(self.entries.len().saturating_sub(1))],
        }
    }
}

pub use crate::scenario::files::scenarios_dir;

/// The saves in the saves folder, newest first: path and a line about each.
pub fn saves(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut out: Vec<(std::time::SystemTime, PathBuf, String)> = Vec::new();
    let Ok(read) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    for entry in read.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let when = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        let stem = path
            .file_stem()
            .map_or(String::new(), |s| s.to_string_lossy().into_owned());
        let line = match SaveFile::read(&path) {
            Ok(f) => format!(
                "{stem}: {}, day {}",
                Path::new(&f.scenario)
                    .file_stem()
                    .map_or(String::new(), |s| s.to_string_lossy().into_owned()),
                f.day
            ),
            Err(_) => format!("{stem} (damaged)"),
        };
        out.push((when, path, line));
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.0));
    out.into_iter().map(|(_, p, l)| (p, l)).collect()
}
