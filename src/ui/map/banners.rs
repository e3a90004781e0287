//! The forces as banners on the map, sized by their men, each with its name and a small ledger
//! of the men it lost on the last day, by cause: they follow their forces along the roads as
//! days pass; detachments get one of their own, merged forces lose theirs. Moved only when a
//! force moves or changes, or a day passes.

use bevy::prelude::*;

use super::super::game::Campaign;
use super::super::theme::{self, UiFont};
use super::projection::MapProjection;
use super::{Label, MapItem};
use crate::play::view;
use crate::sim::Calendar;
use crate::sim::force::{Column, Force, Standing};
use crate::sim::log::Chronicle;
use crate::sim::map::{Location, Place, Route, lat_lon};

/// A force's banner.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct Banner(pub Entity);

/// The name under a banner.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct BannerName;

/// The small ledger under a banner: the men its force lost on the last day, by cause.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct BannerLosses;

/// A banner's size for a force of `men`: from a small flag for a party to a large one for an
/// army of tens of thousands (its area grows with the men).
pub(super) fn banner_size(men: u32) -> Vec2 {
    let side = (6.0 + 4.0 * (men as f32 / 1000.0).sqrt()).clamp(8.0, 36.0);
    Vec2::new(side * 0.75, side)
}

/// Where a location stands on the map.
pub(super) fn position(
    location: Location,
    places: &Query<&Place>,
    routes: &Query<&Route>,
    projection: &MapProjection,
) -> Vec2 {
    let (lat, lon) = lat_lon(
        location,
        |e| places.get(e).ok().map(|p| (p.lat, p.lon)),
        |r| routes.get(r).ok().map(|r| r.length),
    );
    projection.at(lat, lon)
}

/// The banners follow their forces; new forces (detachments) get one, merged ones lose theirs.
pub(super) fn place_banners(
    mut commands: Commands,
    campaign: Res<Campaign>,
    forces: Query<(Entity, &Force, &Column, &Location, &Standing)>,
    changed: Query<(), Or<(Changed<Location>, Changed<Column>, Changed<Standing>)>>,
    places: Query<&Place>,
    routes: Query<&Route>,
    projection: Res<MapProjection>,
    font: Res<UiFont>,
    mut banners: Query<(Entity, &Banner, &mut Label, &mut Sprite, &Children)>,
    mut names: Query<&mut Text2d, (With<BannerName>, Without<BannerLosses>)>,
    mut ledgers: Query<&mut Text2d, (With<BannerLosses>, Without<BannerName>)>,
    chronicle: Option<Res<Chronicle>>,
    calendar: Option<Res<Calendar>>,
) {
    if !campaign.active {
        return;
    }
    let new_day = calendar.as_ref().is_some_and(|c| c.is_changed());
    if !campaign.is_changed() && !projection.is_changed() && changed.is_empty() && !new_day {
        return;
    }
    let yesterday = calendar.as_ref().map_or(0, |c| c.day.saturating_sub(1));
    let mut field: Vec<(u32, Entity, &Force, &Column, Location)> = forces
        .iter()
        .filter(|(_, _, c, _, s)| !s.merged && c.men.total() > 0)
        .map(|(e, f, c, l, _)| (f.raised, e, f, c, *l))
        .collect();
    field.sort_by_key(|x| x.0);
    let mut spots: Vec<(Vec2, usize)> = Vec::new();
    for (_, _, _, _, location) in &field {
        let at = position(*location, &places, &routes, &projection);
        // Forces at the same spot stand one above the other.
        let n = spots.iter().filter(|(p, _)| p.distance(at) < 2.0).count();
        spots.push((at, n));
    }
    let offset = |n: usize| Vec2::new(0.0, -26.0 - 46.0 * n as f32);
    for (entity, banner, mut label, mut sprite, children) in &mut banners {
        match field.iter().position(|x| x.1 == banner.0) {
            Some(i) => {
                let (at, n) = spots[i];
                if label.at != at || label.offset != offset(n) {
                    label.at = at;
                    label.offset = offset(n);
                }
                let (_, e, f, column, _) = field[i];
                let size = Some(banner_size(column.men.total()));
                if sprite.custom_size != size {
                    sprite.custom_size = size;
                }
                let mark = if Some(e) == campaign.selected && campaign.pending.is_none() {
                    "▶ "
                } else {
                    ""
                };
                let lost = chronicle.as_ref().map_or(String::new(), |c| {
                    view::losses_words(&view::day_losses(&c.0, e, yesterday))
                });
                for child in children.iter() {
                    if let Ok(mut text) = names.get_mut(child) {
                        let t = format!("{mark}{} · {}", f.name, column.men.total());
                        if text.0 != t {
                            text.0 = t;
                        }
                    }
                    if let Ok(mut text) = ledgers.get_mut(child) {
                        let t = if lost.is_empty() {
                            String::new()
                        } else {
                            format!("lost {lost}")
                        };
                        if text.0 != t {
                            text.0 = t;
                        }
                    }
                }
            }
            None => commands.entity(entity).despawn(),
        }
    }
    for (i, (_, e, f, column, _)) in field.iter().enumerate() {
        if banners.iter().any(|(_, b, ..)| b.0 == *e) {
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
                Banner(*e),
                Label {
                    at,
                    offset: offset(n),
                },
                Sprite::from_color(colour, banner_size(column.men.total())),
                Transform::from_translation(at.extend(4.0)),
            ))
            .with_children(|banner| {
                banner.spawn((
                    BannerName,
                    Text2d::new(f.name.clone()),
                    font.at(12.0),
                    TextColor(colour),
                    Transform::from_xyz(0.0, -24.0, 0.1),
                ));
                banner.spawn((
                    BannerLosses,
                    Text2d::new(""),
                    font.at(10.0),
                    TextColor(theme::ERROR),
                    Transform::from_xyz(0.0, -37.0, 0.1),
                ));
            });
    }
}
