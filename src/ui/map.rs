//! The map: the scenario's places projected from their coordinates, drawn with the look of the
//! ground (the map's deserts, lakes, rivers and ranges; oases, river valleys, steppe, gobi and
//! sand along the roads; mountains and passes), the routes coloured
//! by water (blue where watered, a red dashed stretch where waterless) with their lengths, the
//! oasis states ringed by their answer to the Han, and the forces as banners that move along
//! the routes as days pass.
//!
//! Mouse: drag to pan, the wheel zooms about the pointer; hover over a place or a route for its
//! facts, click a place to keep them, click a banner to select its force. Keys: arrows or WASD
//! pan, + and − zoom, Home fits the map. Names keep their size at every zoom.

use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::math::Isometry2d;
use bevy::picking::hover::HoverMap;
use bevy::prelude::*;

use super::theme::{self, UiFont};
use super::{Current, Screen, UiAction, UiSystems};
use crate::play::Game;
use crate::scenario::types::{FeatureKind, Terrain};
use crate::sim::components::*;

/// The projection of the scenario's coordinates onto the map: longitude shrunk by the cosine of
/// the mean latitude, scaled to fit the window.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct MapProjection {
    lat0: f64,
    lon0: f64,
    cos: f64,
    scale: f32,
    /// The epoch of the game it was made for.
    epoch: u64,
}

impl MapProjection {
    /// Where a latitude and longitude fall on the map.
    pub fn at(&self, lat: f64, lon: f64) -> Vec2 {
        Vec2::new(
            ((lon - self.lon0) * self.cos) as f32 * self.scale,
            (lat - self.lat0) as f32 * self.scale,
        )
    }

    /// Where a line of (latitude, longitude) points falls on the map.
    pub fn line(&self, points: &[(f64, f64)]) -> Vec<Vec2> {
        points
            .iter()
            .map(|(lat, lon)| self.at(*lat, *lon))
            .collect()
    }

    /// Fitted to the places of `game`.
    fn fit(game: &Game, epoch: u64) -> Self {
        let places = &game.scenario.map.places;
        let (mut lat_lo, mut lat_hi, mut lon_lo, mut lon_hi) = (90.0, -90.0, 180.0, -180.0f64);
        for p in places {
            lat_lo = p.lat.min(lat_lo);
            lat_hi = p.lat.max(lat_hi);
            lon_lo = p.lon.min(lon_lo);
            lon_hi = p.lon.max(lon_hi);
        }
        let lat0 = (lat_lo + lat_hi) / 2.0;
        let cos = lat0.to_radians().cos();
        let width = ((lon_hi - lon_lo) * cos).max(0.5) as f32;
        let height = (lat_hi - lat_lo).max(0.5) as f32;
        // The map fills the middle of a 1280×720 window, between the panels.
        let scale = (760.0 / width).min(380.0 / height);
        MapProjection {
            lat0,
            lon0: (lon_lo + lon_hi) / 2.0,
            cos,
            scale,
            epoch,
        }
    }
}

/// Something drawn for the current game's map (drawn anew when the game is replaced).
#[derive(Component)]
struct MapItem;

/// A name on the map: where it is and its offset in screen pixels (kept at every zoom).
#[derive(Component, Debug, Clone, Copy)]
struct Label {
    at: Vec2,
    offset: Vec2,
}

/// A force's banner.
#[derive(Component, Debug, Clone)]
struct Banner(String);

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

/// The hover tooltip.
#[derive(Component)]
struct Tooltip;

/// The ground's colour.
fn ground(terrain: Terrain) -> Color {
    match terrain {
        Terrain::Oasis => Color::srgba(0.35, 0.62, 0.30, 0.55),
        Terrain::RiverValley => Color::srgba(0.30, 0.58, 0.50, 0.45),
        Terrain::Steppe => Color::srgba(0.60, 0.68, 0.35, 0.35),
        Terrain::Gobi => Color::srgba(0.62, 0.55, 0.45, 0.30),
        Terrain::Desert => Color::srgba(0.93, 0.80, 0.50, 0.55),
        Terrain::Mountains | Terrain::Pass => Color::srgba(0.55, 0.42, 0.30, 0.30),
    }
}

const WATERED: Color = Color::srgb(0.15, 0.40, 0.75);
const DRY: Color = Color::srgb(0.80, 0.20, 0.10);
const MOUNTAIN: Color = Color::srgb(0.42, 0.30, 0.20);
const RIVER: Color = Color::srgba(0.2, 0.45, 0.8, 0.85);

/// A filled outline, as a fan of triangles about its centre (outlines drawn on maps are near
/// enough to star-shaped for this).
fn fan(points: &[Vec2]) -> Mesh {
    use bevy::asset::RenderAssetUsages;
    use bevy::mesh::{Indices, PrimitiveTopology};
    let centre = points.iter().copied().sum::<Vec2>() / points.len() as f32;
    let mut positions = vec![[centre.x, centre.y, 0.0]];
    positions.extend(points.iter().map(|p| [p.x, p.y, 0.0]));
    let n = points.len() as u32;
    let indices: Vec<u32> = (0..n).flat_map(|i| [0, 1 + i, 1 + (i + 1) % n]).collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::default(),
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_indices(Indices::U32(indices))
}

/// Draws the ground, the places and their names for the game in play, anew whenever it is
/// replaced.
fn build_map(
    mut commands: Commands,
    mut current: NonSendMut<Current>,
    mut projection: ResMut<MapProjection>,
    font: Res<UiFont>,
    old: Query<Entity, With<MapItem>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut camera: Single<(&mut Transform, &mut Projection), With<Camera2d>>,
    mut pointer: ResMut<Pointer>,
) {
    let epoch = current.epoch;
    let Some(game) = current.game() else {
        return;
    };
    if projection.epoch == epoch && !old.is_empty() {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    *projection = MapProjection::fit(game, epoch);
    *pointer = Pointer::default();
    let (transform, proj) = &mut *camera;
    // The map sits a little right of centre and above, clear of the force panel and the log.
    transform.translation = Vec3::new(-165.0, 25.0, 0.0);
    if let Projection::Orthographic(ortho) = &mut **proj {
        ortho.scale = 1.0;
    }
    let features = &game.scenario.map.features;
    let world = game.app.world_mut();
    let places: Vec<Place> = world.query::<&Place>().iter(world).cloned().collect();
    let routes: Vec<Route> = world.query::<&Route>().iter(world).cloned().collect();
    let spot = |e: Entity, world: &World| {
        world
            .get::<Place>(e)
            .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
    };
    // One material per colour and one mesh per circle size, so that the renderer batches them.
    let mut palette: Vec<(Color, Handle<ColorMaterial>)> = Vec::new();
    let mut material = |colour: Color| {
        if let Some((_, h)) = palette.iter().find(|(c, _)| *c == colour) {
            return h.clone();
        }
        let h = materials.add(ColorMaterial::from_color(colour));
        palette.push((colour, h.clone()));
        h
    };
    let circles = [
        (16.0, meshes.add(Circle::new(16.0))),
        (22.0, meshes.add(Circle::new(22.0))),
    ];
    // The ground along each route: a broad wash in its terrain's colour.
    for r in &routes {
        let (a, b) = (spot(r.a, world), spot(r.b, world));
        let d = b - a;
        let length = d.length();
        if length < 1.0 {
            continue;
        }
        let width = match r.terrain {
            Terrain::Desert | Terrain::Gobi => 34.0,
            Terrain::Mountains | Terrain::Pass => 26.0,
            _ => 20.0,
        };
        commands.spawn((
            MapItem,
            Mesh2d(meshes.add(Rectangle::new(length, width))),
            MeshMaterial2d(material(ground(r.terrain))),
            Transform::from_translation(((a + b) / 2.0).extend(-2.0))
                .with_rotation(Quat::from_rotation_z(d.y.atan2(d.x))),
        ));
    }
    // Deserts and lakes: filled outlines, their names across them.
    for f in features {
        let points = projection.line(&f.points);
        let (colour, z, ink) = match f.kind {
            FeatureKind::Desert => (
                Color::srgba(0.93, 0.82, 0.55, 0.7),
                -3.0,
                Color::srgba(0.55, 0.40, 0.15, 0.55),
            ),
            FeatureKind::Lake => (
                Color::srgba(0.45, 0.65, 0.85, 0.9),
                -1.8,
                Color::srgba(0.1, 0.3, 0.6, 0.8),
            ),
            FeatureKind::River | FeatureKind::Mountains => continue,
        };
        if points.len() >= 3 {
            commands.spawn((
                MapItem,
                Mesh2d(meshes.add(fan(&points))),
                MeshMaterial2d(material(colour)),
                Transform::from_xyz(0.0, 0.0, z),
            ));
        }
        let centre = points.iter().copied().sum::<Vec2>() / points.len().max(1) as f32;
        let size = if f.kind == FeatureKind::Desert {
            20.0
        } else {
            11.0
        };
        commands.spawn((
            MapItem,
            Label {
                at: centre,
                offset: Vec2::ZERO,
            },
            Text2d::new(f.name.clone()),
            font.at(size),
            TextColor(ink),
            Transform::from_translation(centre.extend(-1.0)),
        ));
    }
    // Rivers and ranges: their names along them.
    for f in features {
        if !matches!(f.kind, FeatureKind::River | FeatureKind::Mountains) || f.points.len() < 2 {
            continue;
        }
        let mid = f.points.len() / 2;
        let (a, b) = (f.points[mid - 1], f.points[mid]);
        let at = (projection.at(a.0, a.1) + projection.at(b.0, b.1)) / 2.0;
        let ink = if f.kind == FeatureKind::River {
            Color::srgba(0.1, 0.3, 0.6, 0.8)
        } else {
            Color::srgba(0.40, 0.28, 0.15, 0.8)
        };
        commands.spawn((
            MapItem,
            Label {
                at,
                offset: Vec2::new(0.0, 12.0),
            },
            Text2d::new(f.name.clone()),
            font.at(11.0),
            TextColor(ink),
            Transform::from_translation(at.extend(-1.0)),
        ));
    }
    // The ground about each place, and its name.
    for p in &places {
        let at = projection.at(p.lat, p.lon);
        let radius = match p.terrain {
            Terrain::Oasis | Terrain::RiverValley => 22.0,
            _ => 16.0,
        };
        commands.spawn((
            MapItem,
            Mesh2d(
                circles
                    .iter()
                    .find(|(r, _)| *r == radius)
                    .map_or_else(|| meshes.add(Circle::new(radius)), |(_, h)| h.clone()),
            ),
            MeshMaterial2d(material(ground(p.terrain))),
            Transform::from_translation(at.extend(-1.5)),
        ));
        commands.spawn((
            MapItem,
            Label {
                at,
                offset: Vec2::new(0.0, 16.0),
            },
            Text2d::new(p.name.clone()),
            font.at(13.0),
            TextColor(theme::INK),
            Transform::from_translation(at.extend(3.0)),
        ));
    }
    // Each route's length at its middle.
    for r in &routes {
        let (a, b) = (spot(r.a, world), spot(r.b, world));
        commands.spawn((
            MapItem,
            Label {
                at: (a + b) / 2.0,
                offset: Vec2::new(0.0, -9.0),
            },
            Text2d::new(format!("{:.0} km", r.length_km)),
            font.at(10.0),
            TextColor(Color::srgba(0.25, 0.18, 0.1, 0.8)),
            Transform::from_translation(((a + b) / 2.0).extend(3.0)),
        ));
    }
}

/// Draws what changes or is drawn in lines: routes by water, mountains, rivers, the states'
/// rings, hover and pinned marks.
fn draw_lines(
    mut gizmos: Gizmos,
    mut current: NonSendMut<Current>,
    projection: Res<MapProjection>,
    pointer: Res<Pointer>,
    camera: Single<&Projection, With<Camera2d>>,
) {
    let Some(game) = current.game() else {
        return;
    };
    let zoom = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    let features = &game.scenario.map.features;
    let world = game.app.world_mut();
    let spot = |world: &World, e: Entity| {
        world
            .get::<Place>(e)
            .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
    };
    // Rivers wind, ranges raise their peaks.
    for f in features {
        let points = projection.line(&f.points);
        match f.kind {
            FeatureKind::River => {
                gizmos.linestrip_2d(points.iter().copied(), RIVER);
                gizmos.linestrip_2d(points.iter().map(|p| *p + Vec2::new(0.0, 1.0)), RIVER);
            }
            FeatureKind::Mountains => {
                for w in points.windows(2) {
                    let d = w[1] - w[0];
                    let n = (d.length() / 14.0).max(1.0) as usize;
                    for i in 0..n {
                        let c = w[0] + d * ((i as f32 + 0.5) / n as f32);
                        gizmos.linestrip_2d(
                            [
                                c + Vec2::new(-7.0, -4.0),
                                c + Vec2::new(0.0, 6.0),
                                c + Vec2::new(7.0, -4.0),
                            ],
                            MOUNTAIN,
                        );
                    }
                }
            }
            FeatureKind::Lake | FeatureKind::Desert => {}
        }
    }
    let mut routes = world.query::<(Entity, &Route)>();
    for (entity, r) in routes.iter(world) {
        let (a, b) = (spot(world, r.a), spot(world, r.b));
        let d = b - a;
        if d.length() < 1.0 {
            continue;
        }
        let normal = d.perp().normalize();
        // Mountains and passes: peaks along both sides.
        if matches!(r.terrain, Terrain::Mountains | Terrain::Pass) {
            let n = (d.length() / 18.0).max(1.0) as usize;
            for i in 0..n {
                let c = a + d * ((i as f32 + 0.5) / n as f32);
                for side in [-1.0, 1.0] {
                    let base = c + normal * side * 11.0;
                    gizmos.linestrip_2d(
                        [
                            base - d.normalize() * 5.0,
                            base + normal * side * 0.0 + Vec2::new(0.0, 7.0),
                            base + d.normalize() * 5.0,
                        ],
                        MOUNTAIN,
                    );
                }
            }
        }
        // The road: blue where watered, red dashes along the waterless stretch.
        let (from, to) = if r.length_km > 0.0 {
            (
                (r.dry_from_km / r.length_km) as f32,
                (r.dry_to_km / r.length_km) as f32,
            )
        } else {
            (0.0, 0.0)
        };
        if to > from {
            gizmos.line_2d(a, a + d * from, WATERED);
            gizmos.line_2d(a + d * to, b, WATERED);
            let dashes = ((to - from) * d.length() / 8.0).max(1.0) as usize;
            for i in (0..dashes).step_by(2) {
                let t0 = from + (to - from) * i as f32 / dashes as f32;
                let t1 = from + (to - from) * (i + 1) as f32 / dashes as f32;
                gizmos.line_2d(a + d * t0, a + d * t1, DRY);
            }
        } else {
            gizmos.line_2d(a, b, WATERED);
        }
        let marked = [pointer.hover, pointer.pinned].contains(&Some(Target::Route(entity)));
        if marked {
            gizmos.line_2d(a + normal * 3.0, b + normal * 3.0, Color::BLACK);
            gizmos.line_2d(a - normal * 3.0, b - normal * 3.0, Color::BLACK);
        }
    }
    let mut places = world.query::<(Entity, &Place)>();
    for (entity, p) in places.iter(world) {
        let at = projection.at(p.lat, p.lon);
        gizmos.circle_2d(Isometry2d::from_translation(at), 4.0, INK_DOT);
        if p.terrain == Terrain::Pass {
            // A pass: a notch between two peaks.
            gizmos.linestrip_2d(
                [
                    at + Vec2::new(-12.0, -4.0),
                    at + Vec2::new(-6.0, 6.0),
                    at + Vec2::new(0.0, 0.0),
                    at + Vec2::new(6.0, 6.0),
                    at + Vec2::new(12.0, -4.0),
                ],
                MOUNTAIN,
            );
        }
        if [pointer.hover, pointer.pinned].contains(&Some(Target::Place(entity))) {
            gizmos.circle_2d(
                Isometry2d::from_translation(at),
                14.0 * zoom.max(0.5),
                Color::BLACK,
            );
        }
    }
    let mut states = world.query::<&OasisState>();
    for s in states.iter(world) {
        let at = spot(world, s.place);
        gizmos.circle_2d(Isometry2d::from_translation(at), 9.0, state_colour(s));
        gizmos.circle_2d(Isometry2d::from_translation(at), 10.0, state_colour(s));
    }
}

/// A state's answer to the Han, in words.
fn relation_word(r: Relation) -> &'static str {
    match r {
        Relation::Unmet => "not yet met",
        Relation::Submitted => "submitted",
        Relation::Refused => "refused",
        Relation::Conquered => "conquered",
        Relation::Victorious => "beat the Han",
        Relation::Trading => "sells",
    }
}

const INK_DOT: Color = Color::srgb(0.3, 0.25, 0.2);

/// A state's ring: by its answer to the Han, or, before any, by its attitude.
fn state_colour(s: &OasisState) -> Color {
    match s.relation {
        Relation::Submitted | Relation::Conquered => Color::srgb(0.1, 0.6, 0.2),
        Relation::Refused | Relation::Victorious => Color::srgb(0.8, 0.1, 0.1),
        Relation::Trading => Color::srgb(0.8, 0.7, 0.1),
        Relation::Unmet => {
            // Unmet: from red (hostile) through grey to green (friendly).
            let a = s.attitude.clamp(-1.0, 1.0) as f32;
            if a < 0.0 {
                Color::srgb(0.5 - 0.3 * a, 0.5 + 0.3 * a, 0.5 + 0.3 * a)
            } else {
                Color::srgb(0.5 - 0.3 * a, 0.5 + 0.1 * a, 0.5 - 0.3 * a)
            }
        }
    }
}

/// Where a force stands on the map.
pub fn force_position(game: &Game, force: &Force, projection: &MapProjection) -> Vec2 {
    let world = game.app.world();
    let (lat, lon) = crate::sim::record::lat_lon(
        force.location,
        |e| world.get::<Place>(e).map(|p| (p.lat, p.lon)),
        |r| world.get::<Route>(r).map(|r| r.length_km),
    );
    projection.at(lat, lon)
}

/// The banners follow their forces; new forces (detachments) get one, merged ones lose theirs.
fn place_banners(
    mut commands: Commands,
    mut current: NonSendMut<Current>,
    projection: Res<MapProjection>,
    font: Res<UiFont>,
    mut banners: Query<(Entity, &Banner, &mut Label, &Children)>,
    mut texts: Query<&mut Text2d>,
) {
    let Some(session) = current.session.as_mut() else {
        return;
    };
    let selected = session.selected.clone();
    let game = &mut session.game;
    let forces = game.forces();
    let mut spots: Vec<(Vec2, usize)> = Vec::new();
    for v in &forces {
        let at = force_position(game, &v.force, &projection);
        // Forces at the same spot stand one above the other.
        let n = spots.iter().filter(|(p, _)| p.distance(at) < 2.0).count();
        spots.push((at, n));
    }
    for (entity, banner, mut label, children) in &mut banners {
        match forces.iter().position(|v| v.force.name == banner.0) {
            Some(i) => {
                let (at, n) = spots[i];
                let offset = Vec2::new(0.0, -26.0 - 30.0 * n as f32);
                if label.at != at || label.offset != offset {
                    label.at = at;
                    label.offset = offset;
                }
                let f = &forces[i].force;
                let mark = if f.name == selected { "▶ " } else { "" };
                for child in children.iter() {
                    if let Ok(mut text) = texts.get_mut(child) {
                        let t = format!("{mark}{} · {}", f.name, f.men.total());
                        if text.0 != t {
                            text.0 = t;
                        }
                    }
                }
            }
            None => commands.entity(entity).despawn(),
        }
    }
    for (i, v) in forces.iter().enumerate() {
        if banners.iter().any(|(_, b, _, _)| b.0 == v.force.name) {
            continue;
        }
        let colour = [
            theme::HAN_RED,
            Color::srgb(0.1, 0.3, 0.7),
            Color::srgb(0.1, 0.5, 0.2),
            Color::srgb(0.5, 0.3, 0.6),
        ][i % 4];
        let (at, n) = spots[i];
        commands
            .spawn((
                MapItem,
                Banner(v.force.name.clone()),
                Label {
                    at,
                    offset: Vec2::new(0.0, -26.0 - 30.0 * n as f32),
                },
                Sprite::from_color(colour, Vec2::new(12.0, 16.0)),
                Transform::from_translation(at.extend(4.0)),
            ))
            .with_child((
                Text2d::new(v.force.name.clone()),
                font.at(12.0),
                TextColor(colour),
                Transform::from_xyz(0.0, -14.0, 0.1),
            ));
    }
}

/// Names and banners keep their size on screen at every zoom (moved only when the zoom or the
/// label changes).
fn scale_labels(
    camera: Single<&Projection, With<Camera2d>>,
    mut labels: Query<(Ref<Label>, &mut Transform)>,
    mut last_zoom: Local<f32>,
) {
    let zoom = match *camera {
        Projection::Orthographic(o) => o.scale,
        _ => 1.0,
    };
    let zoomed = zoom != *last_zoom;
    *last_zoom = zoom;
    for (label, mut transform) in &mut labels {
        if !zoomed && !label.is_changed() {
            continue;
        }
        let at = (label.at + label.offset * zoom).extend(transform.translation.z);
        if transform.translation != at || transform.scale.x != zoom {
            transform.translation = at;
            transform.scale = Vec3::splat(zoom);
        }
    }
}

/// Pan and zoom by keys, drag and wheel; hover and click.
fn pointer_input(
    keys: Res<ButtonInput<KeyCode>>,
    mouse: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    hover_map: Option<Res<HoverMap>>,
    nodes: Query<(), With<Node>>,
    window: Single<&Window>,
    mut camera: Single<(&Camera, &GlobalTransform, &mut Transform, &mut Projection)>,
    time: Res<Time>,
    focus: Res<bevy::input_focus::InputFocus>,
    editing: Query<(), With<bevy::text::EditableText>>,
    mut pointer: ResMut<Pointer>,
    mut current: NonSendMut<Current>,
    projection: Res<MapProjection>,
    mut actions: ResMut<theme::Actions>,
) {
    let (cam, cam_global, transform, proj) = &mut *camera;
    let Projection::Orthographic(ortho) = &mut **proj else {
        return;
    };
    let typing = focus.get().is_some_and(|e| editing.contains(e));
    if !typing {
        let speed = 500.0 * time.delta_secs() * ortho.scale;
        let pan = [
            (KeyCode::ArrowLeft, KeyCode::KeyA, Vec3::NEG_X),
            (KeyCode::ArrowRight, KeyCode::KeyF, Vec3::X),
            (KeyCode::ArrowUp, KeyCode::KeyW, Vec3::Y),
            (KeyCode::ArrowDown, KeyCode::KeyS, Vec3::NEG_Y),
        ];
        for (a, b, dir) in pan {
            if keys.pressed(a) || keys.pressed(b) {
                transform.translation += dir * speed;
            }
        }
        if keys.pressed(KeyCode::Equal) || keys.pressed(KeyCode::NumpadAdd) {
            ortho.scale *= 1.0 - time.delta_secs();
        }
        if keys.pressed(KeyCode::Minus) || keys.pressed(KeyCode::NumpadSubtract) {
            ortho.scale *= 1.0 + time.delta_secs();
        }
        if keys.just_pressed(KeyCode::Home) {
            ortho.scale = 1.0;
            transform.translation = Vec3::new(-165.0, 25.0, 0.0);
        }
    }
    // Is the pointer over a panel?
    pointer.over_ui = hover_map.as_ref().is_some_and(|map| {
        map.values()
            .any(|hits| hits.keys().any(|e| nodes.contains(*e)))
    });
    let Some(cursor) = window.cursor_position() else {
        pointer.hover = None;
        return;
    };
    if !pointer.over_ui {
        // The wheel zooms about the pointer.
        let lines = match scroll.unit {
            MouseScrollUnit::Line => scroll.delta.y,
            MouseScrollUnit::Pixel => scroll.delta.y / 40.0,
        };
        if lines != 0.0
            && let Ok(before) = cam.viewport_to_world_2d(cam_global, cursor)
        {
            let factor = 0.85f32.powf(lines);
            let new_scale = (ortho.scale * factor).clamp(0.15, 6.0);
            let ratio = new_scale / ortho.scale;
            let centre = transform.translation.truncate();
            let moved = before - (before - centre) * ratio;
            transform.translation = moved.extend(transform.translation.z);
            ortho.scale = new_scale;
        }
    }
    // Drag to pan.
    if mouse.just_pressed(MouseButton::Left) {
        pointer.dragged = 0.0;
    }
    if mouse.pressed(MouseButton::Left) && !pointer.over_ui && motion.delta != Vec2::ZERO {
        pointer.dragged += motion.delta.length();
        transform.translation.x -= motion.delta.x * ortho.scale;
        transform.translation.y += motion.delta.y * ortho.scale;
    }
    // What the pointer is over.
    let Some(session) = current.session.as_mut() else {
        return;
    };
    let Ok(world_at) = cam.viewport_to_world_2d(cam_global, cursor) else {
        return;
    };
    let reach = 12.0 * ortho.scale;
    let game = &mut session.game;
    // A click on a banner selects its force.
    if mouse.just_released(MouseButton::Left) && !pointer.over_ui && pointer.dragged < 4.0 {
        let forces = game.forces();
        let near = forces.iter().find(|v| {
            force_position(game, &v.force, &projection)
                .distance(world_at - Vec2::new(0.0, -26.0 * ortho.scale))
                < reach
        });
        if let Some(v) = near {
            actions.0.push(UiAction::SelectForce(v.force.name.clone()));
        }
    }
    let world = game.world();
    let spot = |world: &World, e: Entity| {
        world
            .get::<Place>(e)
            .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
    };
    let mut best: Option<(f32, Target)> = None;
    for (e, p) in world.query::<(Entity, &Place)>().iter(world) {
        let d = projection.at(p.lat, p.lon).distance(world_at);
        if d < reach && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, Target::Place(e)));
        }
    }
    if best.is_none() {
        for (e, r) in world.query::<(Entity, &Route)>().iter(world) {
            let (a, b) = (spot(world, r.a), spot(world, r.b));
            let ab = b - a;
            let t = ((world_at - a).dot(ab) / ab.length_squared().max(1e-6)).clamp(0.0, 1.0);
            let d = (a + ab * t).distance(world_at);
            if d < reach * 0.6 && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, Target::Route(e)));
            }
        }
    }
    pointer.hover = if pointer.over_ui {
        None
    } else {
        best.map(|(_, t)| t)
    };
    if mouse.just_released(MouseButton::Left) && !pointer.over_ui && pointer.dragged < 4.0 {
        pointer.pinned = pointer.hover;
    }
}

/// The facts of a place (its ground, water and pasture; the state there) or a route (length,
/// ground, water, waterless days).
pub fn facts(game: &mut Game, target: Target) -> String {
    let rules = game.scenario.rules.clone();
    let season = game.app.world().resource::<Calendar>().season();
    let world = game.world();
    match target {
        Target::Place(e) => {
            let Some(p) = world.get::<Place>(e).cloned() else {
                return String::new();
            };
            let mut s = format!(
                "{}\n{:?}, water: {:?}; pasture {:.0} t a day",
                p.name,
                p.terrain,
                p.water,
                p.regrowth_kg / 1000.0
            );
            let mut states = world.query::<&OasisState>();
            for st in states.iter(world).filter(|st| st.place == e) {
                let (grain, _) = crate::sim::diplomacy::spare(&rules, st, season);
                s.push_str(&format!(
                    "\n{}: {} households, {} soldiers\nattitude to the Han {:+.2} ({}), Xiongnu sway {:.2}\nspare grain {:.0} t; horses {}\nwalls {:.1} outer, {:.1} inner; {}",
                    st.name,
                    st.households,
                    st.soldiers,
                    st.attitude,
                    relation_word(st.relation),
                    st.xiongnu_influence,
                    grain / 1000.0,
                    st.horses,
                    st.walls.outer,
                    st.walls.inner,
                    match st.city_water {
                        crate::scenario::types::CityWater::River => "water from a river",
                        crate::scenario::types::CityWater::Wells => "water from wells",
                    }
                ));
            }
            s
        }
        Target::Route(e) => {
            let Some(r) = world.get::<Route>(e).cloned() else {
                return String::new();
            };
            let name = |x: Entity| {
                world
                    .get::<Place>(x)
                    .map_or(String::new(), |p| p.name.clone())
            };
            let dry = r.dry_km();
            format!(
                "{} – {}\n{:.0} km, {:.1} standard days' march\n{:?}, water: {:?}\n{}",
                name(r.a),
                name(r.b),
                r.length_km,
                r.length_km / rules.standard_march_km,
                r.terrain,
                r.water,
                if dry > 0.0 {
                    format!(
                        "waterless: {dry:.0} km, {:.1} days",
                        dry / rules.standard_march_km
                    )
                } else {
                    "water all along".to_string()
                }
            )
        }
    }
}

fn spawn_tooltip(mut commands: Commands, font: Res<UiFont>) {
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
fn show_tooltip(
    pointer: Res<Pointer>,
    mut current: NonSendMut<Current>,
    projection: Res<MapProjection>,
    window: Single<&Window>,
    camera: Single<(&Camera, &GlobalTransform)>,
    ui_scale: Res<UiScale>,
    mut tooltip: Single<(&mut Text, &mut Node, &mut Visibility), With<Tooltip>>,
) {
    let (text, node, visibility) = &mut *tooltip;
    let Some(game) = current.game() else {
        **visibility = Visibility::Hidden;
        return;
    };
    let (target, at) = match (pointer.hover, window.cursor_position(), pointer.pinned) {
        (Some(t), Some(cursor), _) => (t, cursor),
        (_, _, Some(t)) => {
            // Beside the pinned place, or the middle of the pinned road.
            let world = game.app.world();
            let spot = |e: Entity| {
                world
                    .get::<Place>(e)
                    .map_or(Vec2::ZERO, |p| projection.at(p.lat, p.lon))
            };
            let on_map = match t {
                Target::Place(e) => spot(e),
                Target::Route(e) => world
                    .get::<Route>(e)
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
    let t = facts(game, target);
    if text.0 != t {
        text.0 = t;
    }
    // Node positions are in the UI's units, scaled with the window.
    node.left = px(at.x / ui_scale.0 + 16.0);
    node.top = px(at.y / ui_scale.0 + 16.0);
    **visibility = Visibility::Visible;
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<MapProjection>();
    app.init_resource::<Pointer>();
    app.add_systems(OnEnter(Screen::Playing), spawn_tooltip);
    app.add_systems(OnExit(Screen::Playing), clear_map);
    app.add_systems(
        Update,
        (
            pointer_input.in_set(UiSystems::Input),
            (
                build_map,
                place_banners,
                scale_labels,
                draw_lines,
                show_tooltip,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::Scenario;

    fn game() -> Game {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("scenarios/second_expedition_102bc.ron");
        let scenario = Scenario::load(path).unwrap();
        let seed = scenario.campaign.seed;
        Game::new(scenario, seed)
    }

    #[test]
    fn hovering_a_state_shows_its_soldiers_grain_water_and_attitude() {
        let mut game = game();
        let world = game.world();
        let (place, name) = world
            .query::<&OasisState>()
            .iter(world)
            .map(|s| (s.place, s.name.clone()))
            .next()
            .unwrap();
        let text = facts(&mut game, Target::Place(place));
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
        let mut game = game();
        let world = game.world();
        let road = world
            .query::<(Entity, &Route)>()
            .iter(world)
            .find(|(_, r)| r.dry_km() > 0.0)
            .map(|(e, _)| e)
            .unwrap();
        let text = facts(&mut game, Target::Route(road));
        assert!(text.contains(" km, "), "{text}");
        assert!(text.contains("waterless: "), "{text}");
    }
}
