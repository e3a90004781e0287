//! Loading scenario files: reading, parsing RON with file/line/column errors, and resolving the
//! campaign's map and rules files.

use std::path::{Component, Path, PathBuf};

use super::source::{ScenarioError, SourceFile};
use super::types::{CampaignFile, MapFile, MenuFile, OverlayFile, Rules};
use super::validate;

/// A campaign with its map and rules, parsed and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// The campaign file's path.
    pub path: PathBuf,
    /// The campaign.
    pub campaign: CampaignFile,
    /// The map it plays on.
    pub map: MapFile,
    /// The rules it plays by.
    pub rules: Rules,
    /// A hash of the three files' contents: the scenario's identity for saves and replays.
    pub hash: u64,
}

/// Resolves `reference` (a path written in `field` of `from`) against the folder of `from`: it
/// must be relative, without `..`, name a file that exists, and lead (links followed) to a file
/// inside `root`, the campaign's own folder.
pub(super) fn resolve(
    from: &SourceFile,
    field: &str,
    reference: &str,
    root: &Path,
) -> Result<PathBuf, ScenarioError> {
    let fail = |message: String| ScenarioError {
        problems: vec![from.problem(field, message)],
    };
    let relative = Path::new(reference);
    let escapes = relative.is_absolute()
        || relative.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if escapes || reference.is_empty() {
        return Err(fail(format!(
            "`{reference}` leaves the scenario's folder; give a path inside it, such as \"maps/western_regions.ron\""
        )));
    }
    let dir = from.path.parent().unwrap_or(Path::new("."));
    let path = dir.join(relative);
    let real = std::fs::canonicalize(&path).map_err(|_| {
        // The files beside the one named, to suggest the likely one.
        let folder = path.parent().unwrap_or(dir);
        let near: Vec<String> = super::files::ron_files(folder)
            .iter()
            .filter_map(|f| f.strip_prefix(dir).ok())
            .map(|f| f.to_string_lossy().replace('\\', "/"))
            .collect();
        let hint = super::source::did_you_mean(reference, near.iter().map(String::as_str))
            .map(|m| format!("; did you mean \"{m}\"?"))
            .unwrap_or_else(|| "; give a file inside the scenario's folder".to_string());
        fail(format!("there is no file `{reference}`{hint}"))
    })?;
    if !real.starts_with(root) {
        return Err(fail(format!(
            "`{reference}` leads outside the scenario's folder (to {}); give a file inside it, not a link out of it",
            real.display()
        )));
    }
    if !real.is_file() {
        // A folder (or a device, a pipe): name the RON files in it, where there are any.
        let inside: Vec<String> = super::files::ron_files(&path)
            .iter()
            .filter_map(|f| f.strip_prefix(dir).ok())
            .map(|f| format!("\"{}\"", f.to_string_lossy().replace('\\', "/")))
            .take(3)
            .collect();
        let hint = if inside.is_empty() {
            "give a RON file inside the scenario's folder".to_string()
        } else {
            format!("give one of its files, such as {}", inside.join(", "))
        };
        return Err(fail(format!(
            "`{reference}` is not a regular file (a folder, a device or a pipe); {hint}"
        )));
    }
    Ok(path)
}

/// The folder a campaign file may read from: its own, links followed.
fn root_of(path: &Path) -> Result<PathBuf, ScenarioError> {
    let real = std::fs::canonicalize(path)
        .map_err(|e| ScenarioError::one(path, "", format!("cannot read the file: {e}")))?;
    Ok(real.parent().map_or(real.clone(), Path::to_path_buf))
}

/// How deep overlays may build on overlays.
const MAX_OVERLAYS: usize = 4;

/// What a scenario file is, read from its parsed top level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// A campaign: it names its `map`.
    Campaign,
    /// An overlay of another campaign: it names the campaign it changes (`overlay`).
    Overlay,
    /// A map: it has `places`.
    Map,
    /// Rules: they have `rations`.
    Rules,
    /// A scenarios folder's menu: it has a `title`.
    Menu,
    /// Anything else, or not RON at all.
    Other,
}

impl FileKind {
    /// Whether the file is a campaign one can play (a campaign or an overlay of one).
    pub fn is_campaign(self) -> bool {
        matches!(self, FileKind::Campaign | FileKind::Overlay)
    }
}

/// What the RON text `text` is: a campaign (a top-level `map` field), an overlay (`overlay`), a
/// map (`places`), rules (`rations`), a menu (`title`), or another file.
pub fn file_kind(text: &str) -> FileKind {
    let Ok(ron::Value::Map(fields)) =
        ron::from_str::<ron::Value>(text.trim_start_matches('\u{feff}'))
    else {
        return FileKind::Other;
    };
    let has = |name: &str| fields.get(&ron::Value::String(name.to_string())).is_some();
    if has("overlay") {
        FileKind::Overlay
    } else if has("map") {
        FileKind::Campaign
    } else if has("places") {
        FileKind::Map
    } else if has("rations") {
        FileKind::Rules
    } else if has("title") {
        FileKind::Menu
    } else {
        FileKind::Other
    }
}

/// Reads a campaign file, applying it to its base if it is an overlay. Every file read is pushed
/// onto `sources` (the file asked for first); returns the campaign and the file that names the
/// map and rules (the base-most campaign).
fn load_campaign(
    path: &Path,
    root: &Path,
    sources: &mut Vec<SourceFile>,
    depth: usize,
) -> Result<(CampaignFile, SourceFile), ScenarioError> {
    let src = SourceFile::read(path)?;
    sources.push(src.clone());
    if file_kind(&src.text) != FileKind::Overlay {
        let campaign: CampaignFile = src.parse()?;
        return Ok((campaign, src));
    }
    let overlay: OverlayFile = src.parse()?;
    if depth >= MAX_OVERLAYS {
        return Err(ScenarioError {
            problems: vec![src.problem(
                "overlay",
                format!(
                    "overlays build on overlays more than {MAX_OVERLAYS} deep; is there a loop?"
                ),
            )],
        });
    }
    let base_path = resolve(&src, "overlay", &overlay.overlay, root)?;
    let (base, base_src) = load_campaign(&base_path, root, sources, depth + 1)?;
    let campaign = overlay.apply(base).map_err(|i| ScenarioError {
        problems: vec![src.problem(
            &format!("forces[{i}].force"),
            format!(
                "the base campaign has no force {}; forces are numbered from 0",
                overlay.forces[i].force
            ),
        )],
    })?;
    Ok((campaign, base_src))
}

/// FNV-1a over bytes: a stable hash, the same on every machine.
pub fn fnv1a(hash: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(hash, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The FNV-1a starting value.
pub const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

impl Scenario {
    /// Loads a campaign file, the map and rules it names, and checks them all.
    pub fn load(path: impl AsRef<Path>) -> Result<Scenario, ScenarioError> {
        let mut sources = Vec::new();
        let root = root_of(path.as_ref())?;
        let (campaign, base_src) = load_campaign(path.as_ref(), &root, &mut sources, 0)?;
        let campaign_src = sources[0].clone();
        let map_src = SourceFile::read(&resolve(&base_src, "map", &campaign.map, &root)?)?;
        let rules_src = SourceFile::read(&resolve(&base_src, "rules", &campaign.rules, &root)?)?;
        let map: MapFile = map_src.parse()?;
        let rules: Rules = rules_src.parse()?;

        let mut problems = validate::map(&map_src, &map);
        problems.extend(validate::rules(&rules_src, &rules));
        if problems.is_empty() {
            problems.extend(validate::routes_against_rules(&map_src, &map, &rules));
        }
        if problems.is_empty() {
            problems.extend(validate::campaign(&campaign_src, &campaign, &map, &rules));
        }
        if !problems.is_empty() {
            return Err(ScenarioError { problems });
        }
        let hash = sources
            .iter()
            .chain([&map_src, &rules_src])
            .fold(FNV_OFFSET, |h, src| fnv1a(h, src.text.as_bytes()));
        Ok(Scenario {
            path: campaign_src.path,
            campaign,
            map,
            rules,
            hash,
        })
    }
}

/// The menu file of a scenarios folder (`menu.ron`), if it has one.
pub fn menu(dir: &Path) -> Result<Option<MenuFile>, ScenarioError> {
    let path = dir.join("menu.ron");
    if !path.is_file() {
        return Ok(None);
    }
    SourceFile::read(&path)?.parse().map(Some)
}
