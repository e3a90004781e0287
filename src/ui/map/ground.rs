//! The map's ground, drawn once for each campaign: the map file's deserts and lakes, the ground
//! along each road and about each place by its terrain, and the names of places, features and
//! the roads' lengths (with the days between water points where a road has a waterless stretch).

use bevy::prelude::*;

use super::super::game::Campaign;
use super::super::theme::{self, UiFont};
use super::labels::{NAME_SIZE, OTHER_NAMES, PlaceName, rank};
use super::projection::MapProjection;
use super::{Label, MapItem, Pointer};
use crate::scenario::types::{FeatureKind, Terrain};
use crate::sim::ActiveScenario;
use crate::sim::map::{Place, Route};

/// The ground's colour.
pub(super) fn ground(terrain: Terrain) -> Color {
    match terrain {
        Terrain::Oasis => Color::srgba(0.35, 0.62, 0.30, 0.55),
        Terrain::RiverValley => Color::srgba(0.30, 0.58, 0.50, 0.45),
        Terrain::Steppe => Color::srgba(0.60, 0.68, 0.35, 0.35),
        Terrain::Gobi => Color::srgba(0.62, 0.55, 0.45, 0.30),
        Terrain::Desert => Color::srgba(0.93, 0.80, 0.50, 0.55),
        Terrain::Mountains | Terrain::Pass => Color::srgba(0.55, 0.42, 0.30, 0.30),
    }
}

pub(super) const WATERED: Color = Color::srgb(0.15, 0.40, 0.75);
pub(super) const DRY: Color = Color::srgb(0.80, 0.20, 0.10);
pub(super) const MOUNTAIN: Color = Color::srgb(0.42, 0.30, 0.20);
pub(super) const RIVER: Color = Color::srgba(0.2, 0.45, 0.8, 0.85);

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
pub(super) fn build_map(
    mut commands: Commands,
    campaign: Res<Campaign>,
    scenario: Option<Res<ActiveScenario>>,
    place_query: Query<&Place>,
    route_query: Query<&Route>,
    mut projection: ResMut<MapProjection>,
    font: Res<UiFont>,
    old: Query<Entity, With<MapItem>>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut camera: Single<(&mut Transform, &mut Projection), With<Camera2d>>,
    mut pointer: ResMut<Pointer>,
    window: Single<&Window, With<bevy::window::PrimaryWindow>>,
) {
    let epoch = campaign.epoch;
    let Some(scenario) = scenario.filter(|_| campaign.active) else {
        return;
    };
    if projection.epoch == epoch && !old.is_empty() {
        return;
    }
    for e in &old {
        commands.entity(e).despawn();
    }
    *projection = MapProjection::fit(&scenario.0.map.places, epoch);
    *pointer = Pointer::default();
    let (transform, proj) = &mut *camera;
    // The map fills the room between the force panel, the top bar and the log.
    let (at, scale) = super::projection::camera_fit(window.size());
    transform.translation = at;
    if let Projection::Orthographic(ortho) = &mut **proj {
        ortho.scale = scale;
    }
    let features = &scenario.0.map.features;
    let spot = |e: Entity| {
        place_query
            .get(e)
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
    for r in &route_query {
        let (a, b) = (spot(r.a), spot(r.b));
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
            PlaceName::new(&f.name, size, OTHER_NAMES, true),
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
            PlaceName::new(&f.name, 11.0, OTHER_NAMES + 1, true),
            Text2d::new(f.name.clone()),
            font.at(11.0),
            TextColor(ink),
            Transform::from_translation(at.extend(-1.0)),
        ));
    }
    // The ground about each place, and its name.
    for p in &place_query {
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
            PlaceName::new(
                &p.name,
                NAME_SIZE,
                rank(&scenario.0.map.states, &p.id),
                false,
            ),
            Text2d::new(p.name.clone()),
            font.at(NAME_SIZE),
            TextColor(theme::INK),
            Transform::from_translation(at.extend(3.0)),
        ));
    }
    // Each route's length at its middle, and the days between its water points at the
    // standard march where it has a waterless stretch.
    let stage = scenario.0.rules.standard_march_km;
    for r in &route_query {
        let (a, b) = (spot(r.a), spot(r.b));
        let dry = r.dry_days(stage).0.ceil();
        let text = if dry > 0.0 {
            format!("{:.0} km · {dry:.0} d dry", r.length)
        } else {
            format!("{:.0} km", r.length)
        };
        commands.spawn((
            MapItem,
            Label {
                at: (a + b) / 2.0,
                offset: Vec2::new(0.0, -9.0),
            },
            PlaceName::new(&text, 10.0, OTHER_NAMES + 2, true),
            Text2d::new(text),
            font.at(10.0),
            TextColor(Color::srgba(0.25, 0.18, 0.1, 0.8)),
            Transform::from_translation(((a + b) / 2.0).extend(3.0)),
        ));
    }
}
