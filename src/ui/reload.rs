//! Hot reload: while a campaign is played, edit any RON file of its scenario (the campaign, its
//! map, its rules, or the campaign it overlays) and the game reloads it, replaying what has been
//! done so far on the new scenario. A broken edit shows the validation error (file, line,
//! column, field, what would be valid) in a red banner and keeps the last good scenario.

use std::path::Path;
use std::time::SystemTime;

use bevy::prelude::*;

use super::game::{self, Campaign};
use super::theme::{self, UiFont};
use super::{Reply, Screen, UiSystems};
use crate::scenario::Scenario;

/// The scenario files' last change seen, and the error of a broken edit.
#[derive(Resource, Debug, Default)]
pub struct Watched {
    /// The newest modification time of the scenario's files, and the game it is for.
    stamp: Option<(u64, SystemTime)>,
    /// When they were last looked at.
    checked: f32,
    /// Why the last edit did not load.
    pub error: Option<String>,
    /// Reloads done, and edits that did not load.
    pub reloads: u32,
    /// Edits that did not load.
    pub failures: u32,
}

/// The newest modification time of the `.ron` files under `dir` (links are not followed).
fn newest(dir: &Path) -> Option<SystemTime> {
    crate::scenario::files::ron_files(dir)
        .iter()
        .filter_map(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok())
        .max()
}

#[derive(Component)]
struct ReloadBanner;

/// Twice a second, looks for a change to the scenario's files, and reloads.
fn watch(world: &mut World) {
    let campaign = world.resource::<Campaign>().clone();
    let epoch = campaign.epoch;
    let Some(path) = campaign.path.clone().filter(|_| campaign.active) else {
        return;
    };
    // The campaign's folder holds its map and rules (and any campaign it overlays).
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let delta = world.resource::<Time>().delta_secs();
    let mut watched = world.resource_mut::<Watched>();
    // A new game: remember its files' time at once, nothing to reload.
    if watched.stamp.is_none_or(|(e, _)| e != epoch) {
        watched.stamp = newest(&dir).map(|t| (epoch, t));
        watched.error = None;
        watched.checked = 0.0;
        return;
    }
    watched.checked += delta;
    if watched.checked < 0.5 {
        return;
    }
    watched.checked = 0.0;
    let Some(now) = newest(&dir) else {
        return;
    };
    if watched.stamp == Some((epoch, now)) {
        return;
    }
    let reloaded = Scenario::load(&path)
        .map_err(|e| e.to_string())
        .and_then(|s| {
            game::reload(world, &s)
                .map_err(|e| format!("what was done so far no longer applies: {e}"))
        });
    match reloaded {
        Ok(()) => {
            let date = world.resource::<crate::sim::Calendar>().describe();
            let epoch = world.resource::<Campaign>().epoch;
            let mut watched = world.resource_mut::<Watched>();
            watched.stamp = Some((epoch, now));
            watched.error = None;
            watched.reloads += 1;
            world.resource_mut::<Reply>().say(format!(
                "reloaded {} and replayed the campaign to {date}",
                path.display()
            ));
        }
        Err(e) => {
            let mut watched = world.resource_mut::<Watched>();
            watched.stamp = Some((epoch, now));
            watched.failures += 1;
            watched.error = Some(format!(
                "The edited scenario did not load; playing on with the last good one.\n{e}"
            ));
        }
    }
}

fn spawn_banner(mut commands: Commands, font: Res<UiFont>) {
    commands.spawn((
        DespawnOnExit(Screen::Playing),
        ReloadBanner,
        Text::new(""),
        font.at(14.0),
        TextColor(Color::WHITE),
        BackgroundColor(theme::ERROR.with_alpha(0.92)),
        Node {
            position_type: PositionType::Absolute,
            top: px(90),
            left: px(360),
            max_width: px(760),
            padding: UiRect::all(px(8)),
            ..default()
        },
        GlobalZIndex(5),
        Visibility::Hidden,
    ));
}

fn show_banner(
    watched: Res<Watched>,
    mut banner: Single<(&mut Text, &mut Visibility), With<ReloadBanner>>,
) {
    let (text, visibility) = &mut *banner;
    match &watched.error {
        Some(e) => {
            if text.0 != *e {
                text.0 = e.clone();
            }
            **visibility = Visibility::Visible;
        }
        None => **visibility = Visibility::Hidden,
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Watched>();
    app.add_systems(OnEnter(Screen::Playing), spawn_banner);
    app.add_systems(
        Update,
        (
            watch.in_set(UiSystems::Act),
            show_banner.in_set(UiSystems::Show),
        )
            .run_if(in_state(Screen::Playing)),
    );
}
