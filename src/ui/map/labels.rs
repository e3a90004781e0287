//! Names on the map set where they cover no other name and no other place: each place's name
//! tries the spots about its place (above, below, right, left, then the corners) in order of
//! importance (a state's capital before a station on the road, the larger state first), then the
//! names of regions, rivers and ranges and the roads' lengths, which keep their own spot; at the
//! zoom of the moment, a name with no free spot is hidden until the map is zoomed in far enough
//! to show it.

use bevy::prelude::*;

/// A name on the map, to be set clear of the others.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct PlaceName {
    /// Its size on screen in pixels.
    pub size: Vec2,
    /// Lower goes first.
    pub rank: u32,
    /// It keeps the spot it was drawn at (else it may move about its place).
    pub fixed: bool,
}

impl PlaceName {
    /// The name `text` at font size `px`, of `rank`, free to move about its place or not.
    pub fn new(text: &str, px: f32, rank: u32, fixed: bool) -> Self {
        PlaceName {
            size: name_size(text.chars().count(), px),
            rank,
            fixed,
        }
    }
}

/// The font size of place names, in pixels.
pub(super) const NAME_SIZE: f32 = 13.0;

/// Ranks from here on are the names that are not places' (regions, rivers, ranges, lengths).
pub(super) const OTHER_NAMES: u32 = u32::MAX - 16;

/// The size on screen of a name of `chars` characters at font size `px`: a generous average
/// glyph width, so that a name's box holds its text in any of the fonts the game uses.
pub(super) fn name_size(chars: usize, px: f32) -> Vec2 {
    Vec2::new(chars as f32 * px * 0.62 + 2.0, px * 1.25)
}

/// Half the side of the square about a place's dot that no name may cover, in pixels.
const DOT: f32 = 5.0;

/// A box on screen: its centre and half its size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Box2 {
    pub centre: Vec2,
    pub half: Vec2,
}

impl Box2 {
    /// Whether it overlaps `other`.
    pub fn overlaps(&self, other: &Box2) -> bool {
        let d = (self.centre - other.centre).abs();
        d.x < self.half.x + other.half.x && d.y < self.half.y + other.half.y
    }
}

/// The offsets, in screen pixels, at which a name of `size` may stand from its place, in the
/// order they are tried.
fn spots(size: Vec2) -> [Vec2; 8] {
    let (w, h) = (size.x / 2.0, size.y / 2.0);
    let gap = DOT + 2.0;
    [
        Vec2::new(0.0, h + gap),
        Vec2::new(0.0, -(h + gap)),
        Vec2::new(w + gap, 0.0),
        Vec2::new(-(w + gap), 0.0),
        Vec2::new(w + 2.0, h + 2.0),
        Vec2::new(-(w + 2.0), h + 2.0),
        Vec2::new(w + 2.0, -(h + 2.0)),
        Vec2::new(-(w + 2.0), -(h + 2.0)),
    ]
}

/// A name to set: where on the map it belongs, its size on screen, its rank, and the offset it
/// must keep (none: it may stand at any spot about its place).
pub(super) type Name = (Vec2, Vec2, u32, Option<Vec2>);

/// Where each name goes at `zoom` (world units a pixel): its offset from its place in screen
/// pixels, or `None` where it is hidden. Only names free to move keep clear of the places' dots.
pub(super) fn place_names(names: &[Name], zoom: f32) -> Vec<Option<Vec2>> {
    let screen: Vec<Vec2> = names.iter().map(|(at, _, _, _)| *at / zoom).collect();
    let dots: Vec<Box2> = screen
        .iter()
        .map(|&centre| Box2 {
            centre,
            half: Vec2::splat(DOT),
        })
        .collect();
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| (names[i].2, i));
    let mut placed: Vec<Box2> = Vec::new();
    let mut out = vec![None; names.len()];
    for i in order {
        let size = names[i].1;
        let fixed = names[i].3;
        let candidates = match fixed {
            Some(offset) => vec![offset],
            None => spots(size).to_vec(),
        };
        let free = candidates.into_iter().find(|offset| {
            let b = Box2 {
                centre: screen[i] + *offset,
                half: size / 2.0,
            };
            placed.iter().all(|p| !p.overlaps(&b))
                && (fixed.is_some()
                    || dots
                        .iter()
                        .enumerate()
                        .all(|(j, d)| j == i || !d.overlaps(&b)))
        });
        if let Some(offset) = free {
            placed.push(Box2 {
                centre: screen[i] + offset,
                half: size / 2.0,
            });
            out[i] = Some(offset);
        }
    }
    out
}

/// Sets the place names anew when the zoom changes or names are drawn.
pub(super) fn declutter_names(
    camera: Single<&Projection, With<Camera2d>>,
    mut names: Query<(&mut super::Label, &PlaceName, &mut Visibility)>,
    added: Query<(), Added<PlaceName>>,
    mut last_zoom: Local<f32>,
) {
    let zoom = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    if zoom == *last_zoom && added.is_empty() {
        return;
    }
    *last_zoom = zoom;
    let list: Vec<Name> = names
        .iter()
        .map(|(label, name, _)| {
            let fixed = name.fixed.then_some(label.offset);
            (label.at, name.size, name.rank, fixed)
        })
        .collect();
    let spots = place_names(&list, zoom);
    for ((mut label, _, mut visibility), spot) in names.iter_mut().zip(spots) {
        let shown = if spot.is_some() {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        if *visibility != shown {
            *visibility = shown;
        }
        if let Some(offset) = spot
            && label.offset != offset
        {
            label.offset = offset;
        }
    }
}

/// Ranks below this are states' capitals.
pub(super) const CAPITAL_RANKS: u32 = 1_000_000;

/// The rank of the place `id`'s name: a state's capital by its people (the largest first), then
/// every other place.
pub(super) fn rank(states: &[crate::scenario::types::StateDef], id: &str) -> u32 {
    states
        .iter()
        .filter(|s| s.place == id)
        .map(|s| CAPITAL_RANKS.saturating_sub(s.population.min(CAPITAL_RANKS - 1)))
        .min()
        .unwrap_or(CAPITAL_RANKS)
}

#[cfg(test)]
mod tests {
    use super::super::projection::MapProjection;
    use super::*;
    use crate::scenario::Scenario;

    /// The shipped map's names as the window sets them: (place, size, rank).
    fn shipped_names() -> Vec<Name> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let s = Scenario::load(root.join("scenarios/second_expedition_102bc.ron")).unwrap();
        let projection = MapProjection::fit(&s.map.places, 0);
        s.map
            .places
            .iter()
            .map(|p| {
                (
                    projection.at(p.lat, p.lon),
                    name_size(p.name.chars().count(), NAME_SIZE),
                    rank(&s.map.states, &p.id),
                    None,
                )
            })
            .collect()
    }

    fn boxes(names: &[Name], zoom: f32) -> (Vec<Box2>, usize) {
        let spots = place_names(names, zoom);
        let shown: Vec<Box2> = names
            .iter()
            .zip(&spots)
            .filter_map(|((at, size, _, _), spot)| {
                spot.map(|o| Box2 {
                    centre: *at / zoom + o,
                    half: *size / 2.0,
                })
            })
            .collect();
        (shown, names.len())
    }

    #[test]
    fn no_two_place_names_of_the_shipped_map_overlap_at_any_zoom() {
        let names = shipped_names();
        for zoom in [1.0, 0.7, 0.5, 0.3, 0.15] {
            let (shown, _) = boxes(&names, zoom);
            for (i, a) in shown.iter().enumerate() {
                for b in &shown[i + 1..] {
                    assert!(!a.overlaps(b), "zoom {zoom}: {a:?} and {b:?} overlap");
                }
            }
        }
    }

    #[test]
    fn at_the_default_zoom_all_but_a_few_places_are_named_and_zoomed_in_every_one() {
        let names = shipped_names();
        let spots = place_names(&names, 1.0);
        let shown = spots.iter().filter(|s| s.is_some()).count();
        assert!(
            shown * 10 >= names.len() * 9,
            "{shown} of {} named",
            names.len()
        );
        // The five largest states' capitals are named first, so always.
        let mut capitals: Vec<(u32, bool)> = names
            .iter()
            .zip(&spots)
            .filter(|((_, _, rank, _), _)| *rank < CAPITAL_RANKS)
            .map(|((_, _, rank, _), spot)| (*rank, spot.is_some()))
            .collect();
        capitals.sort();
        assert!(
            capitals.iter().take(5).all(|(_, shown)| *shown),
            "{capitals:?}"
        );
        // One step of the wheel in, every name has a spot of its own.
        let (shown, all) = boxes(&names, 0.85);
        assert_eq!(shown.len(), all, "zoomed in, every place is named");
        // The zoom a 1280×720 window opens at, the map filling the room between the panels.
        let (_, default) = super::super::projection::camera_fit(Vec2::new(1280.0, 720.0));
        let (shown, all) = boxes(&names, default);
        assert!(
            shown.len() * 10 >= all * 9,
            "{} of {all} named",
            shown.len()
        );
    }
}
