//! The enemy forces in the field as dark banners on the map, sized by their men, set to the right
//! of where they stand (the side's banners hang below it), with their name and men: they ride
//! along the roads as days pass and are taken away when they leave the field.

use bevy::prelude::*;

use super::super::game::Campaign;
use super::super::theme::UiFont;
use super::banners::{banner_size, position};
use super::projection::MapProjection;
use super::{Label, MapItem};
use crate::sim::ActiveScenario;
use crate::sim::enemy::EnemyForce;
use crate::sim::map::{Place, Route};

/// An enemy force's banner.
#[derive(Component, Debug, Clone, Copy)]
pub(super) struct EnemyBanner(pub Entity);

/// The colour of the enemy's banners.
const ENEMY: Color = Color::srgb(0.15, 0.12, 0.1);

/// The banners follow the enemy forces; new ones get one, those gone lose theirs.
#[allow(clippy::too_many_arguments)]
pub(super) fn place_enemy_banners(
    mut commands: Commands,
    campaign: Res<Campaign>,
    enemies: Query<(Entity, &EnemyForce)>,
    changed: Query<(), Changed<EnemyForce>>,
    mut gone: RemovedComponents<EnemyForce>,
    places: Query<&Place>,
    routes: Query<&Route>,
    projection: Res<MapProjection>,
    scenario: Option<Res<ActiveScenario>>,
    font: Res<UiFont>,
    mut banners: Query<(Entity, &EnemyBanner, &mut Label, &mut Sprite, &Children)>,
    mut names: Query<&mut Text2d>,
) {
    let removed = gone.read().count() > 0;
    if !campaign.active
        || (!campaign.is_changed() && !projection.is_changed() && changed.is_empty() && !removed)
    {
        return;
    }
    let name = |foe: &EnemyForce| {
        scenario
            .as_ref()
            .and_then(|s| foe.effect.in_campaign(&s.0.campaign))
            .and_then(|e| e.party())
            .unwrap_or("the enemy")
            .to_string()
    };
    let offset = Vec2::new(30.0, 0.0);
    for (entity, banner, mut label, mut sprite, children) in &mut banners {
        let Ok((_, foe)) = enemies.get(banner.0) else {
            commands.entity(entity).despawn();
            continue;
        };
        let at = position(foe.location, &places, &routes, &projection);
        if label.at != at {
            label.at = at;
        }
        let size = Some(banner_size(foe.men));
        if sprite.custom_size != size {
            sprite.custom_size = size;
        }
        for child in children.iter() {
            if let Ok(mut text) = names.get_mut(child) {
                let t = format!("{} · {}", name(foe), foe.men);
                if text.0 != t {
                    text.0 = t;
                }
            }
        }
    }
    for (e, foe) in &enemies {
        if banners.iter().any(|(_, b, ..)| b.0 == e) {
            continue;
        }
        let at = position(foe.location, &places, &routes, &projection);
        commands
            .spawn((
                MapItem,
                EnemyBanner(e),
                Label { at, offset },
                Sprite::from_color(ENEMY, banner_size(foe.men)),
                Transform::from_translation(at.extend(4.0)),
            ))
            .with_children(|banner| {
                banner.spawn((
                    Text2d::new(format!("{} · {}", name(foe), foe.men)),
                    font.at(12.0),
                    TextColor(ENEMY),
                    Transform::from_xyz(0.0, -18.0, 0.1),
                ));
            });
    }
}
