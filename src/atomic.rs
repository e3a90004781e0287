//! Writing a file so that it is never seen half written, and never written through a link: the
//! bytes go to a new temporary file beside it (created exclusively, under a name no one else
//! picks, so a planted link or a second writer cannot interfere), are flushed to disk, and the
//! file is renamed over the old one; the folder is flushed too. If anything fails, the temporary
//! file is removed and the old file is left as it was.

use std::fs;
use std::io::{self, Write as _};
use std::path::Path;

/// Writes `bytes` to `path` atomically (see the module's notes).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if dir.exists() && !dir.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotADirectory,
            format!("{} is a file, not a folder", dir.display()),
        ));
    }
    fs::create_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "save".into(), |n| n.to_string_lossy().into_owned());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On failure the temporary file is dropped, and with it removed.
    tmp.persist(path).map_err(|e| e.error)?;
    sync_folder(dir)
}

/// Flushes a folder's entries (the rename) to disk, where the platform allows it.
fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        fs::File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("hh-atomic-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect()
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_not_written_through() {
        let dir = folder("link");
        let victim = dir.join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, dir.join("autosave.json.tmp")).unwrap();
        std::os::unix::fs::symlink(&victim, dir.join(".autosave.json.tmp")).unwrap();
        write(&dir.join("autosave.json"), b"{}").unwrap();
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(fs::read_to_string(dir.join("autosave.json")).unwrap(), "{}");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_file() {
        let dir = folder("fail");
        // The target is a folder: the rename fails.
        fs::create_dir_all(dir.join("save.json/inner")).unwrap();
        assert!(write(&dir.join("save.json"), b"{}").is_err());
        assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
        assert!(dir.join("save.json/inner").is_dir());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writers_at_once_each_leave_a_whole_file() {
        let dir = folder("race");
        let path = dir.join("autosave.json");
        let handles: Vec<_> = (0..8)
            .map(|i| {
                let path = path.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        write(&path, format!("{{\"writer\": {i}}}").as_bytes()).unwrap();
                    }
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap();
        }
        let text = fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("{\"writer\": ") && text.ends_with('}'),
            "{text}"
        );
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_named() {
        let dir = folder("notdir");
        fs::write(dir.join("saves"), "").unwrap();
        let e = write(&dir.join("saves/a.json"), b"{}").unwrap_err();
        assert!(e.to_string().contains("is a file, not a folder"), "{e}");
        fs::remove_dir_all(&dir).unwrap();
    }
}
