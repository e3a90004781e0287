//! Saves and replays: a save is the scenario's identity (its path and hash), the seed and every
//! action taken, as readable JSON with a version. Loading replays the actions, so a loaded game
//! is the same game, bit for bit. Files are written atomically ([`crate::atomic`]); a save names its
//! campaign relative to a scenarios folder and can only lead to a campaign inside one
//! ([`locate`]).

pub mod locate;

use std::io::Read as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use bevy::prelude::World;

use crate::play::muster::{self, Mustered};
use crate::play::{Action, Game, Played};
use crate::scenario::Scenario;
use crate::scenario::types::MusterChoice;
use crate::sim::{ActiveScenario, Calendar, Commander};

/// What the `game` field of every save holds.
pub const GAME: &str = "heavenly-horses";
/// The version of the save format this build writes. It reads this one, version 2 (without a
/// muster) and version 1 (whose campaign path was taken from the folder the game ran in).
pub const VERSION: u32 = 3;
/// The oldest version of the save format this build reads.
pub const OLDEST: u32 = 1;
/// The largest save read, in bytes.
pub const MAX_SAVE_BYTES: u64 = 256 * 1024 * 1024;

/// A save file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    /// Always [`GAME`].
    pub game: String,
    /// The save format's version.
    pub version: u32,
    /// The campaign file the game was played from, relative to its scenarios folder (see
    /// [`locate`]).
    pub scenario: String,
    /// The scenario's hash (map, rules and campaign files), in hex.
    pub scenario_hash: String,
    /// The seed.
    pub seed: u64,
    /// The campaign day when it was saved (for people; the actions are what count).
    pub day: u32,
    /// Every action, in order.
    pub actions: Vec<Action>,
    /// Who commanded: the player, or the historical plan (a game watched in the window). Saves
    /// without it are the player's.
    #[serde(default = "player")]
    pub commander: Commander,
    /// The army the player mustered, where it was not the campaign's own (version 3 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub muster: Option<MusterChoice>,
}

fn player() -> Commander {
    Commander::Player
}

/// Why a save could not be read or used.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a save of this game.
    #[error("{path} is not a Heavenly Horses save")]
    Foreign {
        /// The file.
        path: PathBuf,
    },
    /// The file is damaged (truncated, edited by hand, …).
    #[error("{path} is damaged and cannot be loaded (line {line}, column {col}: {message})")]
    Damaged {
        /// The file.
        path: PathBuf,
        /// Where the damage was found.
        line: usize,
        /// Where the damage was found.
        col: usize,
        /// What is wrong.
        message: String,
    },
    /// Saved by another version of the format.
    #[error(
        "{path} is a save of format version {found}; this game reads versions {OLDEST} to {VERSION}"
    )]
    Version {
        /// The file.
        path: PathBuf,
        /// Its version, as written.
        found: String,
    },
    /// The save's campaign is not in a scenarios folder.
    #[error("{0}")]
    Missing(#[from] locate::Missing),
    /// The scenario did not load.
    #[error("the save's scenario did not load: {0}")]
    Scenario(String),
    /// The scenario's files have changed since the save was made.
    #[error(
        "the scenario {scenario} has changed since this save was made (hash {saved}, now {now}); the replay would not be the same game"
    )]
    Changed {
        /// The campaign file.
        scenario: String,
        /// The hash in the save.
        saved: String,
        /// The hash now.
        now: String,
    },
    /// An action no longer applies.
    #[error("the replay went wrong at {0}")]
    Diverged(String),
}

/// A scenario's hash as saves write it.
pub fn hash_hex(scenario: &Scenario) -> String {
    format!("{:016x}", scenario.hash)
}

impl SaveFile {
    /// The save of the game in progress in `world`.
    pub fn of(world: &World) -> Self {
        let scenario = &world.resource::<ActiveScenario>().0;
        let played = world.resource::<Played>();
        SaveFile {
            game: GAME.to_string(),
            version: VERSION,
            scenario: locate::root_and_name(&scenario.path).1,
            scenario_hash: hash_hex(scenario),
            seed: played.seed,
            day: world.resource::<Calendar>().day,
            actions: played.actions.clone(),
            commander: *world.resource::<Commander>(),
            muster: world.get_resource::<Mustered>().map(|m| m.choice.clone()),
        }
    }

    /// Reads a save file, telling a damaged file from a foreign one. Only a regular file of at
    /// most [`MAX_SAVE_BYTES`] is read.
    pub fn read(path: &Path) -> Result<Self, SaveError> {
        let io = |source: std::io::Error| SaveError::Io {
            path: path.to_path_buf(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io)?;
        if !meta.is_file() || meta.len() > MAX_SAVE_BYTES {
            return Err(io(std::io::Error::other(format!(
                "a save is a regular file of at most {} MiB",
                MAX_SAVE_BYTES / 1024 / 1024
            ))));
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_SAVE_BYTES).read_to_end(&mut bytes))
            .map_err(io)?;
        let damaged = |e: serde_json::Error| SaveError::Damaged {
            path: path.to_path_buf(),
            line: e.line(),
            col: e.column(),
            message: e.to_string(),
        };
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(damaged)?;
        if value.get("game").and_then(|g| g.as_str()) != Some(GAME) {
            return Err(SaveError::Foreign {
                path: path.to_path_buf(),
            });
        }
        let version = value.get("version");
        let known = version
            .and_then(serde_json::Value::as_u64)
            .filter(|v| (u64::from(OLDEST)..=u64::from(VERSION)).contains(v));
        if known.is_none() {
            return Err(SaveError::Version {
                path: path.to_path_buf(),
                found: version.map_or_else(|| "(none)".to_string(), |v| v.to_string()),
            });
        }
        serde_json::from_value(value).map_err(damaged)
    }

    /// Writes the save atomically (see [`crate::atomic`]).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        let mut text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        text.push('\n');
        crate::atomic::write(path, text.as_bytes())
    }

    /// The save's scenario, checked to be the one the save was made with. `at` is where the save
    /// was read from; `roots` the scenarios folders to look in first (see [`locate::find`]).
    pub fn scenario(&self, at: &Path, roots: &[PathBuf]) -> Result<Scenario, SaveError> {
        let name = locate::checked(&self.scenario, self.version)?;
        let path = locate::find(&name, at, roots)?;
        let scenario = Scenario::load(&path).map_err(|e| SaveError::Scenario(e.to_string()))?;
        let now = hash_hex(&scenario);
        if now != self.scenario_hash {
            return Err(SaveError::Changed {
                scenario: self.scenario.clone(),
                saved: self.scenario_hash.clone(),
                now,
            });
        }
        Ok(scenario)
    }

    /// Loads the save's scenario and replays the actions in a game of its own. `at` is where the
    /// save was read from; `roots` the scenarios folders to look in first.
    pub fn restore(&self, at: &Path, roots: &[PathBuf]) -> Result<Game, SaveError> {
        let scenario = self.scenario(at, roots)?;
        let mut game = Game::commanded_by(scenario.clone(), self.seed, self.commander);
        if let Some(choice) = &self.muster {
            muster::restart(game.world(), scenario, choice.clone())
                .map_err(|why| SaveError::Diverged(format!("the muster: {why}")))?;
        }
        crate::play::replay_actions(game.world(), &self.actions).map_err(SaveError::Diverged)?;
        Ok(game)
    }

    /// Replays the save into `world` (which holds the simulation), once it has been checked to
    /// replay in a game of its own: a save that fails leaves `world` as it was. Returns the
    /// scenario.
    pub fn restore_into(
        &self,
        at: &Path,
        roots: &[PathBuf],
        world: &mut World,
    ) -> Result<Scenario, SaveError> {
        let game = self.restore(at, roots)?;
        let scenario = game.scenario().clone();
        crate::play::replay(world, &scenario, self.seed, self.commander, &self.actions)
            .map_err(SaveError::Diverged)?;
        if let Some(mustered) = game.world_ref().get_resource::<Mustered>() {
            world.insert_resource(mustered.clone());
        }
        Ok(scenario)
    }
}

/// The path of the save called `name` in `dir` (a plain name: no folders, no dots).
pub fn path_in(dir: &Path, name: &str) -> Result<PathBuf, String> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok {
        return Err(format!(
            "'{name}' is not a save name: use letters, digits, - and _"
        ));
    }
    Ok(dir.join(format!("{name}.json")))
}
