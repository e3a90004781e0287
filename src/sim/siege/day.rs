//! One day of a siege: the defenders' sallies, the blockade and the engineers, assaults once
//! ordered, and the city's surrender: taken, on terms, or terms refused.

use bevy::prelude::*;

use super::Ctx;
use crate::sim::battle;
use crate::sim::force::ForceMutItem;
use crate::sim::log::{BattleKind, SiegeEnd, SimEvent};
use crate::sim::random::{SimRng, uniform};
use crate::sim::state::OasisState;

/// One day of a siege. Returns whether it ended (the city fell or submitted).
pub(super) fn siege_day(
    ctx: &mut Ctx,
    force: &mut ForceMutItem,
    state: &mut OasisState,
    entity: Entity,
    days: u32,
    assault_from: Option<u32>,
    accept_terms: bool,
    rng: &mut SimRng,
) -> bool {
    let s = &ctx.rules.siege;
    let b = &ctx.rules.battle;
    let me = force.entity;
    // The defenders sally.
    if uniform(&mut rng.combat) < s.sally_chance * state.defender_morale.max(0.0) {
        let sallying = (f64::from(state.garrison) * s.sally_share).round() as u32;
        if sallying > 0 {
            let enemy = battle::Enemy {
                men: sallying,
                cavalry: state.cavalry_share,
                wall: 0.0,
                morale: state.defender_morale,
                edge: 1.0,
            };
            let r = battle::fight(
                b,
                &mut force.fighter(),
                false,
                enemy,
                s.sally_exposed,
                &mut rng.combat,
            );
            state.lose(r.enemy.gone());
            if r.han_won {
                state.defender_morale -= s.breach_morale / 4.0;
            } else {
                state.defender_morale -= s.repulse_morale / 2.0;
            }
            ctx.battle(BattleKind::Sally, me, entity, sallying, &r);
            super::fall::leader_may_be_wounded(ctx, state, entity, rng);
        }
    }
    let noise = uniform(&mut rng.combat);
    if super::besiege_one_day(
        s,
        state,
        force.strength(&ctx.rules.battle),
        force.retinue.engineers,
        days,
        noise,
    ) {
        ctx.tell(SimEvent::StreamDiverted {
            force: me,
            state: entity,
        });
    }
    // Assaults, once ordered.
    if let Some(from) = assault_from
        && days >= from
        && (days - from).is_multiple_of(s.assault_every_days.max(1))
    {
        super::fall::burn_palisade(ctx, me, state, entity, rng);
        let enemy = battle::Enemy {
            men: state.garrison,
            cavalry: state.cavalry_share,
            wall: state.standing_wall(),
            morale: state.defender_morale,
            edge: 1.0,
        };
        let r = battle::fight(
            b,
            &mut force.fighter(),
            true,
            enemy,
            s.assault_share,
            &mut rng.combat,
        );
        state.lose(r.enemy.gone());
        super::fall::leader_may_be_wounded(ctx, state, entity, rng);
        if r.han_won {
            if state.outer_breached || state.walls.inner <= 0.0 {
                ctx.battle(BattleKind::Assault { stormed: true }, me, entity, 0, &r);
                state.terms_refused = true;
                super::fall::take_city(ctx, force, state, entity, rng);
                ctx.ended(me, state, entity, days, SiegeEnd::Stormed);
                return true;
            }
            state.outer_breached = true;
            state.defender_morale -= s.breach_morale;
        } else {
            state.defender_morale -= s.repulse_morale;
        }
        ctx.battle(BattleKind::Assault { stormed: false }, me, entity, 0, &r);
    }
    if state.defender_morale > 0.0 {
        return false;
    }
    if state.terms_refused || state.refused_before {
        let end = if state.terms_refused {
            SiegeEnd::AfterRefusedTerms
        } else {
            SiegeEnd::AfterRefusingFood
        };
        ctx.ended(me, state, entity, days, end);
        super::fall::take_city(ctx, force, state, entity, rng);
        return true;
    }
    if accept_terms {
        super::fall::accept(ctx, force, state, entity, rng);
        ctx.ended(me, state, entity, days, SiegeEnd::Terms);
        return true;
    }
    let t = &s.terms;
    let killed = (f64::from(state.horses) * t.horses_killed_if_refused).round() as u32;
    let superior = (f64::from(state.superior_horses) * t.horses_killed_if_refused).round() as u32;
    state.horses -= killed.min(state.horses);
    state.superior_horses -= superior.min(state.superior_horses);
    state.defender_morale = t.morale_if_refused;
    state.terms_refused = true;
    ctx.tell(SimEvent::TermsRefused {
        force: me,
        state: entity,
        horses_killed: killed,
    });
    false
}
