//! Whether an order can be carried out, and the typed reason when it cannot. An order is checked
//! against where the force will be when it comes up: after the marches it has queued.

use bevy::prelude::*;

use super::{Goods, Order, Target};
use crate::scenario::logistics::{self, Column as Carried};
use crate::scenario::types::{AnimalKind, DetachSize, Pace, PlanStep, Rules};
use crate::scenario::units::{Days, Kg};
use crate::sim::base::{Base, ConvoyItem};
use crate::sim::force::{Activity, Column, Condition, Force, Orders, Standing, Stores};
use crate::sim::map::{Depot, Location, MapIndex, Route};
use crate::sim::state::{OasisState, Relation, Remembered};

/// What a force was asked to do to a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StateVerb {
    /// Ask for supplies.
    Ask,
    /// Give gifts.
    Give,
    /// Seize grain.
    Seize,
    /// Fight.
    Fight,
    /// Take a hostage or set up a king.
    Settle,
}

/// Whether a step is an army's work, not an embassy's: fighting, besieging, seizing, imposing.
pub fn warlike(step: &PlanStep) -> bool {
    matches!(
        step,
        PlanStep::Besiege { .. }
            | PlanStep::Attack
            | PlanStep::Battle
            | PlanStep::Engage
            | PlanStep::Requisition
            | PlanStep::Hostage
            | PlanStep::InstallKing
    )
}

/// Why an order was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The campaign is over.
    CampaignOver,
    /// The order's force is not in the field.
    NotInField,
    /// The force is on the road home and takes no more orders but to go home.
    Homeward,
    /// The force is held captive by this state until it escapes.
    Held(Entity),
    /// An embassy does not fight or seize.
    Envoy,
    /// The force is between places; it takes marching orders on arrival.
    BetweenPlaces,
    /// No place has this id.
    NoSuchPlace(String),
    /// No route joins the two places.
    NoRoute {
        /// Where the force would set out from.
        from: Entity,
        /// Where it was sent.
        to: Entity,
    },
    /// The force cannot carry the men's water across the leg's waterless stretch.
    TooDry {
        /// Where it would set out from.
        from: Entity,
        /// Where it was sent.
        to: Entity,
        /// Waterless days at its pace.
        dry_days: Days,
        /// Days of the men's water it can carry there.
        water_days: Days,
    },
    /// A rest or a wait must last a day at least.
    NoDays,
    /// The rules have no forced march.
    NoForcedMarch,
    /// There is no state where the force will be.
    NoState {
        /// Where it will be (none: on the road).
        at: Option<Entity>,
        /// What it was to do.
        verb: StateVerb,
    },
    /// The state already supplies the army.
    AlreadySupplies(Entity),
    /// The force has no silk or gold to give.
    NoTreasure,
    /// The state has submitted; there is no one to fight.
    Submitted(Entity),
    /// The town holds its walls: its grain is seized only once it is beaten or besieged.
    WallsHold(Entity),
    /// A detachment takes a share between 0 and 1, or fewer men than the force has.
    DetachSize {
        /// Men the force has.
        men: u32,
    },
    /// There is a force of that name already.
    NameTaken(String),
    /// No force of that name.
    NoSuchForce(String),
    /// A force cannot wait for or join itself.
    ItSelf,
    /// It has not that many oxen.
    Slaughter {
        /// Oxen it has.
        oxen: u32,
    },
    /// It has not that many animals of the kind to slaughter (the cavalry's mounts are kept).
    SlaughterAnimals {
        /// The kind.
        kind: AnimalKind,
        /// How many it could slaughter.
        spare: u32,
    },
    /// A ration is a share of the full one, from the rules' least to 1.
    Rations {
        /// The least share.
        least: f64,
    },
    /// Its officers withhold nothing.
    NoCorruption,
    /// The force to hand goods to is not at the same place.
    NotTogether(Entity),
    /// It has not that much to hand over or leave (horses the cavalry rides are not counted).
    NotEnough {
        /// What.
        goods: Goods,
        /// How much it has.
        have: f64,
    },
    /// The force taking them cannot carry that much more.
    NoRoom {
        /// The tonnes it has room for.
        room_t: f64,
    },
    /// The depot here holds less.
    DepotHolds {
        /// What.
        goods: Goods,
        /// How much it holds.
        have: f64,
    },
    /// Only grain, fodder and water are left in a depot.
    NotStores,
    /// States sell grain and fodder only.
    NotForSale,
    /// The road home cannot be taken back.
    RoadHome,
    /// No orders are waiting.
    NothingToCancel,
    /// The force besieges no city and will besiege none.
    NotBesieging,
    /// A detachment that has not split off takes only steps of its march.
    PendingStepsOnly,
    /// A detachment must split off before it splits again.
    PendingSplit,
    /// There is no base to send a convoy from: the campaign has no muster.
    NoBase,
    /// A convoy needs men to drive and guard it.
    ConvoyMen,
    /// The base holds less of it.
    BaseHolds {
        /// What.
        item: ConvoyItem,
        /// How much it holds.
        have: f64,
    },
    /// The convoy's men and animals cannot carry its stores.
    ConvoyLoad {
        /// The tonnes they can carry.
        room_t: f64,
    },
    /// The state has not submitted, sold or been conquered: it gives no hostage.
    NoHostage(Entity),
    /// The state has already sent a prince as hostage.
    HostageHeld(Entity),
    /// A king is put on the throne only of a state that submitted or was conquered.
    NoThrone(Entity),
    /// The state already has a king friendly to the Han.
    KingReigns(Entity),
    /// The detachment has nowhere to start from.
    PendingNowhere,
    /// There is no enemy force in the field where the force will be.
    NoEnemy {
        /// Where it will be (none: on the road).
        at: Option<Entity>,
    },
}

/// A force as the check sees it.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    /// The entity.
    pub entity: Entity,
    /// Its name.
    pub force: &'a Force,
    /// Who marches.
    pub column: &'a Column,
    /// What it carries.
    pub stores: &'a Stores,
    /// Its condition.
    pub condition: &'a Condition,
    /// Where it is.
    pub location: Location,
    /// What it does.
    pub activity: Activity,
    /// Homeward or merged.
    pub standing: Standing,
    /// Its orders.
    pub orders: &'a Orders,
}

/// Everything else a check looks at.
pub struct Context<'a, 'w, 's> {
    /// The rules.
    pub rules: &'a Rules,
    /// The map's index.
    pub index: &'a MapIndex,
    /// The routes.
    pub routes: &'a Query<'w, 's, &'static Route>,
    /// The states.
    pub states: &'a Query<'w, 's, &'static OasisState>,
    /// Whether the campaign is over.
    pub ended: bool,
    /// The forces by name, with their entity and whether they merged.
    pub names: &'a [(Entity, String, bool)],
    /// The name of a detachment some force has been ordered to split off, found by its name in
    /// any case (asked only when no force in the field goes by it).
    pub pending: &'a dyn Fn(&str) -> Option<String>,
    /// Every force's entity, where it is, and the room it has for more load.
    pub others: &'a [(Entity, Location, Kg)],
    /// The depot at a place.
    pub depot: &'a dyn Fn(Entity) -> Depot,
    /// The base and its reserve, if the campaign has one.
    pub base: Option<&'a Base>,
    /// The enemy force in the field at a place, if one is there.
    pub enemy_at: &'a dyn Fn(Entity) -> Option<Entity>,
}

impl Context<'_, '_, '_> {
    /// A force not merged, or a pending detachment, called `name` (any case): its name as given.
    fn force_named(&self, name: &str) -> Option<(Option<Entity>, String)> {
        let lower = name.to_lowercase();
        self.names
            .iter()
            .find(|(_, n, merged)| !merged && n.to_lowercase() == lower)
            .map(|(e, n, _)| (Some(*e), n.clone()))
            .or_else(|| (self.pending)(&lower).map(|p| (None, p)))
    }
}

/// Where a force will be once its queued marches are done (none: on the road, not marching).
pub fn projected_place(subject: &Subject, index: &MapIndex) -> Option<Entity> {
    place_after(subject.location, subject.activity, subject.orders, index)
}

/// Where a force standing at `location`, doing `activity`, will be once the marches in `orders`
/// are done (none: on the road, not marching).
pub fn place_after(
    location: Location,
    activity: Activity,
    orders: &Orders,
    index: &MapIndex,
) -> Option<Entity> {
    let mut at = match (location, activity) {
        (Location::At(p), _) => Some(p),
        (_, Activity::Marching { to }) => Some(to),
        _ => None,
    };
    if let Some(id) = orders.last_march() {
        at = index.places.get(id).copied();
    }
    at
}

/// Where a pending detachment `name` of `subject` will be: where its parent splits it off, then
/// its own marches.
fn pending_place(subject: &Subject, name: &str, index: &MapIndex) -> Option<Entity> {
    let mut at = match (subject.location, subject.activity) {
        (Location::At(p), _) => Some(p),
        (_, Activity::Marching { to }) => Some(to),
        _ => None,
    };
    for step in subject.orders.queued() {
        match step {
            PlanStep::March(id) => at = index.places.get(id).copied(),
            PlanStep::Detach {
                name: n, plan: own, ..
            } if n == name => {
                for inner in own {
                    if let PlanStep::March(id) = inner {
                        at = index.places.get(id).copied();
                    }
                }
                break;
            }
            _ => {}
        }
    }
    at
}

/// Checks `order` for `target` (whose holder is `subject`).
pub fn check(
    w: &Context,
    subject: &Subject,
    target: &Target,
    order: &Order,
) -> Result<(), Refusal> {
    if w.ended {
        return Err(Refusal::CampaignOver);
    }
    if subject.standing.merged || subject.column.men.total() == 0 {
        return Err(Refusal::NotInField);
    }
    if let Target::Pending { name, .. } = target {
        return check_pending(w, subject, name, order);
    }
    if let Activity::Held { by, .. } = subject.activity {
        return Err(Refusal::Held(by));
    }
    if subject.force.envoy && matches!(order, Order::Step(s) if warlike(s)) {
        return Err(Refusal::Envoy);
    }
    if subject.standing.homeward && matches!(order, Order::Step(s) if *s != PlanStep::Return) {
        return Err(Refusal::Homeward);
    }
    let here = projected_place(subject, w.index);
    let state_here = |verb: StateVerb| {
        here.and_then(|p| w.index.state_at(p))
            .and_then(|s| w.states.get(s).ok().map(|st| (s, st)))
            .ok_or(Refusal::NoState { at: here, verb })
    };
    match order {
        Order::Step(step) => match step {
            PlanStep::March(to) => {
                let from = here.ok_or(Refusal::BetweenPlaces)?;
                let to = *w
                    .index
                    .places
                    .get(to)
                    .ok_or_else(|| Refusal::NoSuchPlace(to.clone()))?;
                check_march(w, subject, from, to)?;
            }
            PlanStep::Rest(days) | PlanStep::Forage(days) | PlanStep::WaitFor { days, .. }
                if *days == 0 =>
            {
                return Err(Refusal::NoDays);
            }
            PlanStep::Forage(_) => {
                here.ok_or(Refusal::BetweenPlaces)?;
            }
            PlanStep::Rest(_) | PlanStep::Return | PlanStep::Hold => {}
            PlanStep::Hostage => {
                let (s, st) = state_here(StateVerb::Settle)?;
                if st.remembers(&Remembered::SentHostage) {
                    return Err(Refusal::HostageHeld(s));
                }
                if !(st.relation.supplies() || st.relation == Relation::Trading) {
                    return Err(Refusal::NoHostage(s));
                }
            }
            PlanStep::InstallKing => {
                let (s, st) = state_here(StateVerb::Settle)?;
                if st.remembers(&Remembered::NewKing) {
                    return Err(Refusal::KingReigns(s));
                }
                if !st.relation.supplies() {
                    return Err(Refusal::NoThrone(s));
                }
            }
            PlanStep::Pace(Pace::Forced) if w.rules.forced_march.is_none() => {
                return Err(Refusal::NoForcedMarch);
            }
            PlanStep::Pace(_) | PlanStep::Drink(_) | PlanStep::CarryWater(_) => {}
            PlanStep::Request => {
                let (s, st) = state_here(StateVerb::Ask)?;
                if st.relation.supplies() {
                    return Err(Refusal::AlreadySupplies(s));
                }
            }
            PlanStep::Gift(bolts) => {
                state_here(StateVerb::Give)?;
                if *bolts == 0 || subject.stores.treasure_cash <= 0.0 {
                    return Err(Refusal::NoTreasure);
                }
            }
            PlanStep::Requisition => {
                let (s, st) = state_here(StateVerb::Seize)?;
                // A siege or a fight queued before it may yet open the gates.
                let fight_first = subject.orders.queued().iter().any(|p| {
                    matches!(
                        p,
                        PlanStep::Besiege { .. } | PlanStep::Attack | PlanStep::Battle
                    )
                });
                if st.holds_its_walls() && !fight_first {
                    return Err(Refusal::WallsHold(s));
                }
            }
            PlanStep::Engage => {
                if here.and_then(|p| (w.enemy_at)(p)).is_none() {
                    return Err(Refusal::NoEnemy { at: here });
                }
            }
            PlanStep::Battle | PlanStep::Attack | PlanStep::Besiege { .. } => {
                let (s, st) = state_here(StateVerb::Fight)?;
                if st.relation.supplies() {
                    return Err(Refusal::Submitted(s));
                }
            }
            PlanStep::Detach {
                name, size, stores, ..
            } => {
                // The stores it takes must be there (as the force stands now: a split queued
                // behind marches takes as much as is left, at most).
                let chosen = [
                    (Goods::Grain, stores.grain_t.map(|t| t.0)),
                    (Goods::Fodder, stores.fodder_t.map(|t| t.0)),
                    (Goods::Water, stores.water_m3.map(|m| m.0)),
                ];
                for (goods, x) in chosen {
                    let have = goods.held(subject.column, subject.stores);
                    if x.is_some_and(|x| !x.is_finite() || x < 0.0 || x > have + 1e-9) {
                        return Err(Refusal::NotEnough { goods, have });
                    }
                }
                let men = subject.column.men.total();
                // And it must be able to carry them: its share of the force's men and animals
                // carries that share of what the force can.
                if !stores.is_share() && men > 0 {
                    let part = match size {
                        DetachSize::Share(x) => x.clamp(0.0, 1.0),
                        DetachSize::Men(n) => (f64::from(*n) / f64::from(men)).min(1.0),
                    };
                    let load: f64 = chosen
                        .iter()
                        .map(|(goods, x)| {
                            x.map_or(goods.held(subject.column, subject.stores) * part, |x| x)
                        })
                        .sum();
                    let room_t = subject.column.capacity(w.rules).0 / 1000.0 * part;
                    if load > room_t + 1e-6 {
                        return Err(Refusal::NoRoom { room_t });
                    }
                }
                let bad = match size {
                    DetachSize::Share(x) => !(*x > 0.0 && *x < 1.0),
                    DetachSize::Men(n) => *n == 0 || *n >= men,
                };
                if bad {
                    return Err(Refusal::DetachSize { men });
                }
                if w.force_named(name).is_some() {
                    return Err(Refusal::NameTaken(name.clone()));
                }
            }
            PlanStep::Join(other) | PlanStep::WaitFor { force: other, .. } => {
                let (entity, _) = w
                    .force_named(other)
                    .ok_or_else(|| Refusal::NoSuchForce(other.clone()))?;
                if entity == Some(subject.entity) {
                    return Err(Refusal::ItSelf);
                }
            }
        },
        Order::Slaughter(n) => {
            let oxen = subject.column.animals.oxen;
            if *n == 0 || *n > oxen {
                return Err(Refusal::Slaughter { oxen });
            }
        }
        Order::SlaughterAnimals(kind, n) => {
            let spare = Goods::Animals(*kind).held(subject.column, subject.stores) as u32;
            if *n == 0 || *n > spare {
                return Err(Refusal::SlaughterAnimals { kind: *kind, spare });
            }
        }
        Order::Rations(share) => {
            let least = w.rules.quartermaster.least_ration;
            if !(share.is_finite() && *share >= least - 1e-9 && *share <= 1.0) {
                return Err(Refusal::Rations { least });
            }
        }
        Order::Punish => {
            if subject.condition.corruption <= 0.0 {
                return Err(Refusal::NoCorruption);
            }
        }
        Order::Hand { to, goods, amount } => {
            let Location::At(here) = subject.location else {
                return Err(Refusal::BetweenPlaces);
            };
            let (other, _) = w
                .force_named(to)
                .ok_or_else(|| Refusal::NoSuchForce(to.clone()))?;
            let other = other.ok_or_else(|| Refusal::NoSuchForce(to.clone()))?;
            if other == subject.entity {
                return Err(Refusal::ItSelf);
            }
            let (_, there, room) = w
                .others
                .iter()
                .find(|(e, ..)| *e == other)
                .copied()
                .ok_or(Refusal::NotInField)?;
            if there != Location::At(here) {
                return Err(Refusal::NotTogether(other));
            }
            enough(subject, *goods, *amount)?;
            if goods.weight(*amount) > room {
                return Err(Refusal::NoRoom {
                    room_t: room.0.max(0.0) / 1000.0,
                });
            }
        }
        Order::Buy(goods, most) => {
            if !matches!(goods, Goods::Grain | Goods::Fodder) {
                return Err(Refusal::NotForSale);
            }
            if most.is_some_and(|t| !(t.is_finite() && t >= 0.0)) {
                return Err(Refusal::NotEnough {
                    goods: *goods,
                    have: 0.0,
                });
            }
        }
        Order::Cache(goods, amount) => {
            if !matches!(subject.location, Location::At(_)) {
                return Err(Refusal::BetweenPlaces);
            }
            if !goods.is_stores() {
                return Err(Refusal::NotStores);
            }
            enough(subject, *goods, *amount)?;
        }
        Order::Draw(goods, amount) => {
            let Location::At(here) = subject.location else {
                return Err(Refusal::BetweenPlaces);
            };
            if !goods.is_stores() {
                return Err(Refusal::NotStores);
            }
            let depot = (w.depot)(here);
            let have = depot_holds(&depot, *goods);
            if !(amount.is_finite() && *amount > 0.0 && *amount <= have + 1e-9) {
                return Err(Refusal::DepotHolds {
                    goods: *goods,
                    have,
                });
            }
            let room = subject.column.capacity(w.rules) - subject.stores.weight();
            if goods.weight(*amount) > room {
                return Err(Refusal::NoRoom {
                    room_t: room.0.max(0.0) / 1000.0,
                });
            }
        }
        Order::Convoy(convoy) => {
            let base = w.base.ok_or(Refusal::NoBase)?;
            if convoy.men == 0 {
                return Err(Refusal::ConvoyMen);
            }
            for item in ConvoyItem::ALL {
                let (x, have) = (item.of(convoy), item.held(&base.reserve));
                if !(x.is_finite() && x >= 0.0 && x <= have + 1e-9) {
                    return Err(Refusal::BaseHolds { item, have });
                }
            }
            let room_t = convoy.carries_t(&base.reserve, w.rules);
            if convoy.grain_t + convoy.fodder_t > room_t + 1e-6 {
                return Err(Refusal::ConvoyLoad { room_t });
            }
            let to = here.ok_or(Refusal::BetweenPlaces)?;
            let route = |r| w.routes.get(r).ok().map(|r| (r.a, r.b, r.length));
            if w.index.shortest_path(base.place, to, route).is_none() {
                return Err(Refusal::NoRoute {
                    from: base.place,
                    to,
                });
            }
        }
        Order::Cancel => {
            if subject.standing.homeward {
                return Err(Refusal::RoadHome);
            }
            if subject.orders.queued().is_empty() {
                return Err(Refusal::NothingToCancel);
            }
        }
        Order::Terms(_) => {
            let besieging = matches!(subject.activity, Activity::Besieging { .. })
                || subject
                    .orders
                    .queued()
                    .iter()
                    .any(|s| matches!(s, PlanStep::Besiege { .. }));
            if !besieging {
                return Err(Refusal::NotBesieging);
            }
        }
    }
    Ok(())
}

/// Whether the force has `amount` (more than none) of `goods` to hand over or leave; animals by
/// whole heads.
fn enough(subject: &Subject, goods: Goods, amount: f64) -> Result<(), Refusal> {
    let have = goods.held(subject.column, subject.stores);
    let whole = goods.is_stores() || amount.fract() == 0.0;
    if amount.is_finite() && amount > 0.0 && whole && amount <= have + 1e-9 {
        Ok(())
    } else {
        Err(Refusal::NotEnough { goods, have })
    }
}

/// How much of `goods` (stores) `depot` holds, in the orders' units.
pub fn depot_holds(depot: &Depot, goods: Goods) -> f64 {
    match goods {
        Goods::Grain => depot.grain.0 / 1000.0,
        Goods::Fodder => depot.fodder.0 / 1000.0,
        Goods::Water => depot.water.0 / 1000.0,
        Goods::Animals(_) => 0.0,
    }
}

/// Whether the force can get across the leg from `from` to `to`: a route must join them, and the
/// men must be able to carry water for its waterless stretch at their pace.
fn check_march(w: &Context, subject: &Subject, from: Entity, to: Entity) -> Result<(), Refusal> {
    let leg = w
        .index
        .route_between(from, to)
        .and_then(|r| w.routes.get(r).ok())
        .ok_or(Refusal::NoRoute { from, to })?;
    let carried = Carried {
        men: &subject.column.men,
        animals: &subject.column.animals,
        carts: subject.column.carts,
        pace: subject.column.pace,
        grain: subject.stores.grain,
        load: subject.stores.weight(),
        water: subject.stores.water,
        condition: subject.condition.fitness(),
    };
    logistics::can_cross(w.rules, &carried, &leg.leg()).map_err(|dry| Refusal::TooDry {
        from,
        to,
        dry_days: dry.dry_days,
        water_days: dry.water_days,
    })
}

/// Checks an order for a detachment not yet split off: steps of its march only, along the roads
/// from where it will be.
fn check_pending(w: &Context, subject: &Subject, name: &str, order: &Order) -> Result<(), Refusal> {
    let Order::Step(step) = order else {
        return Err(Refusal::PendingStepsOnly);
    };
    match step {
        PlanStep::March(to) => {
            let to = *w
                .index
                .places
                .get(to)
                .ok_or_else(|| Refusal::NoSuchPlace(to.clone()))?;
            let from = pending_place(subject, name, w.index).ok_or(Refusal::PendingNowhere)?;
            if w.index.route_between(from, to).is_none() {
                return Err(Refusal::NoRoute { from, to });
            }
        }
        PlanStep::Detach { .. } => return Err(Refusal::PendingSplit),
        _ => {}
    }
    Ok(())
}
