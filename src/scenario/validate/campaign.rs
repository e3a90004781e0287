//! Checks of a campaign file against its map and rules: references, the bounds of every number,
//! forces that can carry what they set out with, and a plan each of whose steps can be taken.

use std::collections::BTreeSet;

use super::army::check_army;
use super::plan::{PlanWalk, SetOut, collect_detachments};
use super::{
    Checker, MAX_ANIMALS, MAX_DAYS, MAX_MEN, MAX_TONNES, MAX_TREASURE, num, unknown, writable_name,
};
use crate::scenario::logistics;
use crate::scenario::source::{Problem, SourceFile};
use crate::scenario::types::{
    CampaignFile, Effect, EventDef, MapFile, Measure, Pace, Rules, Trigger,
};

/// Checks a campaign against its map and rules: places and states exist, the plan follows routes,
/// each force can carry what it sets out with, and can carry water across each leg of its plan.
pub fn campaign(
    src: &SourceFile,
    camp: &CampaignFile,
    map: &MapFile,
    rules: &Rules,
) -> Vec<Problem> {
    let mut c = Checker::new(src);
    c.finite_everywhere();
    let places: BTreeSet<&str> = map.places.iter().map(|p| p.id.as_str()).collect();
    let states: BTreeSet<&str> = map.states.iter().map(|s| s.id.as_str()).collect();
    let place_ref = |c: &mut Checker, field: &str, id: &str| {
        if !places.contains(id) {
            c.problem(field, unknown("place", id, &places));
        }
    };
    if !(-9999..=9999).contains(&camp.start.year_bc) {
        c.problem(
            "start.year_bc",
            format!(
                "{} is out of range; give a year from 9999 (BC) to -9999 (AD 10000)",
                camp.start.year_bc
            ),
        );
    }
    world_names(&mut c, &camp.world);
    c.count("start.month", camp.start.month, 1, 12);
    c.count("start.day", camp.start.day, 1, 30);
    c.count("max_days", camp.max_days, 1, MAX_DAYS);
    c.within("prestige", camp.prestige, -1.0, 1.0);
    place_ref(&mut c, "objective.home", &camp.objective.home);
    super::objective::check(&mut c, camp, map, &places, &states);
    c.share("retreat.below_share", camp.retreat.below_share);
    for (i, o) in camp.states.iter().enumerate() {
        if !states.contains(o.state.as_str()) {
            c.problem(
                format!("states[{i}].state"),
                unknown("state", &o.state, &states),
            );
        }
        if let Some(a) = o.attitude {
            c.within(format!("states[{i}].attitude"), a, -1.0, 1.0);
        }
        if let Some(x) = o.xiongnu_influence {
            c.share(format!("states[{i}].xiongnu_influence"), x);
        }
    }
    if camp.forces.is_empty() {
        c.problem("forces", "a campaign needs at least one force");
    }
    let mut named = BTreeSet::new();
    for (i, f) in camp.forces.iter().enumerate() {
        let at = format!("forces[{i}]");
        if !writable_name(&f.name) {
            c.problem(
                format!("{at}.name"),
                "give the force a name without quotes, braces or semicolons",
            );
        } else if !named.insert(f.name.to_lowercase()) {
            c.problem(
                format!("{at}.name"),
                format!("two forces are called '{}'; give each its own name", f.name),
            );
        }
        place_ref(&mut c, &format!("{at}.at"), &f.at);
        check_army(&mut c, &at, &f.men, &f.animals, &f.stores);
        if f.men.infantry == 0 && f.men.cavalry == 0 {
            c.problem(format!("{at}.men"), "a force needs at least one man");
        }
        c.share(format!("{at}.morale"), f.morale);
        c.share(format!("{at}.corruption"), f.corruption);
        c.count(format!("{at}.silk_bolts"), f.silk_bolts, 0, MAX_TREASURE);
        c.count(format!("{at}.gold_jin"), f.gold_jin, 0, MAX_TREASURE);
        c.count(format!("{at}.carts"), f.carts, 0, MAX_ANIMALS);
        if f.animals.horses < f.men.cavalry {
            c.problem(
                format!("{at}.animals.horses"),
                format!(
                    "{} horses cannot mount {} cavalry; give at least {} horses",
                    f.animals.horses, f.men.cavalry, f.men.cavalry
                ),
            );
        }
        if f.carts > 0 && rules.cart.is_none() {
            c.problem(
                format!("{at}.carts"),
                format!(
                    "{} carts, but the rules have no cart: add `cart: Some((oxen: N, load_kg: KG, march_km: KM))` to the rules, or give carts: 0",
                    f.carts
                ),
            );
        }
        if f.envoy && rules.embassy.is_none() {
            c.problem(
                format!("{at}.envoy"),
                "an envoy, but the rules have no embassy: add `embassy: Some((...))` to the rules (see the modding guide), or give envoy: false",
            );
        }
        if f.pace == Pace::Forced && rules.forced_march.is_none() {
            c.problem(
                format!("{at}.pace"),
                "the rules have no forced_march: give Standard or Light, or add forced_march to the rules",
            );
        }
        if let Some((carried, can)) = overloaded(rules, &f.men, &f.animals, f.carts, &f.stores) {
            c.problem(
                format!("{at}.stores"),
                format!(
                    "the force sets out with {carried} t of stores but its men and animals can carry {can} t; carry less or bring more pack animals"
                ),
            );
        }
    }
    // Each force's plan (its own, or the campaign's) must follow the map from where the force
    // starts: each march along a route from where the force then is, and each request, attack
    // or siege where a state stands; detachments' plans likewise, from where they split off.
    let mut names: Vec<&str> = camp.forces.iter().map(|f| f.name.as_str()).collect();
    collect_detachments(&camp.plan, &mut names);
    for f in &camp.forces {
        collect_detachments(f.plan.as_deref().unwrap_or_default(), &mut names);
    }
    // Contingents that events raise can be met and joined like any force.
    for effect in camp.events.iter().flat_map(|e| &e.then) {
        if let Effect::Levy { force, .. } | Effect::Contingent(force) = effect {
            names.push(force.name.as_str());
            collect_detachments(force.plan.as_deref().unwrap_or_default(), &mut names);
        }
    }
    // The campaign's plan is walked once from each place it is followed from.
    let mut walked_from = BTreeSet::new();
    for (i, force) in camp.forces.iter().enumerate() {
        let (plan, field) = match &force.plan {
            Some(own) => (own.as_slice(), format!("forces[{i}].plan")),
            None if walked_from.insert(force.at.as_str()) => {
                (camp.plan.as_slice(), "plan".to_string())
            }
            None => continue,
        };
        let column = SetOut::of(force);
        let mut walk = PlanWalk {
            c: &mut c,
            map,
            rules,
            places: &places,
            names: &names,
        };
        walk.plan(plan, &force.at, &field, &force.name, column);
    }
    if let Some(h) = &camp.history {
        if !["victory", "retreat", "destroyed"].contains(&h.outcome.as_str()) {
            c.problem(
                "history.outcome",
                format!(
                    "'{}' is no outcome; use \"victory\", \"retreat\" or \"destroyed\"",
                    h.outcome
                ),
            );
        }
        let goals = camp.objective.goal_count();
        for (i, b) in h.bands.iter().enumerate() {
            if let Measure::GoalMet(g) = b.measure
                && g >= goals
            {
                c.problem(
                    format!("history.bands[{i}].measure"),
                    format!(
                        "the objective has {goals} goal{} (`capture` first): give GoalMet(0) to GoalMet({})",
                        if goals == 1 { "" } else { "s" },
                        goals.saturating_sub(1)
                    ),
                );
            }
            if let Measure::StateRefused(id) | Measure::StateTaken(id) = &b.measure
                && !states.contains(id.as_str())
            {
                c.problem(
                    format!("history.bands[{i}].measure"),
                    unknown("state", id, &states),
                );
            }
            if let (Some(lo), Some(hi)) = (b.min, b.max)
                && lo > hi
            {
                c.problem(
                    format!("history.bands[{i}].max"),
                    format!(
                        "the band runs from {} down to {}; give min ≤ max",
                        num(lo),
                        num(hi)
                    ),
                );
            }
        }
    }
    let refs = Refs {
        map,
        places: &places,
        states: &states,
        names: &names,
        goals: camp.objective.goal_count(),
    };
    for (i, e) in camp.events.iter().enumerate() {
        check_event(&mut c, i, e, rules, &refs);
    }
    if let Some(m) = &camp.muster {
        super::muster::check(&mut c, camp, m, &places);
    }
    c.out
}

/// The tonnes of `stores` and the tonnes `men`, `animals` and `carts` can carry (each rounded,
/// for a message), where the stores are more than they can; stores out of their bounds are told
/// already and pass here.
fn overloaded(
    rules: &Rules,
    men: &crate::scenario::types::MenDef,
    animals: &crate::scenario::types::PerAnimal<u32>,
    carts: u32,
    stores: &crate::scenario::types::StoresDef,
) -> Option<(String, String)> {
    let capacity_t = logistics::capacity(rules, men, animals, carts).tonnes().0;
    let carried_t = stores.grain_t.0 + stores.fodder_t.0 + stores.water_m3.0;
    let sane = carried_t.is_finite() && carried_t <= 3.0 * MAX_TONNES;
    (sane && carried_t > capacity_t + 1e-9)
        .then(|| (num(carried_t.round()), num(capacity_t.round())))
}

/// What an event may name: places, states, forces (and detachments), and goals.
struct Refs<'a> {
    map: &'a MapFile,
    places: &'a BTreeSet<&'a str>,
    states: &'a BTreeSet<&'a str>,
    names: &'a [&'a str],
    goals: usize,
}

impl Refs<'_> {
    /// A problem at `field` unless `name` is a force (or a detachment) of the campaign.
    fn force(&self, c: &mut Checker, field: String, name: &str) {
        if !self.names.iter().any(|n| n.eq_ignore_ascii_case(name)) {
            let known: BTreeSet<&str> = self.names.iter().copied().collect();
            c.problem(field, unknown("force", name, &known));
        }
    }
}

/// Checks a trigger's references and numbers, and those of the triggers it combines.
fn check_trigger(c: &mut Checker, at: &str, t: &Trigger, refs: &Refs) {
    let state_ref = |c: &mut Checker, id: &str| {
        if !refs.states.contains(id) {
            c.problem(at, unknown("state", id, refs.states));
        }
    };
    match t {
        Trigger::Arrive(place) => {
            if !refs.places.contains(place.as_str()) {
                c.problem(at, unknown("place", place, refs.places));
            }
        }
        Trigger::SiegeDays(state, days) => {
            state_ref(c, state);
            c.count(at, *days, 0, MAX_DAYS);
        }
        Trigger::Falls(state) | Trigger::Answers(state) => state_ref(c, state),
        Trigger::Day(day) => c.count(at, *day, 0, MAX_DAYS),
        Trigger::MenBelow(n) => c.count(at, *n, 0, MAX_MEN),
        Trigger::GoalMet(g) => {
            if *g >= refs.goals {
                c.problem(
                    at,
                    format!(
                        "the objective has {} goal(s) (`capture` first): give GoalMet(0) to GoalMet({})",
                        refs.goals,
                        refs.goals.saturating_sub(1)
                    ),
                );
            }
        }
        Trigger::PrestigeBelow(x) => c.within(at, *x, -1.0, 1.0),
        Trigger::All(list) | Trigger::Any(list) => {
            if list.is_empty() {
                c.problem(at, "give at least one trigger to combine");
            }
            for (k, inner) in list.iter().enumerate() {
                check_trigger(c, &format!("{at}[{k}]"), inner, refs);
            }
        }
    }
}

/// Checks an event's references and numbers.
fn check_event(c: &mut Checker, i: usize, e: &EventDef, rules: &Rules, refs: &Refs) {
    let (places, states) = (refs.places, refs.states);
    let at = format!("events[{i}]");
    let state_ref = |c: &mut Checker, field: String, id: &str| {
        if !states.contains(id) {
            c.problem(field, unknown("state", id, states));
        }
    };
    check_trigger(c, &format!("{at}.when"), &e.when, refs);
    for (j, effect) in e.then.iter().enumerate() {
        let field = format!("{at}.then[{j}]");
        match effect {
            Effect::Attitude(state, value) => {
                state_ref(c, field.clone(), state);
                c.within(&field, *value, -1.0, 1.0);
            }
            Effect::Relief {
                state,
                men,
                cavalry_share,
                days,
                ..
            } => {
                state_ref(c, format!("{field}.state"), state);
                c.count(format!("{field}.men"), *men, 0, MAX_MEN);
                c.share(format!("{field}.cavalry_share"), *cavalry_share);
                c.count(format!("{field}.days"), *days, 0, MAX_DAYS);
            }
            Effect::Ally {
                men,
                cavalry_share,
                commitment,
                to,
                ..
            } => {
                if let Some(name) = to {
                    refs.force(c, format!("{field}.to"), name);
                }
                c.count(format!("{field}.men"), *men, 0, MAX_MEN);
                c.share(format!("{field}.cavalry_share"), *cavalry_share);
                c.share(format!("{field}.commitment"), *commitment);
            }
            Effect::EnemyForce {
                men,
                cavalry_share,
                at,
                food_days,
                aim,
                force,
                takes,
                spoils,
                scatter_below,
                every_days,
                ..
            } => {
                if !places.contains(at.as_str()) {
                    c.problem(format!("{field}.at"), unknown("place", at, places));
                }
                if let crate::scenario::types::EnemyAim::Relieve(state) = aim {
                    state_ref(c, format!("{field}.aim"), state);
                }
                if let Some(name) = force {
                    refs.force(c, format!("{field}.force"), name);
                }
                c.count(format!("{field}.men"), *men, 1, MAX_MEN);
                c.share(format!("{field}.cavalry_share"), *cavalry_share);
                c.within(
                    format!("{field}.food_days"),
                    *food_days,
                    0.0,
                    f64::from(MAX_DAYS),
                );
                c.share(format!("{field}.takes"), *takes);
                c.share(format!("{field}.scatter_below"), *scatter_below);
                c.count(format!("{field}.every_days"), *every_days, 1, MAX_DAYS);
                for kind in crate::scenario::types::AnimalKind::ALL {
                    c.count(
                        format!("{field}.spoils.{}", kind.name()),
                        *spoils.get(kind),
                        0,
                        MAX_ANIMALS,
                    );
                }
            }
            Effect::Raid {
                men,
                cavalry_share,
                takes,
                spoils,
                force,
                ..
            } => {
                if let Some(name) = force {
                    refs.force(c, format!("{field}.force"), name);
                }
                c.count(format!("{field}.men"), *men, 0, MAX_MEN);
                c.share(format!("{field}.cavalry_share"), *cavalry_share);
                c.share(format!("{field}.takes"), *takes);
                for kind in crate::scenario::types::AnimalKind::ALL {
                    c.count(
                        format!("{field}.spoils.{}", kind.name()),
                        *spoils.get(kind),
                        0,
                        MAX_ANIMALS,
                    );
                }
            }
            Effect::Prestige(delta) => c.within(&field, *delta, -2.0, 2.0),
            Effect::Reinforce {
                to,
                men,
                animals,
                stores,
            } => {
                if let Some(name) = to {
                    refs.force(c, format!("{field}.to"), name);
                }
                check_army(c, &field, men, animals, stores);
                // They come with what they carry: their own men and animals must carry it.
                if let Some((carried, can)) = overloaded(rules, men, animals, 0, stores) {
                    c.problem(
                        format!("{field}.stores"),
                        format!(
                            "the reinforcement brings {carried} t of stores but its men and animals can carry {can} t; bring less, or more pack animals with it"
                        ),
                    );
                }
            }
            Effect::Message(_) => {}
            Effect::CloseRoute(a, b) | Effect::OpenRoute(a, b) => {
                for id in [a, b] {
                    if !places.contains(id.as_str()) {
                        c.problem(&field, unknown("place", id, places));
                    }
                }
            }
            Effect::SendForce { force, to } => {
                refs.force(c, format!("{field}.force"), force);
                if !places.contains(to.as_str()) {
                    c.problem(format!("{field}.to"), unknown("place", to, places));
                }
            }
            Effect::Relation(state, _) | Effect::KillLeader(state) | Effect::WoundLeader(state) => {
                state_ref(c, field.clone(), state);
            }
            Effect::Capture { force, by } => {
                refs.force(c, format!("{field}.force"), force);
                state_ref(c, format!("{field}.by"), by);
            }
            Effect::Release(force) => refs.force(c, field.clone(), force),
            Effect::Levy { state, force } => {
                state_ref(c, format!("{field}.state"), state);
                // Its plan is walked from the state's city.
                let city = refs.map.states.iter().find(|s| s.id == *state);
                raised_force(
                    c,
                    &format!("{field}.force"),
                    force,
                    city.map(|s| &s.place),
                    rules,
                    refs,
                );
            }
            Effect::Contingent(force) => {
                let at = format!("{field}[0]");
                if !places.contains(force.at.as_str()) {
                    c.problem(format!("{at}.at"), unknown("place", &force.at, places));
                }
                let from = places.contains(force.at.as_str()).then_some(&force.at);
                raised_force(c, &at, force, from, rules, refs);
            }
        }
    }
}

/// Checks a force an event raises (a levy, a contingent): its name its own, its men, animals,
/// stores within bounds and within what it can carry, and its plan walked from `from`.
fn raised_force(
    c: &mut Checker,
    at: &str,
    force: &crate::scenario::types::ForceDef,
    from: Option<&String>,
    rules: &Rules,
    refs: &Refs,
) {
    let named = refs
        .names
        .iter()
        .filter(|n| n.eq_ignore_ascii_case(&force.name))
        .count();
    // The force's own name is among the names once.
    if named > 1 {
        c.problem(
            format!("{at}.name"),
            format!(
                "a force is already called '{}'; give the contingent its own name",
                force.name
            ),
        );
    }
    check_army(c, at, &force.men, &force.animals, &force.stores);
    if force.men.total() == 0 {
        c.problem(format!("{at}.men"), "a contingent needs at least one man");
    }
    c.share(format!("{at}.morale"), force.morale);
    if let Some((carried, can)) = overloaded(
        rules,
        &force.men,
        &force.animals,
        force.carts,
        &force.stores,
    ) {
        c.problem(
            format!("{at}.stores"),
            format!(
                "the contingent sets out with {carried} t of stores but its men and animals can carry {can} t; carry less or bring more pack animals"
            ),
        );
    }
    if let Some(from) = from {
        let mut walk = PlanWalk {
            c,
            map: refs.map,
            rules,
            places: refs.places,
            names: refs.names,
        };
        let plan = force.plan.as_deref().unwrap_or_default();
        walk.plan(
            plan,
            from,
            &format!("{at}.plan"),
            &force.name,
            SetOut::of(force),
        );
    }
}

/// Checks that each route's waterless stretch fits in it, at the rules' standard march.
pub fn routes_against_rules(src: &SourceFile, map: &MapFile, rules: &Rules) -> Vec<Problem> {
    let mut c = Checker::new(src);
    for (i, r) in map.routes.iter().enumerate() {
        let length = r.length.km(map.li_km).0;
        let dry = r.waterless_days.0 * rules.standard_march_km.0;
        if length.is_finite() && dry.is_finite() && dry > length + 1e-6 {
            c.problem(
                format!("routes[{i}].waterless_days"),
                format!(
                    "{} waterless days of {} km are {} km, more than the route's {} km; give at most {}",
                    num(r.waterless_days.0),
                    num(rules.standard_march_km.0),
                    num(dry.round()),
                    num(length.round()),
                    num((length / rules.standard_march_km.0 * 10.0).floor() / 10.0)
                ),
            );
        }
        if !r.flooded_in.is_empty() && rules.flood_speed.is_none() {
            c.problem(
                format!("routes[{i}].flooded_in"),
                "a route that floods needs the rules' flood_speed: Some(x), the share of a \
                 column's pace it makes while the rivers are high (between 0 and 1)",
            );
        }
    }
    c.out
}

/// Checks the names of the campaign's world: every word given, each calendar label with one `{}`
/// for the year, and twelve months or none.
fn world_names(c: &mut Checker, w: &crate::scenario::types::WorldNames) {
    let t = &w.treasure;
    for (field, words) in [
        ("world.side", &w.side),
        ("world.rival", &w.rival),
        ("world.currency", &w.currency),
        ("world.treasure.both", &t.both),
        ("world.treasure.either", &t.either),
        ("world.treasure.gift_unit", &t.gift_unit),
    ] {
        if words.trim().is_empty() {
            c.problem(field, "give the words the texts should use; this is empty");
        }
    }
    for (field, label, example) in [
        ("world.calendar.before", &w.calendar.before, "\"{} BC\""),
        ("world.calendar.after", &w.calendar.after, "\"AD {}\""),
    ] {
        if label.matches("{}").count() != 1 {
            c.problem(
                field,
                format!(
                    "{label:?} has no place for the year; write {{}} once where the number goes, as in {example}"
                ),
            );
        }
    }
    let months = w.calendar.months.len();
    if months != 0 && months != 12 {
        c.problem(
            "world.calendar.months",
            format!(
                "{months} months named; name all twelve (the first month of spring first), or none to count them"
            ),
        );
    }
}
