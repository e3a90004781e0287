//! The player's words for what the game answers: an order taken or refused and why, why a turn
//! stopped, a queued step described. The terminal and the window say the same.

use bevy::prelude::*;

use super::view::{self, PlaceNotFound};
use super::{Given, Order, Refused, Stop};
use crate::scenario::types::{DetachSize, PlanStep, TreasureNames};
use crate::sim::base::ConvoyItem;
use crate::sim::map::MapIndex;
use crate::sim::map::Route;
use crate::sim::orders::words::{drink_phrase, pace_word};
use crate::sim::orders::{Refusal, StateVerb};

/// What the treasure of the campaign in `world` is called.
pub fn treasure(world: &World) -> TreasureNames {
    world
        .get_resource::<crate::sim::ActiveScenario>()
        .map(|s| s.0.campaign.world.treasure.clone())
        .unwrap_or_default()
}

/// A short description of a queued step (a gift counted in the campaign's `treasure` unit).
pub fn step(step: &PlanStep, treasure: &TreasureNames) -> String {
    match step {
        PlanStep::March(to) => format!("march to {to}"),
        PlanStep::Rest(d) => format!("rest {}", days(*d)),
        PlanStep::Forage(d) => format!("camp and send foraging parties out for {}", days(*d)),
        PlanStep::Hostage => "demand a prince of the state as hostage".to_string(),
        PlanStep::InstallKing => "put a friendly king on the state's throne".to_string(),
        PlanStep::Pace(p) => format!("march at the {} pace", pace_word(*p)),
        PlanStep::Drink(d) => drink_phrase(*d).to_string(),
        PlanStep::CarryWater(0) => "carry water for the next leg".to_string(),
        PlanStep::CarryWater(n) => format!("carry {} of water", days(*n)),
        PlanStep::Request => "ask the state for supplies".to_string(),
        PlanStep::Gift(b) => format!("give {b} {}", treasure.gift_unit),
        PlanStep::Requisition => "seize the state's grain".to_string(),
        PlanStep::Battle => "meet the state's army in the field".to_string(),
        PlanStep::Engage => "attack the enemy in the field here".to_string(),
        PlanStep::Attack => "storm the city".to_string(),
        PlanStep::Besiege {
            days,
            assault_from,
            accept_terms,
        } => {
            let assault =
                assault_from.map_or(String::new(), |d| format!(", assaults from day {d}"));
            let terms = if *accept_terms {
                "accepting terms"
            } else {
                "refusing terms"
            };
            format!(
                "besiege the city for up to {}{assault}, {terms}",
                self::days(*days)
            )
        }
        PlanStep::Detach { name, size, .. } => match size {
            DetachSize::Share(x) => format!("send off {name} with {:.0}% of the army", x * 100.0),
            DetachSize::Men(n) => format!("send off {name} with {n} men"),
        },
        PlanStep::Join(f) => format!("join {f}"),
        PlanStep::WaitFor { force, days } => {
            format!("wait up to {} for {force}", self::days(*days))
        }
        PlanStep::Return => "go home".to_string(),
        PlanStep::Hold => "hold this place to the end".to_string(),
    }
}

/// What was done with an order taken in `world`.
pub fn given(world: &World, g: &Given) -> String {
    let name = &g.force;
    let step = |s: &PlanStep| step(s, &treasure(world));
    match &g.order {
        Order::Step(s) if g.pending => format!("{name} (once it splits off): {}", step(s)),
        Order::Step(s) => format!("{name}: {}", step(s)),
        Order::Slaughter(n) => format!("{name} slaughters {n} oxen for meat"),
        Order::SlaughterAnimals(kind, n) => {
            format!("{name} slaughters {n} {} for meat", kind.name())
        }
        Order::Rations(share) if *share >= 1.0 => format!("{name}: the men are on full rations"),
        Order::Rations(share) => format!(
            "{name}: the men are on {:.0}% of a full ration",
            share * 100.0
        ),
        Order::Punish => format!("{name}: the greedy officers are punished"),
        Order::Hand { to, goods, amount } => {
            format!("{name} hands {} to {to}", goods.amount(*amount))
        }
        Order::Cache(goods, amount) => {
            format!("{name} leaves {} in a depot here", goods.amount(*amount))
        }
        Order::Buy(goods, Some(t)) => format!(
            "{name} will buy at most {} from states that sell",
            goods.amount(*t)
        ),
        Order::Buy(goods, None) => format!(
            "{name} will buy all the {} it can carry and pay for",
            goods.word()
        ),
        Order::Draw(goods, amount) => {
            format!("{name} draws {} from the depot here", goods.amount(*amount))
        }
        Order::Convoy(convoy) => {
            let what: Vec<String> = ConvoyItem::ALL
                .into_iter()
                .filter(|i| i.of(convoy) > 0.0)
                .map(|i| i.amount(i.of(convoy)))
                .collect();
            format!(
                "a convoy leaves the base for {name} with {}",
                what.join(", ")
            )
        }
        Order::Cancel => {
            let orders = if g.taken_back == 1 { "order" } else { "orders" };
            format!("{name}: {} {orders} taken back", g.taken_back)
        }
        Order::Terms(accept) => {
            let word = if *accept { "accept" } else { "refuse" };
            format!("{name} will {word} the terms the city offers")
        }
    }
}

/// Why an order to the force called `name` was refused.
pub fn refused(world: &World, name: &str, why: &Refused) -> String {
    match why {
        Refused::NoForce { name, forces } => format!(
            "no force in the field called '{name}'; the forces are: {}",
            forces.join(", ")
        ),
        Refused::Place(PlaceNotFound::None { name, hint }) => {
            let hint = hint
                .as_ref()
                .map(|m| format!("; did you mean '{m}'?"))
                .unwrap_or_default();
            format!("no place called '{name}'{hint}")
        }
        Refused::Place(PlaceNotFound::Several { name, ids }) => {
            format!("'{name}' could be {}", ids.join(", "))
        }
        Refused::Order { force, reason } => {
            let force_name = view::force_name(world, *force);
            let force_name = if force_name.is_empty() {
                name.to_string()
            } else {
                force_name
            };
            refusal(world, &force_name, name, reason)
        }
    }
}

/// A refusal of the simulation's, for the force `force` (its name) given as `given`.
pub fn refusal(world: &World, force: &str, given: &str, reason: &Refusal) -> String {
    let place = |e: Entity| view::place_name(world, e);
    let state = |e: Entity| view::state_name(world, e);
    match reason {
        Refusal::CampaignOver => "the campaign is over".to_string(),
        Refusal::NoEnemy { at } => {
            let here = at.map_or_else(|| "the road".to_string(), place);
            format!("there is no enemy in the field at {here} to engage")
        }
        Refusal::NotInField => format!("{force} is no longer in the field"),
        Refusal::Homeward => format!("{force} is on the road home and takes no more orders"),
        Refusal::Held(by) => format!(
            "{force} is held captive by {} and can do nothing until it slips away",
            state(*by)
        ),
        Refusal::Envoy => format!("{force} is an embassy: it does not fight, besiege or seize"),
        Refusal::BetweenPlaces => format!("{force} is between places; give orders on arrival"),
        Refusal::NoSuchPlace(id) => format!("no place called '{id}'"),
        Refusal::NoRoute { from, to } => {
            let index = world.resource::<MapIndex>();
            let neighbours: Vec<String> = index
                .routes_from(*from)
                .iter()
                .filter_map(|r| world.get::<Route>(*r))
                .map(|r| place(r.other(*from)))
                .collect();
            format!(
                "no route from {} to {}; from {} roads lead to {}",
                place(*from),
                place(*to),
                place(*from),
                neighbours.join(", ")
            )
        }
        Refusal::TooDry {
            from,
            to,
            dry_days,
            water_days,
        } => format!(
            "no route from {} to {} that {force} can cross: {:.0} waterless days, water for {:.0}",
            place(*from),
            place(*to),
            dry_days.0,
            water_days.0
        ),
        Refusal::NoDays => "rest for at least one day".to_string(),
        Refusal::NoForcedMarch => "these rules have no forced march".to_string(),
        Refusal::NoState { at, verb } => {
            let verb = match verb {
                StateVerb::Ask => "ask for supplies",
                StateVerb::Give => "give gifts to",
                StateVerb::Seize => "seize grain from",
                StateVerb::Fight => "fight",
                StateVerb::Settle => "settle",
            };
            let here = at.map_or_else(|| "the road".to_string(), place);
            format!("there is no state at {here} to {verb}")
        }
        Refusal::AlreadySupplies(s) => format!("{} already supplies the army", state(*s)),
        Refusal::NoTreasure => format!("{force} has no {} to give", treasure(world).either),
        Refusal::Submitted(s) => format!("{} has submitted; there is no one to fight", state(*s)),
        Refusal::WallsHold(s) => format!(
            "{} holds its walls: beat its army or besiege it before seizing its grain",
            state(*s)
        ),
        Refusal::DetachSize { men } => format!(
            "a detachment takes a share between 0 and 1, or fewer men than the {men} {force} has"
        ),
        Refusal::NameTaken(n) => format!("there is already a force called '{n}'"),
        Refusal::NoSuchForce(n) => {
            let forces: Vec<String> = view::forces(world)
                .into_iter()
                .map(|e| view::force_name(world, e))
                .collect();
            format!(
                "no force in the field called '{n}'; the forces are: {}",
                forces.join(", ")
            )
        }
        Refusal::ItSelf => format!("{force} cannot wait for or join itself"),
        Refusal::Slaughter { oxen } => {
            format!("{force} has {oxen} oxen; slaughter between 1 and that many")
        }
        Refusal::SlaughterAnimals { kind, spare } => format!(
            "{force} has {spare} {} to slaughter (the cavalry keeps its mounts); slaughter between 1 and that many",
            kind.name()
        ),
        Refusal::Rations { least } => format!(
            "a ration is a share of the full one, from {least} to 1 ('rations 0.75', 'rations full')"
        ),
        Refusal::NoCorruption => format!("{force}'s officers withhold nothing from the men"),
        Refusal::NotTogether(other) => format!(
            "{} is not where {force} is; goods are handed over at the same place",
            view::force_name(world, *other)
        ),
        Refusal::NotEnough { goods, have } => format!(
            "{force} has {}{}",
            goods.amount(*have),
            if *goods
                == crate::sim::orders::Goods::Animals(crate::scenario::types::AnimalKind::Horses)
            {
                " the cavalry does not ride"
            } else {
                ""
            }
        ),
        Refusal::NoRoom { room_t } => {
            format!("it can carry only {room_t:.0} t more; take less, or more pack animals")
        }
        Refusal::DepotHolds { goods, have } => {
            format!("the depot here holds {}", goods.amount(*have))
        }
        Refusal::NotForSale => "states sell grain and fodder only".to_string(),
        Refusal::NotStores => {
            "only grain, fodder and water are left in a depot; animals are handed to a force"
                .to_string()
        }
        Refusal::RoadHome => format!("{force} is on the road home; its road cannot be taken back"),
        Refusal::NothingToCancel => format!("{force} has no orders waiting"),
        Refusal::NotBesieging => format!("{force} is not besieging any city"),
        Refusal::PendingStepsOnly => {
            format!("{given} has not split off yet; it can only be given marching orders")
        }
        Refusal::PendingSplit => format!("{given} must split off before it splits again"),
        Refusal::PendingNowhere => format!("{given} has nowhere to start from"),
        Refusal::NoBase => {
            "this campaign has no base to send a convoy from (its scenario has no muster)"
                .to_string()
        }
        Refusal::ConvoyMen => {
            "a convoy needs men to drive and guard it ('convoy men 200 donkeys 1000 grain 40')"
                .to_string()
        }
        Refusal::BaseHolds { item, have } => {
            format!("the base holds only {}", item.amount(*have))
        }
        Refusal::ConvoyLoad { room_t } => format!(
            "the convoy's men and animals carry only {room_t:.0} t; send more animals or fewer stores"
        ),
        Refusal::NoHostage(s) => format!(
            "{} has not submitted, sold or been conquered: it gives no hostage",
            state(*s)
        ),
        Refusal::HostageHeld(s) => format!("{}'s prince is already held at court", state(*s)),
        Refusal::NoThrone(s) => format!(
            "{} has not submitted or been conquered: no king can be put on its throne",
            state(*s)
        ),
        Refusal::KingReigns(s) => format!(
            "{} already has a king friendly to the {}",
            state(*s),
            world
                .resource::<crate::sim::ActiveScenario>()
                .0
                .campaign
                .world
                .side
        ),
    }
}

/// Why a turn stopped.
pub fn stop(world: &World, stop: &Stop) -> String {
    let force = |e: Entity| view::force_name(world, e);
    match stop {
        Stop::Ended(outcome) => format!("the campaign has ended: {}", outcome.word()),
        Stop::State { state, answer } => {
            format!("{}: {}", view::state_name(world, *state), answer.words())
        }
        Stop::SiegeEnded => "a siege has ended".to_string(),
        Stop::OnItsWay(f) => format!("{} is on its way", force(*f)),
        Stop::Fought(f) => format!("{} has been in a fight", force(*f)),
        Stop::Arrived(f) => format!("{} has arrived", force(*f)),
        Stop::Short(f) => format!("{} is short of grain or water", force(*f)),
        Stop::Snowbound(f) => format!(
            "snow closes {}'s road: it waits for the season to turn",
            force(*f)
        ),
        Stop::Awaiting(f) => format!("{} awaits orders", force(*f)),
        Stop::DaysPassed(1) => "a day has passed".to_string(),
        Stop::DaysPassed(n) => format!("{n} days have passed"),
    }
}

pub use crate::report::text::days;
