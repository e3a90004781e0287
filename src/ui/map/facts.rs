//! The facts of what the pointer is over, in a tooltip beside it: a place's ground, water and
//! pasture, and the state there (households, soldiers, attitude, spare grain, horses, walls,
//! water); a road's length, standard days' march, ground, water and waterless stretch. With
//! nothing under the pointer, the facts of the place or road clicked last stay beside it.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::super::Screen;
use super::super::game::Campaign;
use super::super::theme::{self, UiFont};
use super::projection::MapProjection;
use super::{Pointer, Target};
use crate::play::text::relation_words;
use crate::scenario::types::CityWater;
use crate::sim::map::{Place, Route};
use crate::sim::state::OasisState;
use crate::sim::{ActiveScenario, Calendar};

/// The hover tooltip.
#[derive(Component)]
pub(super) struct Tooltip;

/// What the map's facts are read from.
#[derive(SystemParam)]
pub struct MapFacts<'w, 's> {
    places: Query<'w, 's, &'static Place>,
    routes: Query<'w, 's, &'static Route>,
    states: Query<'w, 's, &'static OasisState>,
    scenario: Option<Res<'w, ActiveScenario>>,
    calendar: Option<Res<'w, Calendar>>,
}

impl MapFacts<'_, '_> {
    /// The facts of a place or a route.
    pub fn of(&self, target: Target) -> String {
        let (Some(scenario), Some(calendar)) = (&self.scenario, &self.calendar) else {
            return String::new();
        };
        let rules = &scenario.0.rules;
        let world = &scenario.0.campaign.world;
        let season = calendar.season();
        match target {
            Target::Place(e) => {
                let Ok(p) = self.places.get(e) else {
                    return String::new();
                };
                let mut s = format!(
                    "{}\n{:?}, water: {:?}; pasture {:.0} t a day",
                    p.name,
                    p.terrain,
                    p.water,
                    p.regrowth.tonnes()
                );
                for st in self.states.iter().filter(|st| st.place == e) {
                    let (grain, _) = st.spare(rules, season);
                    s.push_str(&format!(
                        "\n{}: {} households, {} soldiers\nattitude to the {} {:+.2} ({}), {} sway {:.2}\nspare grain {:.0} t; horses {}\nwalls {:.1} outer, {:.1} inner; {}",
                        st.name,
                        st.households,
                        st.soldiers,
                        world.side,
                        st.attitude,
                        relation_words(st.relation, &world.side),
                        world.rival,
                        st.xiongnu_influence,
                        grain.tonnes(),
                        st.horses,
                        st.walls.outer,
                        st.walls.inner,
                        match st.city_water {
                            CityWater::River => "water from a river",
                            CityWater::Wells => "water from wells",
                        }
                    ));
                }
                s
            }
            Target::Route(e) => {
                let Ok(r) = self.routes.get(e) else {
                    return String::new();
                };
                let name = |x: Entity| self.places.get(x).map_or("", |p| p.name.as_str());
                let dry = r.dry();
                let march = rules.standard_march_km;
                format!(
                    "{} – {}\n{:.0} km, {:.1} standard days' march\n{:?}, water: {:?}\n{}",
                    name(r.a),
                    name(r.b),
                    r.length,
                    r.length / march,
                    r.terrain,
                    r.water,
                    if dry.0 > 0.0 {
                        format!("waterless: {dry:.0} km, {:.1} days", dry / march)
                    } else {
                        "water all along".to_string()
                    }
                )
            }
        }
    }
}

pub(super) fn spawn_tooltip(mut commands: Commands, font: Res<UiFont>) {
    commands.spawn((
        DespawnOnExit(Screen::Playing),
        Tooltip,
        Text::new(""),
        font.at(13.0),
        TextColor(theme::INK),
        BackgroundColor(Color::srgba(1.0, 1.0, 0.92, 0.95)),
        Node {
            position_type: PositionType::Absolute,
            padding: UiRect::all(px(6)),
            ..default()
        },
        Visibility::Hidden,
        GlobalZIndex(10),
        Pickable::IGNORE,
    ));
}

/// The tooltip beside the pointer shows what it is over; with nothing under the pointer, the
/// facts of the place or road clicked last stay beside it.
pub(super) fn show_tooltip(
    pointer: Res<Pointer>,
    campaign: Res<Campaign>,
    map_facts: MapFacts,
    projection: Res<MapProjection>,
    window: Single<&Window>,
    camera: Single<(&Camera, &GlobalTransform)>,
    ui_scale: Res<UiScale>,
    mut tooltip: Single<(&mut Text, &mut Node, &mut Visibility), With<Tooltip>>,
) {
    let (text, node, visibility) = &mut *tooltip;
    if !campaign.active {
        **visibility = Visibility::Hidden;
        return;
    }
    let (target, at) = match (pointer.hover, window.cursor_position(), pointer.pinned) {
        (Some(t), Some(cursor), _) => (t, cursor),
        (_, _, Some(t)) => {
            // Beside the pinned place, or the middle of the pinned road.
            let spot = |e: Entity| {
                map_facts
                    .places
                    .get(e)
                    .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
            };
            let on_map = match t {
                Target::Place(e) => spot(e),
                Target::Route(e) => map_facts
                    .routes
                    .get(e)
                    .map_or(Vec2::ZERO, |r| (spot(r.a) + spot(r.b)) / 2.0),
            };
            let (cam, cam_global) = *camera;
            match cam.world_to_viewport(cam_global, on_map.extend(0.0)) {
                Ok(at) => (t, at),
                Err(_) => {
                    **visibility = Visibility::Hidden;
                    return;
                }
            }
        }
        _ => {
            **visibility = Visibility::Hidden;
            return;
        }
    };
    let t = map_facts.of(target);
    if text.0 != t {
        text.0 = t;
    }
    // Node positions are in the UI's units, scaled with the window.
    node.left = px(at.x / ui_scale.0 + 16.0);
    node.top = px(at.y / ui_scale.0 + 16.0);
    **visibility = Visibility::Visible;
}

#[cfg(test)]
mod tests {
    use bevy::ecs::system::SystemState;

    use super::*;
    use crate::scenario::Scenario;

    fn world() -> World {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/second_expedition_102bc.ron");
        let scenario = Scenario::load(path).unwrap();
        let seed = scenario.campaign.seed;
        let mut game = crate::play::Game::new(scenario, seed);
        std::mem::take(game.world())
    }

    #[test]
    fn hovering_a_state_shows_its_soldiers_grain_water_and_attitude() {
        let mut world = world();
        let (place, name) = world
            .query::<&OasisState>()
            .iter(&world)
            .map(|s| (s.place, s.name.clone()))
            .next()
            .unwrap();
        let mut state = SystemState::<MapFacts>::new(&mut world);
        let text = state.get(&world).unwrap().of(Target::Place(place));
        for want in [
            name.as_str(),
            "soldiers",
            "spare grain",
            "attitude to the Han",
            "walls",
        ] {
            assert!(text.contains(want), "{want} in {text}");
        }
    }

    #[test]
    fn hovering_a_road_shows_its_length_and_waterless_days() {
        let mut world = world();
        let road = world
            .query::<(Entity, &Route)>()
            .iter(&world)
            .find(|(_, r)| r.dry().0 > 0.0)
            .map(|(e, _)| e)
            .unwrap();
        let mut state = SystemState::<MapFacts>::new(&mut world);
        let text = state.get(&world).unwrap().of(Target::Route(road));
        assert!(text.contains(" km, "), "{text}");
        assert!(text.contains("waterless: "), "{text}");
    }
}
