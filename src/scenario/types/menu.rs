//! The menu file (`scenarios/menu.ron`): the game's title and tagline, the campaign the menu
//! offers first, and the pair the compare screen sets side by side. The code names no campaign:
//! a mod or another game changes these words here.

use serde::{Deserialize, Serialize};

/// The menu file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuFile {
    /// The game's title.
    pub title: String,
    /// A line under the title.
    #[serde(default)]
    pub tagline: String,
    /// The campaign offered first (a campaign file, relative to this file's folder).
    #[serde(default)]
    pub first: Option<String>,
    /// The two campaigns the compare screen offers first (relative to this file's folder).
    #[serde(default)]
    pub compare: Option<(String, String)>,
}
