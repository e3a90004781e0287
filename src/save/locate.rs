//! Where a save's campaign is. A save names its campaign by a path relative to a scenarios
//! folder (`second_expedition_102bc.ron`, `mods/my_campaign/my_campaign.ron`), never by an
//! absolute path or one that climbs out (`..`), so a save can be moved, and cannot make the game
//! read a file outside a scenarios folder. When it is loaded, the campaign is looked for in the
//! scenarios folders a front end knows of (the one of the campaign in play, the game's own), then
//! in the `scenarios` folder beside the save's folder; the path must lead (links followed) to a
//! regular `.ron` file inside that folder.

use std::path::{Component, Path, PathBuf};

use crate::scenario::files;

/// Why a save's campaign cannot be found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Missing {
    /// The path is absolute, climbs out of the folder, or is not a campaign file.
    #[error(
        "the save names its campaign as `{0}`, which is not a campaign file inside a scenarios folder; a save may only name a `.ron` file inside one, such as \"second_expedition_102bc.ron\""
    )]
    Outside(String),
    /// No scenarios folder holds it.
    #[error(
        "the save's campaign `{name}` is in none of the scenarios folders looked in ({}); run the game from the folder that holds scenarios/, or name the folder with --scenarios", .looked.join(", ")
    )]
    NotFound {
        /// The campaign's path, as the save names it.
        name: String,
        /// The folders looked in.
        looked: Vec<String>,
    },
}

/// The folder a campaign is saved relative to, and its path there (`/` between folders): the
/// game's scenarios folder, if it holds the campaign, or else the campaign's own folder.
pub fn root_and_name(campaign: &Path) -> (PathBuf, String) {
    let game = files::scenarios_dir();
    if let (Some(real), Ok(root)) = (files::inside(&game, campaign), std::fs::canonicalize(&game))
        && let Ok(rel) = real.strip_prefix(&root)
    {
        return (game, slashed(rel));
    }
    let own = campaign
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let name = campaign
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    (own, name)
}

/// A relative path's parts joined by `/`.
fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The campaign path of a save of format `version`, checked: relative, with no `..`, a `.ron`
/// file. Saves of version 1 named the file from the folder the game ran in
/// (`scenarios/second_expedition_102bc.ron`) or absolutely: what follows the last folder called
/// `scenarios` is kept, or else the file's name.
pub fn checked(stored: &str, version: u32) -> Result<PathBuf, Missing> {
    let outside = || Missing::Outside(stored.to_string());
    let path = Path::new(stored);
    let path = if version < 2 {
        let parts: Vec<&std::ffi::OsStr> = path
            .components()
            .filter_map(|c| match c {
                Component::Normal(p) => Some(p),
                _ => None,
            })
            .collect();
        let from = parts
            .iter()
            .rposition(|p| *p == "scenarios")
            .map_or(parts.len().saturating_sub(1), |i| i + 1);
        parts[from.min(parts.len())..].iter().collect::<PathBuf>()
    } else {
        path.to_path_buf()
    };
    let plain = path.components().all(|c| matches!(c, Component::Normal(_)));
    if !plain || path.as_os_str().is_empty() || path.extension().is_none_or(|e| e != "ron") {
        return Err(outside());
    }
    Ok(path)
}

/// The campaign file `name` (checked by [`checked`]) in the first of `roots`, then of the
/// `scenarios` folder beside the folder of the save at `save`, that holds it as a regular file.
pub fn find(name: &Path, save: &Path, roots: &[PathBuf]) -> Result<PathBuf, Missing> {
    let beside = save
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("..")
        .join("scenarios");
    let mut looked = Vec::new();
    for root in roots.iter().chain([&beside]) {
        let candidate = root.join(name);
        if let Some(real) = files::inside(root, &candidate)
            && real.is_file()
        {
            return Ok(candidate);
        }
        looked.push(root.display().to_string());
    }
    Err(Missing::NotFound {
        name: slashed(name),
        looked,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_that_climbs_out_or_is_absolute_or_no_campaign_is_refused() {
        for bad in [
            "../../../../etc/passwd",
            "/etc/passwd",
            "mods/../../x.ron",
            "",
            "a/b.json",
        ] {
            assert!(matches!(checked(bad, 2), Err(Missing::Outside(_))), "{bad}");
        }
        assert_eq!(
            checked("mods/a/x.ron", 2).unwrap(),
            PathBuf::from("mods/a/x.ron")
        );
    }

    #[test]
    fn a_version_1_path_keeps_what_follows_the_scenarios_folder() {
        assert_eq!(
            checked("scenarios/second_expedition_102bc.ron", 1).unwrap(),
            PathBuf::from("second_expedition_102bc.ron")
        );
        assert_eq!(
            checked("/home/a/game/scenarios/mods/m/x.ron", 1).unwrap(),
            PathBuf::from("mods/m/x.ron")
        );
        assert_eq!(
            checked("../../../../etc/passwd.ron", 1).unwrap(),
            PathBuf::from("passwd.ron")
        );
        assert!(checked("../../../../etc/passwd", 1).is_err());
    }
}
