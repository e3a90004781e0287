//! The map: the scenario's places projected from their coordinates ([`projection`]), drawn with
//! the look of the ground ([`ground`]: the map's deserts, lakes, rivers and ranges; oases, river
//! valleys, steppe, gobi and sand along the roads; mountains and passes), the routes coloured by
//! water with their lengths and the oasis states ringed by their answer to the Han ([`lines`]),
//! the roads the selected force can take next banded by whether it can reach their far end
//! ([`reach`]),
//! and the forces as banners that move along the routes as days pass ([`banners`]), the enemy
//! in the field as dark ones ([`enemies`]). Place names
//! are set clear of each other at every zoom ([`labels`]).
//!
//! Mouse: drag to pan, the wheel zooms about the pointer; hover over a place or a route for its
//! facts ([`facts`]), click a place to keep them, click a banner to select its force
//! ([`pointer`]). Keys: arrows or WASD pan, + and − zoom, Home fits the map. Names keep their
//! size at every zoom.

mod banners;
mod enemies;
mod facts;
mod ground;
mod labels;
mod lines;
mod pointer;
mod projection;
mod reach;

use bevy::prelude::*;

use super::{Screen, UiSystems};

pub use projection::MapProjection;

/// Something drawn for the current game's map (drawn anew when the game is replaced).
#[derive(Component)]
struct MapItem;

/// A name on the map: where it is and its offset in screen pixels (kept at every zoom).
#[derive(Component, Debug, Clone, Copy)]
struct Label {
    at: Vec2,
    offset: Vec2,
}

/// What the pointer is over, or what was clicked.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// A place.
    Place(Entity),
    /// A route.
    Route(Entity),
}

/// The map's pointer: what it is over, what was clicked, and whether a drag is under way.
#[derive(Resource, Debug, Default)]
pub struct Pointer {
    /// Under the pointer.
    pub hover: Option<Target>,
    /// Clicked last (its facts stay on screen).
    pub pinned: Option<Target>,
    /// The pointer is over a panel, not the map.
    over_ui: bool,
    dragged: f32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MapProjection>();
    app.init_resource::<Pointer>();
    app.init_resource::<reach::RoadReach>();
    app.add_systems(OnEnter(Screen::Playing), facts::spawn_tooltip);
    app.add_systems(OnExit(Screen::Playing), clear_map);
    app.add_systems(
        Update,
        (
            pointer::pointer_input.in_set(UiSystems::Input),
            (
                ground::build_map,
                banners::place_banners,
                enemies::place_enemy_banners,
                labels::declutter_names,
                pointer::scale_labels,
                reach::update_reach,
                reach::label_reach,
                lines::draw_lines,
                facts::show_tooltip,
            )
                .chain()
                .in_set(UiSystems::Show),
        )
            .run_if(in_state(Screen::Playing)),
    );
}

/// Leaving the game's screen takes its map away (it is drawn anew on return).
fn clear_map(mut commands: Commands, items: Query<Entity, With<MapItem>>) {
    for e in &items {
        commands.entity(e).despawn();
    }
}
