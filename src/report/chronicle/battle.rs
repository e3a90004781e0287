//! The chronicle's line for a battle: what it came to, and its dead, wounded and taken.

use super::Names;
use crate::sim::log::{Battle, BattleKind};

/// A battle's line, with the wounded and the men taken alive after it where there were any.
pub(super) fn battle(names: &Names, b: &Battle) -> String {
    let line = battle_outcome(names, b);
    let side = &names.world().side;
    let more: Vec<String> = [
        (b.wounded, format!("{side} wounded")),
        (b.captured, format!("{side} taken alive")),
        (b.enemy_captured, "of the enemy taken alive".to_string()),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    if more.is_empty() {
        line
    } else {
        format!("{line} ({})", more.join(", "))
    }
}

/// What a battle came to.
fn battle_outcome(names: &Names, b: &Battle) -> String {
    let force = names.force(b.force);
    let state = b.state.map_or("", |s| names.state(s));
    let (hk, ek) = (b.killed, b.enemy_killed);
    let han = &names.world().side;
    match (b.kind, b.won) {
        (BattleKind::StateAttack, true) => format!(
            "{state} attacks {force} and is beaten ({ek} of its men and {hk} {han} killed); it submits"
        ),
        (BattleKind::StateAttack, false) => {
            format!("{state} falls on {force} at dawn and routs it: {hk} men killed")
        }
        (BattleKind::Sally, won) => {
            let how = if won {
                "are driven back"
            } else {
                "break into the siege lines"
            };
            format!(
                "{} men sally from {state} and {how}: {hk} {han} and {ek} defenders killed",
                b.enemy_men
            )
        }
        (BattleKind::Assault { stormed: true }, _) => {
            format!("{force} storms the inner city of {state}: {hk} {han} killed")
        }
        (BattleKind::Assault { stormed: false }, true) => format!(
            "{force} breaches the outer wall of {state} ({hk} {han} and {ek} defenders killed); the defenders hold the inner city"
        ),
        (BattleKind::Assault { stormed: false }, false) => {
            format!("The assault on {state} is thrown back: {hk} {han} killed")
        }
        (BattleKind::Storm, true) => format!("{force} storms {state} at a cost of {hk} men"),
        (BattleKind::Storm, false) => format!("{force} is beaten at {state}: {hk} men killed"),
        (BattleKind::Field, true) => format!(
            "{state}'s army comes out to meet {force} and is beaten: {ek} of its men and {hk} {han} killed; it withdraws behind its walls"
        ),
        (BattleKind::Field, false) => {
            format!("{force} is beaten in the field by {state}: {hk} men killed")
        }
        (BattleKind::Raid, won) => {
            let raiders = b.relief.map_or("", |r| names.party(r));
            if won {
                format!(
                    "{raiders} fall on the baggage of {force} and are beaten off, leaving their herds: {ek} of them and {hk} {han} killed"
                )
            } else {
                format!(
                    "{raiders} fall on the baggage of {force} and drive off its herds and stores: {hk} men killed"
                )
            }
        }
        (BattleKind::NightAttack, won) => {
            let enemy = b.relief.map_or("", |r| names.party(r));
            if won {
                format!(
                    "{enemy} fall on the camp of {force} by night and are beaten off: {ek} of them and {hk} {han} killed"
                )
            } else {
                format!(
                    "{enemy} fall on the camp of {force} by night and throw it into disorder: {hk} {han} and {ek} of them killed"
                )
            }
        }
        (BattleKind::Engage, won) => {
            let enemy = b.relief.map_or("", |r| names.party(r));
            if won {
                format!(
                    "{force} attacks {enemy} and routs them: {ek} of them and {hk} {han} killed"
                )
            } else {
                format!(
                    "{force} attacks {enemy} and is beaten off: {hk} {han} and {ek} of them killed"
                )
            }
        }
        (BattleKind::Relief, won) => {
            let relief = b.relief.map_or("", |r| names.party(r));
            if won {
                format!(
                    "{relief} attacks the siege lines and is beaten off: {ek} of its men and {hk} {han} killed"
                )
            } else {
                format!(
                    "{relief} routs {force} before {state}: {hk} men killed; the siege is lifted"
                )
            }
        }
    }
}
