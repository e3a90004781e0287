//! The plan walk: each step of a plan (and of its detachments' plans) checked from where the
//! force then stands.

use std::collections::BTreeSet;

use super::{Checker, MAX_DAYS, MAX_TREASURE, num, unknown, writable_name};
use crate::scenario::logistics::{self, Column, Leg};
use crate::scenario::types::{
    DetachSize, DetachStores, MapFile, MenDef, Pace, PerAnimal, PlanStep, Rules,
};
use crate::scenario::units::{Kg, Litres};

/// A column as it sets out: the plan's marches are checked against it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct SetOut {
    /// Men by arm.
    pub men: MenDef,
    /// Animals by kind.
    pub animals: PerAnimal<u32>,
    /// Carts.
    pub carts: u32,
    /// Its pace.
    pub pace: Pace,
    /// Grain.
    pub grain: Kg,
    /// Fodder.
    pub fodder: Kg,
    /// Water.
    pub water: Litres,
}

impl SetOut {
    /// The column a force of the campaign (or a contingent) sets out as.
    pub(super) fn of(force: &crate::scenario::types::ForceDef) -> SetOut {
        SetOut {
            men: force.men,
            animals: force.animals,
            carts: force.carts,
            pace: force.pace,
            grain: force.stores.grain_t.kg(),
            fodder: force.stores.fodder_t.kg(),
            water: force.stores.water_m3.litres(),
        }
    }

    /// The detachment of `size` this column sends off: its share of each arm, each kind and the
    /// stores (but the `chosen` stores, as much of them as there is), as the simulation splits it.
    fn detachment(&self, size: DetachSize, chosen: &DetachStores) -> SetOut {
        let total = self.men.infantry.saturating_add(self.men.cavalry);
        let part = match size {
            DetachSize::Share(share) => share.clamp(0.0, 1.0),
            DetachSize::Men(men) if total > 0 => (f64::from(men) / f64::from(total)).min(1.0),
            DetachSize::Men(_) => 0.0,
        };
        let share = |n: u32| ((f64::from(n) * part).round() as u32).min(n);
        let men = MenDef {
            infantry: share(self.men.infantry),
            cavalry: share(self.men.cavalry),
        };
        let mut animals = PerAnimal {
            horses: share(self.animals.horses),
            oxen: share(self.animals.oxen),
            donkeys: share(self.animals.donkeys),
            camels: share(self.animals.camels),
        };
        animals.horses = animals.horses.max(men.cavalry).min(self.animals.horses);
        SetOut {
            men,
            animals,
            carts: share(self.carts),
            pace: self.pace,
            grain: chosen
                .grain_t
                .map_or(self.grain * part, |t| Kg(t.kg().0.min(self.grain.0))),
            fodder: chosen
                .fodder_t
                .map_or(self.fodder * part, |t| Kg(t.kg().0.min(self.fodder.0))),
            water: chosen.water_m3.map_or(self.water * part, |m| {
                Litres(m.litres().0.min(self.water.0))
            }),
        }
    }
}

/// Every detachment's name in a plan, nested ones too.
pub(super) fn collect_detachments<'a>(plan: &'a [PlanStep], names: &mut Vec<&'a str>) {
    for step in plan {
        if let PlanStep::Detach { name, plan, .. } = step {
            names.push(name);
            collect_detachments(plan, names);
        }
    }
}

/// Walks a plan step by step, tracking where the force is, and reports steps that can't be done.
pub(super) struct PlanWalk<'a, 'c, 's> {
    pub(super) c: &'c mut Checker<'s>,
    pub(super) map: &'a MapFile,
    pub(super) rules: &'a Rules,
    pub(super) places: &'a BTreeSet<&'a str>,
    pub(super) names: &'a [&'a str],
}

impl PlanWalk<'_, '_, '_> {
    /// Checks the stores a detachment at `field` takes: no more than the force carries there.
    fn chosen_stores(&mut self, field: &str, chosen: &DetachStores, column: &SetOut) {
        let carried = [
            (
                "grain_t",
                chosen.grain_t.map(|t| t.0),
                column.grain.0 / 1000.0,
                "t",
            ),
            (
                "fodder_t",
                chosen.fodder_t.map(|t| t.0),
                column.fodder.0 / 1000.0,
                "t",
            ),
            (
                "water_m3",
                chosen.water_m3.map(|m| m.0),
                column.water.0 / 1000.0,
                "m³",
            ),
        ];
        for (name, chosen, have, unit) in carried {
            let Some(x) = chosen else {
                continue;
            };
            let at = format!("{field}.stores.{name}");
            if !(x.is_finite() && x >= 0.0) {
                self.c
                    .problem(at, format!("{}: give a number of {unit} from 0", num(x)));
            } else if x > have + 1e-9 {
                self.c.problem(
                    at,
                    format!(
                        "{} {unit}, but the force carries {} {unit} when it splits; give at most that",
                        num(x),
                        num(have.floor())
                    ),
                );
            }
        }
    }

    /// Checks that a detachment can carry what it takes.
    fn detachment_load(&mut self, field: &str, d: &SetOut) {
        let capacity = logistics::capacity(self.rules, &d.men, &d.animals, d.carts).0;
        let load = d.grain.0 + d.fodder.0 + d.water.0;
        if load.is_finite() && load > capacity + 1e-6 {
            self.c.problem(
                format!("{field}.stores"),
                format!(
                    "the detachment would carry {} t, but its men and animals can carry {} t; take less",
                    num((load / 1000.0).round()),
                    num((capacity / 1000.0).floor())
                ),
            );
        }
    }

    /// Walks `plan`, of the force called `me`, from `start`, setting out as `column`.
    pub(super) fn plan(
        &mut self,
        plan: &[PlanStep],
        start: &str,
        field: &str,
        me: &str,
        mut column: SetOut,
    ) {
        let mut at = start.to_string();
        for (i, step) in plan.iter().enumerate() {
            let field = format!("{field}[{i}]");
            match step {
                PlanStep::March(to) => {
                    if !self.places.contains(to.as_str()) {
                        // Where the force is from here on is unknown: the rest of this plan is
                        // checked once the place is mended.
                        self.c.problem(&field, unknown("place", to, self.places));
                        return;
                    }
                    let route =
                        self.map.routes.iter().find(|r| {
                            (r.from == at && r.to == *to) || (r.to == at && r.from == *to)
                        });
                    let Some(r) = route else {
                        let neighbours: Vec<&str> = self
                            .map
                            .routes
                            .iter()
                            .filter_map(|r| {
                                if r.from == at {
                                    Some(r.to.as_str())
                                } else if r.to == at {
                                    Some(r.from.as_str())
                                } else {
                                    None
                                }
                            })
                            .collect();
                        self.c.problem(
                            &field,
                            format!(
                                "no route from '{at}' to '{to}'; from '{at}' routes lead to: {}",
                                neighbours.join(", ")
                            ),
                        );
                        at = to.clone();
                        continue;
                    };
                    let length = r.length.km(self.map.li_km);
                    let (dry_from, dry_to) = logistics::dry_stretch(
                        length,
                        r.waterless_days,
                        self.rules.standard_march_km,
                    );
                    let leg = Leg {
                        terrain: r.terrain,
                        dry_from,
                        dry: dry_to - dry_from,
                    };
                    let carried = Column {
                        men: &column.men,
                        animals: &column.animals,
                        carts: column.carts,
                        pace: column.pace,
                        grain: column.grain,
                        load: column.grain + column.fodder + column.water.weight(),
                        water: column.water,
                        condition: 1.0,
                    };
                    if let Err(dry) = logistics::can_cross(self.rules, &carried, &leg) {
                        self.c.problem(
                            &field,
                            format!(
                                "the leg from '{at}' to '{to}' has {:.0} waterless days at this column's pace, but it can carry water for {:.0}; bring more water, camels or pack animals, or fewer men",
                                dry.dry_days.0, dry.water_days.0
                            ),
                        );
                    }
                    at = to.clone();
                }
                PlanStep::Rest(days) | PlanStep::Forage(days) => {
                    self.c.count(&field, *days, 1, MAX_DAYS)
                }
                PlanStep::Pace(pace) => {
                    if *pace == Pace::Forced && self.rules.forced_march.is_none() {
                        self.c.problem(
                            &field,
                            "the rules have no forced_march: give Pace(Standard) or Pace(Light), or add forced_march to the rules",
                        );
                    }
                    column.pace = *pace;
                }
                // Whether an enemy will be there is the day's to say.
                PlanStep::Drink(_) | PlanStep::Engage => {}
                PlanStep::CarryWater(days) => self.c.count(&field, *days, 0, MAX_DAYS),
                PlanStep::Request
                | PlanStep::Hostage
                | PlanStep::InstallKing
                | PlanStep::Gift(_)
                | PlanStep::Requisition
                | PlanStep::Battle
                | PlanStep::Attack
                | PlanStep::Besiege { .. } => {
                    if !self.map.states.iter().any(|s| s.place == at) {
                        self.c.problem(
                            &field,
                            format!(
                                "no state has its capital at '{at}', so there is no one to ask, give to, fight or besiege"
                            ),
                        );
                    }
                    match step {
                        PlanStep::Gift(bolts) => self.c.count(&field, *bolts, 1, MAX_TREASURE),
                        PlanStep::Besiege {
                            days, assault_from, ..
                        } => {
                            self.c.count(format!("{field}.days"), *days, 1, MAX_DAYS);
                            if let Some(d) = assault_from {
                                self.c.count(
                                    format!("{field}.assault_from"),
                                    *d,
                                    0,
                                    (*days).max(1),
                                );
                            }
                        }
                        _ => {}
                    }
                }
                PlanStep::Detach {
                    name,
                    size,
                    plan,
                    stores,
                } => {
                    self.chosen_stores(&field, stores, &column);
                    let men = column.men.infantry.saturating_add(column.men.cavalry);
                    match size {
                        DetachSize::Share(share) if !(*share > 0.0 && *share < 1.0) => {
                            self.c.problem(
                                format!("{field}.size"),
                                format!(
                                    "a share of {}: give Share(x) with x between 0 and 1",
                                    num(*share)
                                ),
                            );
                        }
                        DetachSize::Men(n) if *n == 0 || *n >= men => {
                            self.c.problem(
                                format!("{field}.size"),
                                format!(
                                    "Men({n}): give from 1 to {} men, fewer than the {men} the force has here",
                                    men.saturating_sub(1)
                                ),
                            );
                        }
                        _ => {}
                    }
                    if !writable_name(name) {
                        self.c.problem(
                            format!("{field}.name"),
                            "give the detachment a name without quotes, braces or semicolons",
                        );
                    }
                    let same = |n: &&&str| n.to_lowercase() == name.to_lowercase();
                    if self.names.iter().filter(same).count() > 1 {
                        self.c.problem(
                            format!("{field}.name"),
                            format!(
                                "two forces are called '{name}'; give each detachment its own name"
                            ),
                        );
                    }
                    let inner = format!("{field}.plan");
                    let detachment = column.detachment(*size, stores);
                    if !stores.is_share() {
                        self.detachment_load(&field, &detachment);
                    }
                    self.plan(plan, &at, &inner, name, detachment);
                }
                PlanStep::Join(name) | PlanStep::WaitFor { force: name, .. } => {
                    if !self.names.contains(&name.as_str()) {
                        let known: BTreeSet<&str> = self.names.iter().copied().collect();
                        self.c.problem(&field, unknown("force", name, &known));
                    } else if name == me {
                        self.c.problem(
                            &field,
                            format!("'{me}' cannot wait for or join itself; name another force"),
                        );
                    }
                    if let PlanStep::WaitFor { days, .. } = step {
                        self.c.count(format!("{field}.days"), *days, 1, MAX_DAYS);
                    }
                }
                PlanStep::Return | PlanStep::Hold => {}
            }
        }
    }
}
