//! Finding scenario files on disk: where the game's scenarios folder is, every `.ron` file under a
//! folder (for the menu and hot reload), and whether a path stays inside a folder.
//!
//! Scans never follow links and go no deeper than [`MAX_DEPTH`] folders, so a link out of a mod
//! folder, or a loop of links, is passed over rather than followed for ever.

use std::path::{Path, PathBuf};

/// How deep below a scenarios folder the scans look.
pub const MAX_DEPTH: usize = 8;

/// The game's scenarios folder: `scenarios/` in the working folder, or beside the game's sources.
pub fn scenarios_dir() -> PathBuf {
    let here = PathBuf::from("scenarios");
    if here.is_dir() {
        here
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios")
    }
}

/// Every regular `.ron` file under `dir`, in its mod folders too, sorted by path; links (to
/// files or folders) are left out.
pub fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .follow_links(false)
        .max_depth(MAX_DEPTH)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "ron"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    files.sort();
    files
}

/// `path` (links followed) if it lies inside `root` (links followed), else none.
pub fn inside(root: &Path, path: &Path) -> Option<PathBuf> {
    let root = std::fs::canonicalize(root).ok()?;
    let real = std::fs::canonicalize(path).ok()?;
    real.starts_with(&root).then_some(real)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_passes_over_links_and_loops() {
        let dir = std::env::temp_dir().join(format!("hh-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("mods/a")).unwrap();
        std::fs::write(dir.join("one.ron"), "()").unwrap();
        std::fs::write(dir.join("mods/a/two.ron"), "()").unwrap();
        std::fs::write(dir.join("notes.txt"), "").unwrap();
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&dir, dir.join("mods/a/loop")).unwrap();
            std::os::unix::fs::symlink("/etc", dir.join("mods/etc")).unwrap();
            std::os::unix::fs::symlink(dir.join("one.ron"), dir.join("link.ron")).unwrap();
        }
        let found = ron_files(&dir);
        assert_eq!(found, vec![dir.join("mods/a/two.ron"), dir.join("one.ron")]);
        assert!(inside(&dir, &dir.join("mods/a/two.ron")).is_some());
        #[cfg(unix)]
        assert!(inside(&dir, &dir.join("mods/etc/passwd")).is_none());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
