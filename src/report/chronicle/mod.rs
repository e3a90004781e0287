//! The chronicle's words: each event of the campaign told as a line for people, or not told at
//! all (daily losses too small to mention, orders, warnings). The report, the terminal and the
//! window all tell the campaign with these words.

use std::fmt::Write as _;

use bevy::prelude::*;
use serde::Serialize;

use crate::scenario::types::WorldNames;
use crate::scenario::types::{Effect, Pace};
use crate::sim::ActiveScenario;
use crate::sim::calendar::Calendar;
use crate::sim::campaign::Outcome;
use crate::sim::enemy::EnemyEnd;
use crate::sim::force::{Because, Force};
use crate::sim::log::Answer;
use crate::sim::log::{EffectRef, Logged, SiegeEnd, SimEvent};
use crate::sim::map::Place;
use crate::sim::orders::words::drink_phrase;
use crate::sim::state::OasisState;

mod aims;
mod battle;
use battle::battle;

/// A line of the campaign's chronicle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChronicleEntry {
    /// The day.
    pub day: u32,
    /// What happened.
    pub text: String,
}

/// The names the chronicle tells of, looked up in the world.
pub struct Names<'w> {
    world: &'w World,
}

impl<'w> Names<'w> {
    /// The names in `world`.
    pub fn new(world: &'w World) -> Self {
        Names { world }
    }

    /// A force's name.
    pub fn force(&self, e: Entity) -> &'w str {
        self.world.get::<Force>(e).map_or("", |f| f.name.as_str())
    }

    /// A place's name.
    pub fn place(&self, e: Entity) -> &'w str {
        self.world.get::<Place>(e).map_or("", |p| p.name.as_str())
    }

    /// A state's name.
    pub fn state(&self, e: Entity) -> &'w str {
        self.world
            .get::<OasisState>(e)
            .map_or("", |s| s.name.as_str())
    }

    /// The names of the campaign's world (its side, rival and currency).
    pub fn world(&self) -> &'w WorldNames {
        static NEUTRAL: std::sync::LazyLock<WorldNames> =
            std::sync::LazyLock::new(WorldNames::default);
        self.world
            .get_resource::<ActiveScenario>()
            .map_or(&*NEUTRAL, |s| &s.0.campaign.world)
    }

    /// The words of the campaign's goal `i` (its own name, or made from it with the names of its
    /// state or place).
    pub fn goal(&self, i: usize) -> String {
        // The goals as the campaign tracks them, `capture` first.
        let (Some(scenario), Some(goal)) = (
            self.world.get_resource::<ActiveScenario>(),
            self.world
                .get_resource::<crate::sim::CampaignStatus>()
                .and_then(|s| s.goals.get(i)),
        ) else {
            return String::new();
        };
        let map = &scenario.0.map;
        crate::sim::objectives::describe(&goal.goal, |id| {
            map.states
                .iter()
                .find(|s| s.id == id)
                .map(|s| s.name.clone())
                .or_else(|| {
                    map.places
                        .iter()
                        .find(|p| p.id == id)
                        .map(|p| p.name.clone())
                })
                .unwrap_or_else(|| id.to_string())
        })
    }

    /// A state's ruler by name (else "its ruler").
    pub fn leader(&self, e: Entity) -> String {
        self.world
            .get::<OasisState>(e)
            .and_then(|s| s.leader.clone())
            .unwrap_or_else(|| "its ruler".to_string())
    }

    /// One of the scenario's event effects.
    pub fn effect(&self, at: EffectRef) -> Option<&'w Effect> {
        at.in_campaign(&self.world.get_resource::<ActiveScenario>()?.0.campaign)
    }

    /// The name of the relief army or allies of a scenario effect.
    fn party(&self, at: EffectRef) -> &'w str {
        self.effect(at).and_then(Effect::party).unwrap_or("")
    }
}

/// Losses on a day are told when they reach this many men and this share of the force.
const TOLD_LOSSES: (u32, f64) = (50, 0.01);
/// Slaughter for want of grain is told from this many animals.
const TOLD_SLAUGHTER: u32 = 100;

/// A quartermaster's order carried out, told.
fn provisioned(names: &Names, force: &str, what: &crate::sim::log::Provision) -> String {
    use crate::sim::log::Provision as P;
    match what {
        P::Rations(share) if *share >= 1.0 => format!("{force} puts its men on full rations"),
        P::Rations(share) => format!(
            "{force} puts its men on {:.0}% of a full ration",
            share * 100.0
        ),
        P::Punished { corruption } => format!(
            "{force} punishes its greedy officers: they now withhold {:.0}% of the ration, and the army is shaken",
            corruption * 100.0
        ),
        P::Handed { to, goods, amount } => format!(
            "{force} hands {} to {}",
            goods.amount(*amount),
            names.force(*to)
        ),
        P::Cached {
            place,
            goods,
            amount,
        } => format!(
            "{force} leaves {} in a depot at {}",
            goods.amount(*amount),
            names.place(*place)
        ),
        P::Drawn {
            place,
            goods,
            amount,
        } => format!(
            "{force} draws {} from the depot at {}",
            goods.amount(*amount),
            names.place(*place)
        ),
        P::Foraged { food, fodder, lost } => {
            let lost = match lost {
                0 => String::new(),
                n => format!("; {n} of them are cut off and killed"),
            };
            format!(
                "{force}'s foraging parties bring in {:.1} t of food and {:.1} t of grass{lost}",
                food.0 / 1000.0,
                fodder.0 / 1000.0
            )
        }
        P::ConvoySent {
            convoy,
            grain,
            fodder,
        } => format!(
            "{} sets out from the base for {force} with {:.0} t of grain and {:.0} t of fodder",
            names.force(*convoy),
            grain.0 / 1000.0,
            fodder.0 / 1000.0
        ),
    }
}

/// The chronicle's line for `event`, if it is told.
pub fn line(names: &Names, calendar: &Calendar, logged: &Logged) -> Option<String> {
    use SimEvent as E;
    let f = |e: Entity| names.force(e);
    let s = |e: Entity| names.state(e);
    Some(match &logged.event {
        E::Provisioned { force, what } => provisioned(names, f(*force), what),
        E::SetOut {
            force,
            at,
            men,
            animals,
        } => format!(
            "{} sets out from {} with {men} men, {} horses, {} oxen, {} donkeys and {} camels",
            f(*force),
            names.place(*at),
            animals.horses,
            animals.oxen,
            animals.donkeys,
            animals.camels
        ),
        E::CaptivesFreed { force, count } => format!(
            "{} lets {count} captives go: there is no grain for them",
            f(*force)
        ),
        E::Snowbound {
            force,
            to,
            closed_by_event,
        } => format!(
            "{} to {}: {} waits for it to open",
            if *closed_by_event {
                "the road is closed"
            } else {
                "snow closes the road"
            },
            names.place(*to),
            f(*force)
        ),
        E::Arrived {
            force,
            place,
            men,
            horses,
            grain,
        } => format!(
            "{} reaches {} with {men} men, {horses} horses and {:.0} t of grain",
            f(*force),
            names.place(*place),
            grain.tonnes()
        ),
        E::TurnedHome {
            force,
            from,
            because,
        } => match because {
            Because::Commanded => {
                format!("{} turns for home from {}", f(*force), names.place(*from))
            }
            Because::WorkDone => format!("{}, its work done, turns for home", f(*force)),
            Because::Beaten => format!("{}, beaten in battle, turns for home", f(*force)),
            Because::Depleted => format!("{}, too weak to go on, turns for home", f(*force)),
            Because::PlanDone => {
                format!("{}, its orders carried out, turns for home", f(*force))
            }
        },
        E::PaceSet { force, pace } => format!(
            "{} goes on at {}",
            f(*force),
            match pace {
                Pace::Standard => "the standard day's march",
                Pace::Light => "its own best pace",
                Pace::Forced => "a forced march",
            }
        ),
        E::DrinkSet { force, first } => format!("{}: {}", f(*force), drink_phrase(*first)),
        E::WaterLoadSet { force, days: 0 } => {
            format!("{} carries water for the next leg's dry stretch", f(*force))
        }
        E::WaterLoadSet { force, days } => {
            format!("{} fills its skins for {days} days of water", f(*force))
        }
        E::Detached {
            from,
            force,
            men,
            animals,
        } => format!(
            "{} sends {} on its own way with {men} men and {animals} animals",
            f(*from),
            f(*force)
        ),
        E::Joined {
            force,
            into,
            men,
            animals,
        } => format!(
            "{} joins {} with {men} men and {animals} animals",
            f(*force),
            f(*into)
        ),
        E::NoOneToJoin { force } => {
            format!("{} finds no one to join and goes on alone", f(*force))
        }
        E::GaveUpWaiting { force, on } => format!(
            "{} has turned for home; {} gives up waiting for it",
            f(*on),
            f(*force)
        ),
        E::Slaughtered {
            force,
            kind,
            count,
            ordered,
        } => {
            if *ordered {
                format!("{} slaughters {count} {} for meat", f(*force), kind.name())
            } else if *count >= TOLD_SLAUGHTER {
                format!(
                    "{}: grain short, {count} {} slaughtered for meat",
                    f(*force),
                    kind.name()
                )
            } else {
                return None;
            }
        }
        E::MenLost {
            force,
            lost,
            before,
            corruption,
        } => {
            let total = lost.total();
            if total < TOLD_LOSSES.0 || f64::from(total) < TOLD_LOSSES.1 * f64::from(*before) {
                return None;
            }
            let causes = [
                (lost.thirst, "thirst"),
                (lost.hunger, "hunger"),
                (lost.exposure, "exposure"),
                (lost.disease, "disease"),
                (lost.desertion, "desertion"),
            ];
            // One string written in place: most of a chronicle's lines are these.
            let mut line = format!("{} loses {total} men: ", f(*force));
            for (i, (n, cause)) in causes.iter().filter(|(n, _)| *n > 0).enumerate() {
                let sep = if i == 0 { "" } else { ", " };
                let _ = write!(line, "{sep}{n} to {cause}");
            }
            // (Never the first part: there is desertion before it.)
            if *corruption && lost.desertion > 0 {
                line.push_str(", officers withhold rations");
            }
            line
        }
        E::NothingToGive { force, .. } => {
            format!(
                "{} has no {} left to give",
                f(*force),
                names.world().treasure.either
            )
        }
        E::GiftGiven {
            force,
            state,
            cash,
            attitude,
        } => format!(
            "{} gives {} {} worth {cash:.0} {}; its attitude is now {attitude:+.2}",
            f(*force),
            s(*state),
            names.world().treasure.both,
            names.world().currency
        ),
        E::GrainSeized {
            force,
            state,
            grain,
            ..
        } => format!(
            "{} seizes {:.0} t of grain from {}",
            f(*force),
            grain.tonnes(),
            s(*state)
        ),
        E::WallsHold { force, state } => format!(
            "{} comes to seize the grain of {}, but the town holds its walls: it must be beaten or besieged first",
            f(*force),
            s(*state)
        ),
        E::Answered {
            state,
            force,
            answer,
            spare_grain,
        } => match answer {
            Answer::Submit => format!(
                "{} submits to {} and opens its granaries ({:.0} t of grain to spare)",
                s(*state),
                f(*force),
                spare_grain.tonnes()
            ),
            Answer::Sell => format!(
                "{} will not submit to {} but sells grain for {}",
                s(*state),
                f(*force),
                names.world().treasure.both
            ),
            Answer::Refuse | Answer::Attack => format!(
                "{} shuts its gates on {} and refuses food; the army besieges it",
                s(*state),
                f(*force)
            ),
        },
        E::HostageSent { state } => {
            format!(
                "{} sends a prince to the {} court as hostage",
                s(*state),
                names.world().side
            )
        }
        E::HostageRefused { force, state } => format!(
            "{} will give no hostage to {} and shuts its gates",
            s(*state),
            f(*force)
        ),
        E::KingInstalled { force, state } => format!(
            "{} puts a king friendly to the {} on the throne of {}",
            f(*force),
            names.world().side,
            s(*state)
        ),
        E::Battle(b) => battle(names, b),
        E::StreamDiverted { force, state } => format!(
            "{}'s engineers divert the stream that {} drinks from; the city lives on its cisterns",
            f(*force),
            s(*state)
        ),
        E::SiegeEnded {
            force,
            state,
            days,
            end,
            ..
        } => match end {
            SiegeEnd::Starved => format!(
                "{} lifts the siege of {} after {days} days, its own grain running out",
                f(*force),
                s(*state)
            ),
            SiegeEnd::HeldOut => format!(
                "{} lifts the siege of {} after {days} days, the city holding out",
                f(*force),
                s(*state)
            ),
            SiegeEnd::AfterRefusedTerms => format!(
                "{} surrenders after {days} days of siege; {} takes the city, having refused its terms",
                s(*state),
                f(*force)
            ),
            SiegeEnd::AfterRefusingFood => format!(
                "{} surrenders after {days} days of siege; {} takes the city, and sacks it for refusing food",
                s(*state),
                f(*force)
            ),
            SiegeEnd::Relieved | SiegeEnd::Stormed | SiegeEnd::Terms => return None,
        },
        E::TermsAccepted {
            force,
            state,
            horses,
            superior,
            grain,
        } => format!(
            "{}'s nobles kill their king and offer terms, which {} accepts: {horses} horses and {superior} superior horses, {:.0} t of grain, a hostage, and a new king friendly to the {}",
            s(*state),
            f(*force),
            grain.tonnes(),
            names.world().side
        ),
        E::TermsRefused {
            force,
            state,
            horses_killed,
        } => format!(
            "{} offers terms; {} refuses them, and the defenders kill {horses_killed} of their horses and fight on",
            s(*state),
            f(*force)
        ),
        E::ScenarioMessage(at) => match names.effect(*at) {
            Some(Effect::Message(text)) => text.clone(),
            _ => return None,
        },
        E::Reinforced { force, effect } => match names.effect(*effect) {
            Some(Effect::Reinforce { men, animals, .. }) => format!(
                "{} men and {} animals join {}",
                men.total(),
                animals.total(),
                f(*force)
            ),
            _ => return None,
        },
        E::AlliesJoined { force, effect } => match names.effect(*effect) {
            Some(Effect::Ally {
                name,
                men,
                commitment,
                ..
            }) => {
                let how = if *commitment <= 0.0 {
                    "but they hold back and will not fight"
                } else {
                    "ready to fight"
                };
                format!("{men} men of {name} join {}, {how}", f(*force))
            }
            _ => return None,
        },
        E::ReliefComing(at) => match names.effect(*at) {
            Some(Effect::Relief {
                name, men, days, ..
            }) => format!(
                "{men} men of {name} march to relieve the besieged; they will come in {days} days"
            ),
            _ => return None,
        },
        E::LeaderWounded { state } => {
            let st = names.world.get::<OasisState>(*state);
            let leader = st.and_then(|s| s.leader.as_deref()).unwrap_or("its ruler");
            format!(
                "{leader} of {} is wounded; the defenders lose heart",
                s(*state)
            )
        }
        E::ForceSent { force, to } => format!(
            "{} is sent to {} by the shortest road",
            f(*force),
            names.place(*to)
        ),
        E::EnemyInField { enemy, at, men } => format!(
            "{men} men of {} take the field at {}",
            names.party(*enemy),
            names.place(*at)
        ),
        E::EnemyShadows { enemy, force } => format!(
            "{} come up with {}, find it too strong to attack, and shadow it",
            names.party(*enemy),
            f(*force)
        ),
        E::EnemyEntersCity { enemy, state, men } => format!(
            "{} find no siege at {} and go in to hold its walls: {men} more men for its defence",
            names.party(*enemy),
            s(*state)
        ),
        E::EnemyGone { enemy, men, end } => {
            let who = names.party(*enemy);
            match end {
                EnemyEnd::Scattered => format!("{who} scatter ({men} men left)"),
                EnemyEnd::Loot => format!("{who} ride off with their plunder"),
                EnemyEnd::Beaten => format!("{who}, beaten off, withdraw ({men} men left)"),
                EnemyEnd::NoOneToFight => return None,
            }
        }
        E::ReliefFoundNoSiege(at) => {
            format!("{} finds no siege to break and goes home", names.party(*at))
        }
        E::ReliefHeldBack { relief, force } => format!(
            "{} watches {}, finds it still strong, and dares not attack",
            names.party(*relief),
            f(*force)
        ),
        E::EnvoyReceived { .. }
        | E::EnvoyRefused { .. }
        | E::Seized { .. }
        | E::Escaped { .. }
        | E::RouteChanged { .. }
        | E::PalisadeBurned { .. }
        | E::LeaderFell { .. }
        | E::GoalMet { .. }
        | E::Holding { .. }
        | E::Levied { .. }
        | E::LevyRefused { .. }
        | E::ContingentArrived { .. } => return aims::line(names, &logged.event),
        E::CampaignEnded(outcome) => {
            let text = match outcome {
                Outcome::Victory => "The campaign ends in victory",
                Outcome::Retreat => "The campaign ends in retreat",
                Outcome::Destroyed => "The army is destroyed",
            };
            format!("{text} ({})", calendar.on(logged.day).describe())
        }
        E::CityTaken { grain, .. } if grain.0 <= 0.0 => return None,
        E::CityTaken {
            force,
            state,
            grain,
            ..
        } => format!(
            "{} carries off {:.0} t of grain from the stores of {}",
            f(*force),
            grain.tonnes().0,
            s(*state)
        ),
        E::AnimalsLost { .. }
        | E::RanShort { .. }
        | E::AwaitingOrders { .. }
        | E::SiegeBegun { .. }
        | E::PrestigeChanged { .. }
        | E::OrderGiven { .. }
        | E::OrderRefused { .. } => return None,
    })
}

/// The second line some events are told in: word of a broken promise spreading.
pub fn aftermath(names: &Names, logged: &Logged) -> Option<String> {
    match logged.event {
        SimEvent::GrainSeized {
            state,
            broken_promise: true,
            ..
        } => Some(format!(
            "Word spreads that the {} robbed {}, which had submitted: every state trusts them less",
            names.world().side,
            names.state(state)
        )),
        _ => None,
    }
}

/// The chronicle's lines for `logged`: none, one, or two.
pub fn lines(names: &Names, calendar: &Calendar, logged: &Logged) -> Vec<String> {
    told(names, calendar, logged).collect()
}

/// The lines `logged` is told in, as they are built: most of a campaign's events are not told (a
/// day's small losses, orders), and cost a match, not a list.
fn told<'a>(
    names: &'a Names,
    calendar: &'a Calendar,
    logged: &'a Logged,
) -> impl Iterator<Item = String> + 'a {
    line(names, calendar, logged)
        .into_iter()
        .chain(aftermath(names, logged))
}

/// The chronicle of `log` in words, a line an entry for the events that are told.
pub fn entries(world: &World, log: &[Logged]) -> Vec<ChronicleEntry> {
    let names = Names::new(world);
    let Some(calendar) = world.get_resource::<Calendar>() else {
        return Vec::new();
    };
    let mut entries = Vec::new();
    for l in log {
        for text in told(&names, calendar, l) {
            entries.push(ChronicleEntry { day: l.day, text });
        }
    }
    entries
}
