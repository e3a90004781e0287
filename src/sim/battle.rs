//! Battles: field battles, sallies, assaults and relief armies, all by one documented model.
//!
//! **Strength.** A Han force's foot soldiers (crossbowmen) count `1 + crossbow_vs_cavalry · c`
//! each, where `c` is the enemy's share of horsemen; its horsemen count `cavalry_strength` each;
//! the sum is weighed by the men's condition and morale (`fitness_floor + (1 − fitness_floor) ·
//! fitness`, and the same with `morale_floor`). Allies add their men times their `commitment` (0 for allies who watch).
//! A state's soldiers count `(1 − c) + c · cavalry_strength` each, times `1 + wall_factor · wall`
//! when they stand behind a wall.
//!
//! **Outcome.** The attacker wins with chance `logistic(steepness · ln(attack / defence))`.
//!
//! **Losses.** The loser loses `loser_losses · √(winner / loser)` of its men and the winner
//! `winner_losses · √(loser / winner)`, each capped at `max_losses`: an army that is badly
//! outnumbered is cut to pieces, one that wins easily loses few. Of the loser's losses,
//! `captured_share` are taken alive (Han soldiers only in the open: an assault thrown back from the walls
//! leaves its dead, not prisoners); the rest, and all the winner's, are killed. Each side has
//! `wounded_per_killed` wounded for each man killed, who live: a wounded Han soldier does not
//! fight until he heals (see `attrition`). Horses are lost with their riders.

use bevy::prelude::Entity;
use rand::rngs::ChaCha8Rng;

use super::attrition::remove_men;
use super::force::{Fighter, Retinue};
use super::log::{Battle, BattleKind, EffectRef, SimEvent};
use super::random::{chance, ln, logistic};
use crate::scenario::types::BattleRules;

/// A Han force's fighting strength against an enemy with `enemy_cavalry` share of horsemen.
pub fn han_strength(
    rules: &BattleRules,
    column: &super::force::Column,
    condition: &super::force::Condition,
    retinue: &Retinue,
    enemy_cavalry: f64,
) -> f64 {
    let arms = f64::from(column.men.infantry) * (1.0 + rules.crossbow_vs_cavalry * enemy_cavalry)
        + f64::from(column.men.cavalry) * rules.cavalry_strength;
    let own = arms * super::force::condition_weight(rules, condition);
    let allies: f64 = retinue
        .allies
        .iter()
        .map(|a| {
            f64::from(a.men)
                * a.commitment
                * ((1.0 - a.cavalry_share) + a.cavalry_share * rules.cavalry_strength)
        })
        .sum();
    own + allies
}

/// The strength of `men` soldiers with `cavalry` share of horsemen and `morale` (0..1), behind a
/// wall of `wall`.
pub fn enemy_strength(rules: &BattleRules, men: f64, cavalry: f64, wall: f64, morale: f64) -> f64 {
    men * ((1.0 - cavalry) + cavalry * rules.cavalry_strength)
        * (1.0 + rules.wall_factor * wall)
        * crate::scenario::logistics::weigh(rules.morale_floor, morale)
}

/// The chance that an attacker of strength `attack` beats a defender of strength `defence`.
pub fn win_chance(rules: &BattleRules, attack: f64, defence: f64) -> f64 {
    logistic(rules.steepness * ln(attack.max(1.0) / defence.max(1.0)))
}

/// The shares of their men that the winner and the loser lose.
pub fn loss_shares(rules: &BattleRules, winner: f64, loser: f64) -> (f64, f64) {
    let (w, l) = (winner.max(1.0), loser.max(1.0));
    // Beyond ten to one the rout is complete either way.
    let (w, l) = (w.min(10.0 * l), l.min(10.0 * w));
    (
        (rules.winner_losses * (l / w).sqrt()).min(rules.max_losses),
        (rules.loser_losses * (w / l).sqrt()).min(rules.max_losses),
    )
}

/// A side's losses in one fight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Casualties {
    /// Killed.
    pub killed: u32,
    /// Taken alive by the other side.
    pub captured: u32,
    /// Wounded, who live.
    pub wounded: u32,
}

impl Casualties {
    /// `lost` men of a side, split by the rules into killed and taken alive (only a beaten side
    /// loses men alive), with the wounded beside them.
    pub fn of(rules: &BattleRules, lost: u32, beaten: bool) -> Casualties {
        let captured = if beaten {
            (f64::from(lost) * rules.captured_share.clamp(0.0, 1.0)).round() as u32
        } else {
            0
        };
        let killed = lost - captured.min(lost);
        Casualties {
            killed,
            captured: captured.min(lost),
            wounded: (f64::from(killed) * rules.wounded_per_killed.max(0.0)).round() as u32,
        }
    }

    /// The men gone from the ranks for good: killed and taken.
    pub fn gone(&self) -> u32 {
        self.killed.saturating_add(self.captured)
    }
}

/// Takes a Han force's `losses` out of its ranks (and the horses of the horsemen among them),
/// records them, and counts its wounded.
pub fn take_losses(rules: &BattleRules, force: &mut Fighter, losses: Casualties) -> Casualties {
    let men = force.column.men.total();
    if men == 0 {
        return Casualties::default();
    }
    let cavalry_share = f64::from(force.column.men.cavalry) / f64::from(men);
    let killed = remove_men(&mut force.column.men, losses.killed);
    let captured = remove_men(&mut force.column.men, losses.captured);
    force.ledger.men_lost.combat += killed;
    force.ledger.men_lost.captured += captured;
    let horses = ((f64::from(killed + captured) * cavalry_share).round() as u32)
        .min(force.column.animals.horses);
    force.column.animals.horses -= horses;
    force.ledger.animals_lost.horses.combat += horses;
    let left = force.column.men.total();
    let wounded = Casualties::of(rules, killed, false).wounded.min(left);
    if left > 0 {
        let before = force.condition.wounded.clamp(0.0, 1.0) * f64::from(left);
        force.condition.wounded = ((before + f64::from(wounded)) / f64::from(left)).min(1.0);
    }
    Casualties {
        killed,
        captured,
        wounded,
    }
}

/// How a battle went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BattleResult {
    /// Whether the Han force won.
    pub han_won: bool,
    /// The Han force's losses.
    pub han: Casualties,
    /// The enemy's losses.
    pub enemy: Casualties,
}

impl BattleResult {
    /// The event of the battle `kind` that `force` fought against `enemy_men` of a `state` or a
    /// `relief`, as it went.
    pub fn event(
        &self,
        kind: BattleKind,
        force: Entity,
        (state, relief): (Option<Entity>, Option<EffectRef>),
        enemy_men: u32,
    ) -> SimEvent {
        SimEvent::Battle(Battle {
            kind,
            force,
            state,
            relief,
            enemy_men,
            won: self.han_won,
            killed: self.han.killed,
            captured: self.han.captured,
            wounded: self.han.wounded,
            enemy_killed: self.enemy.killed,
            enemy_captured: self.enemy.captured,
            enemy_wounded: self.enemy.wounded,
        })
    }
}

/// The enemy in a battle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Enemy {
    /// Soldiers.
    pub men: u32,
    /// Share who are horsemen.
    pub cavalry: f64,
    /// The wall they stand behind (0 in the open).
    pub wall: f64,
    /// Their morale, 0..1.
    pub morale: f64,
    /// The edge they have from how they fall on the force (1: none; a night attack the rules'
    /// `night_edge`): their strength is counted this many times.
    pub edge: f64,
}

impl Enemy {
    /// `men` soldiers with `cavalry` share of horsemen (0..1), in the open, in good heart, with
    /// no edge.
    pub fn in_the_open(men: u32, cavalry: f64) -> Enemy {
        Enemy {
            men,
            cavalry: cavalry.clamp(0.0, 1.0),
            wall: 0.0,
            morale: 1.0,
            edge: 1.0,
        }
    }
}

/// Fights a battle between a Han force and an enemy. `han_attacks` says who attacks; `committed`
/// is the share of the Han men who do the fighting and take the losses (1 in a field battle, the
/// storming parties in an assault). The Han losses are applied to the force and recorded; the
/// enemy's are returned.
pub fn fight(
    rules: &BattleRules,
    force: &mut Fighter,
    han_attacks: bool,
    enemy: Enemy,
    committed: f64,
    rng: &mut ChaCha8Rng,
) -> BattleResult {
    let enemy_men = enemy.men;
    let enemy_cavalry = enemy.cavalry;
    let enemy_wall = enemy.wall;
    let han = han_strength(
        rules,
        force.column,
        force.condition,
        force.retinue,
        enemy_cavalry,
    );
    let enemy = enemy_strength(
        rules,
        f64::from(enemy_men),
        enemy_cavalry,
        enemy.wall,
        enemy.morale,
    ) * enemy.edge;
    let han_won = if han_attacks {
        chance(rng, win_chance(rules, han, enemy))
    } else {
        !chance(rng, win_chance(rules, enemy, han))
    };
    let (han_share, enemy_share) = if han_won {
        loss_shares(rules, han, enemy)
    } else {
        let (enemy_share, han_share) = loss_shares(rules, enemy, han);
        (han_share, enemy_share)
    };
    let committed = committed.clamp(0.0, 1.0);
    let han_lost = (f64::from(force.column.men.total()) * (han_share * committed).clamp(0.0, 1.0))
        .round() as u32;
    // Men are taken alive in a rout in the open, or when a city is stormed; an assault thrown
    // back from the walls leaves its dead, not prisoners.
    let in_the_open = enemy_wall <= 0.0;
    let han = take_losses(
        rules,
        force,
        Casualties::of(rules, han_lost, !han_won && in_the_open),
    );
    // Morale follows the result, as far as the force was engaged. Only a battle the whole force
    // fought and lost counts as a defeat (for a plan's retreat rule); a sally or an assault does not.
    let morale = &mut force.condition.morale;
    if !han_won {
        *morale = (*morale - rules.defeat_morale * committed).max(0.0);
        if committed >= 1.0 {
            force.ledger.battles_lost += 1;
        }
    } else {
        *morale = (*morale + rules.defeat_morale * committed / 2.0).min(1.0);
    }
    let enemy_lost = ((f64::from(enemy_men) * enemy_share).round() as u32).min(enemy_men);
    let enemy = Casualties::of(rules, enemy_lost, han_won);
    // The men taken alive go with the victors, who must feed them.
    force.column.captives = force.column.captives.saturating_add(enemy.captured);
    BattleResult {
        han_won,
        han,
        enemy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> BattleRules {
        BattleRules {
            steepness: 2.0,
            wall_factor: 0.5,
            cavalry_strength: 2.0,
            crossbow_vs_cavalry: 1.0,
            loser_losses: 0.2,
            winner_losses: 0.05,
            max_losses: 0.9,
            defeat_morale: 0.2,
            relief_dare_ratio: 0.8,
            fitness_floor: 0.4,
            morale_floor: 0.5,
            captured_share: 0.4,
            wounded_per_killed: 2.0,
            wound_days: 30.0,
            wound_deaths: 0.1,
            night_edge: 1.0,
        }
    }

    #[test]
    fn crossbows_count_for_more_against_horsemen() {
        let r = rules();
        let foot = enemy_strength(&r, 1000.0, 0.0, 0.0, 1.0);
        let horse = enemy_strength(&r, 1000.0, 1.0, 0.0, 1.0);
        assert_eq!(horse, 2.0 * foot);
        // Against all-horse enemies each crossbowman counts double, so the odds are even.
        assert!((win_chance(&r, 2000.0, horse) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn the_outnumbered_loser_is_cut_to_pieces() {
        let r = rules();
        let (winner, loser) = loss_shares(&r, 4000.0, 1000.0);
        assert!(loser > 0.35 && winner < 0.03, "{winner} {loser}");
        let (_, capped) = loss_shares(
            &BattleRules {
                max_losses: 0.5,
                ..r
            },
            1e3,
            1.0,
        );
        assert_eq!(capped, 0.5);
    }

    #[test]
    fn only_the_beaten_lose_men_alive() {
        let r = rules();
        let beaten = Casualties::of(&r, 1000, true);
        assert_eq!(
            (beaten.killed, beaten.captured, beaten.wounded),
            (600, 400, 1200)
        );
        let winner = Casualties::of(&r, 100, false);
        assert_eq!(
            (winner.killed, winner.captured, winner.wounded),
            (100, 0, 200)
        );
        assert_eq!(beaten.gone(), 1000);
    }
}
