//! Loading scenario files: reading, parsing RON with file/line/column errors, and resolving the
//! campaign's map and rules files.

use std::path::{Component, Path, PathBuf};

use super::source::{ScenarioError, SourceFile};
use super::types::{CampaignFile, MapFile, OverlayFile, Rules};
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

/// Resolves `reference` against the folder of `from`, refusing paths that leave the scenario's folder.
fn resolve(from: &SourceFile, field: &str, reference: &str) -> Result<PathBuf, ScenarioError> {
    let relative = Path::new(reference);
    let escapes = relative.is_absolute()
        || relative.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    if escapes {
        return Err(ScenarioError {
            problems: vec![from.problem_at(
                &format!("\"{reference}\""),
                field,
                format!(
                    "`{reference}` leaves the scenario's folder; give a path inside it, such as \"maps/western_regions.ron\""
                ),
            )],
        });
    }
    let dir = from.path.parent().unwrap_or(Path::new("."));
    Ok(dir.join(relative))
}

/// How deep overlays may build on overlays.
const MAX_OVERLAYS: usize = 4;

/// Whether a campaign file is an overlay: it has a top-level `overlay:` field.
fn is_overlay(text: &str) -> bool {
    text.lines()
        .map(|l| l.trim_start_matches(|c: char| c == '(' || c.is_whitespace()))
        .any(|l| l.starts_with("overlay:"))
}

/// Reads a campaign file, applying it to its base if it is an overlay. Every file read is pushed
/// onto `sources` (the file asked for first); returns the campaign and the file that names the
/// map and rules (the base-most campaign).
fn load_campaign(
    path: &Path,
    sources: &mut Vec<SourceFile>,
    depth: usize,
) -> Result<(CampaignFile, SourceFile), ScenarioError> {
    let src = SourceFile::read(path)?;
    sources.push(src.clone());
    if !is_overlay(&src.text) {
        let campaign: CampaignFile = src.parse()?;
        return Ok((campaign, src));
    }
    let overlay: OverlayFile = src.parse()?;
    if depth >= MAX_OVERLAYS {
        return Err(ScenarioError {
            problems: vec![src.problem_at(
                "overlay:",
                "overlay",
                format!(
                    "overlays build on overlays more than {MAX_OVERLAYS} deep; is there a loop?"
                ),
            )],
        });
    }
    let base_path = resolve(&src, "overlay", &overlay.overlay)?;
    let (base, base_src) = load_campaign(&base_path, sources, depth + 1)?;
    let campaign = overlay.apply(base).map_err(|i| ScenarioError {
        problems: vec![src.problem_at(
            "forces:",
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
        let (campaign, base_src) = load_campaign(path.as_ref(), &mut sources, 0)?;
        let campaign_src = sources[0].clone();
        let map_src = SourceFile::read(&resolve(&base_src, "map", &campaign.map)?)?;
        let rules_src = SourceFile::read(&resolve(&base_src, "rules", &campaign.rules)?)?;
        let map: MapFile = map_src.parse()?;
        let rules: Rules = rules_src.parse()?;

        let mut problems = validate::map(&map_src, &map);
        problems.extend(validate::rules(&rules_src, &rules));
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
