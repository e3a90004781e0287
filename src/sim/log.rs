//! Every fact the simulation produces leaves it as one typed message, a [`SimEvent`]: arrivals,
//! answers, sieges begun and ended, battles, men and animals lost by cause, prestige, orders given
//! and refused. At the end of each day (and after orders given between days) they are gathered,
//! in the order they happened, into the campaign's [`Chronicle`], from which the chronicle's
//! words, the report's records, the reasons a turn stops and the window's redraws are all made.
//!
//! Events name entities and carry numbers, never text: the words are the front ends' (see
//! `report::chronicle`).

use bevy::prelude::*;
use serde::Serialize;

use super::calendar::Calendar;
use super::campaign::Outcome;
use super::force::{AnimalLosses, Because, MenLosses};
use super::orders::{Goods, Order, Refusal, Target};
use crate::scenario::types::{AnimalKind, DrinkFirst, Pace, PerAnimal};
use crate::scenario::units::Kg;

/// A state's answer to a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Submits and supplies.
    Submit,
    /// Sells grain and fodder for silk and gold.
    Sell,
    /// Shuts its gates.
    Refuse,
    /// Attacks the force.
    Attack,
}

/// One of the scenario's event effects: the event's index in the campaign file and the effect's
/// index in its `then` list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EffectRef {
    /// The event.
    pub event: usize,
    /// The effect.
    pub effect: usize,
}

impl EffectRef {
    /// The effect it names in `campaign`.
    pub fn in_campaign(
        self,
        campaign: &crate::scenario::types::CampaignFile,
    ) -> Option<&crate::scenario::types::Effect> {
        campaign.events.get(self.event)?.then.get(self.effect)
    }
}

/// Why an enemy force left the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnemyEnd {
    /// Beaten, starved or worn down, it scattered.
    Scattered,
    /// It rode off with what it took.
    Loot,
    /// Beaten off, it withdrew.
    Beaten,
    /// It found no one to fight, or no siege to break.
    NoOneToFight,
}

/// What kind of fight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BattleKind {
    /// A state that refused falls on the column at its gates.
    StateAttack,
    /// The besieged sally.
    Sally,
    /// The besieger assaults the walls; a won assault breaches the outer wall, or storms the
    /// inner city where the outer one is down (`stormed`).
    Assault {
        /// The city was stormed.
        stormed: bool,
    },
    /// A force storms the city in one battle.
    Storm,
    /// A force meets the state's army in the open.
    Field,
    /// A relief army falls on the besieger.
    Relief,
    /// Raiders fall on a force's baggage and herds.
    Raid,
    /// An enemy in the field falls on a force's camp by night.
    NightAttack,
    /// A force attacks an enemy force in the field.
    Engage,
}

/// A battle between a force and a state's soldiers (or a relief army).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Battle {
    /// What kind of fight.
    pub kind: BattleKind,
    /// The force.
    pub force: Entity,
    /// The state, where a state fought.
    pub state: Option<Entity>,
    /// The relief army, where one fought.
    pub relief: Option<EffectRef>,
    /// Enemy men engaged (the sallying party; 0 where the whole army fought).
    pub enemy_men: u32,
    /// Whether the force won.
    pub won: bool,
    /// The force's men killed.
    pub killed: u32,
    /// The force's men taken alive by the enemy.
    pub captured: u32,
    /// The force's men wounded (who live).
    pub wounded: u32,
    /// Enemy men killed.
    pub enemy_killed: u32,
    /// Enemy men taken alive.
    pub enemy_captured: u32,
    /// Enemy men wounded (who live).
    pub enemy_wounded: u32,
}

/// How a siege ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SiegeResult {
    /// The city surrendered and was taken.
    Fell,
    /// The city was stormed.
    Stormed,
    /// The city accepted terms.
    Terms,
    /// The besieger gave up.
    Lifted,
}

impl SiegeResult {
    /// The word, as the report has it.
    pub fn word(self) -> &'static str {
        match self {
            SiegeResult::Fell => "fell",
            SiegeResult::Stormed => "stormed",
            SiegeResult::Terms => "terms",
            SiegeResult::Lifted => "lifted",
        }
    }
}

/// Why a siege ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiegeEnd {
    /// The besieger's own food ran out.
    Starved,
    /// The commander's limit came, or the besieger is gone, and the city still held.
    HeldOut,
    /// A relief army routed the besieger.
    Relieved,
    /// The city broke after refused terms, and was taken.
    AfterRefusedTerms,
    /// The city broke, and was sacked for refusing the army food.
    AfterRefusingFood,
    /// The city was stormed.
    Stormed,
    /// The city accepted terms.
    Terms,
}

impl SiegeEnd {
    /// The siege's result.
    pub fn result(self) -> SiegeResult {
        match self {
            SiegeEnd::Starved | SiegeEnd::HeldOut | SiegeEnd::Relieved => SiegeResult::Lifted,
            SiegeEnd::AfterRefusedTerms | SiegeEnd::AfterRefusingFood => SiegeResult::Fell,
            SiegeEnd::Stormed => SiegeResult::Stormed,
            SiegeEnd::Terms => SiegeResult::Terms,
        }
    }
}

/// What a force's quartermaster did by order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Provision {
    /// The men were put on this share of the full ration.
    Rations(f64),
    /// The officers were punished: they now withhold this share of the ration.
    Punished {
        /// The share withheld now.
        corruption: f64,
    },
    /// Goods handed to another force.
    Handed {
        /// The force that took them.
        to: Entity,
        /// What.
        goods: Goods,
        /// How much (tonnes, cubic metres, or heads).
        amount: f64,
    },
    /// Stores left in the depot at a place.
    Cached {
        /// The place.
        place: Entity,
        /// What.
        goods: Goods,
        /// How much.
        amount: f64,
    },
    /// Stores taken from the depot at a place.
    Drawn {
        /// The place.
        place: Entity,
        /// What.
        goods: Goods,
        /// How much.
        amount: f64,
    },
    /// The foraging parties came back from the country about the camp.
    Foraged {
        /// Wild food they brought in (carried as grain).
        food: Kg,
        /// Grass they cut (carried as fodder).
        fodder: Kg,
        /// Men of the parties killed.
        lost: u32,
    },
    /// A convoy set out from the base with stores for this force.
    ConvoySent {
        /// The convoy, a force of its own.
        convoy: Entity,
        /// Its grain.
        grain: Kg,
        /// Its fodder.
        fodder: Kg,
    },
}

/// A fact of the campaign.
#[derive(Message, Debug, Clone, PartialEq)]
pub enum SimEvent {
    /// A force's quartermaster did something by order.
    Provisioned {
        /// The force.
        force: Entity,
        /// What.
        what: Provision,
    },
    /// A force sets out at the start of the campaign.
    SetOut {
        /// The force.
        force: Entity,
        /// Where.
        at: Entity,
        /// Men.
        men: u32,
        /// Animals.
        animals: PerAnimal<u32>,
    },
    /// A force changes its pace.
    PaceSet {
        /// The force.
        force: Entity,
        /// Its pace from now on.
        pace: Pace,
    },
    /// A force changes who drinks first.
    DrinkSet {
        /// The force.
        force: Entity,
        /// Who drinks first from now on.
        first: DrinkFirst,
    },
    /// A force changes how much water it carries.
    WaterLoadSet {
        /// The force.
        force: Entity,
        /// Days of water (0: the next leg's need).
        days: u32,
    },
    /// Snow closes the road a force means to take: it waits where it is until the road opens.
    Snowbound {
        /// The force.
        force: Entity,
        /// Where the road leads.
        to: Entity,
        /// Whether an event closed it (else snow).
        closed_by_event: bool,
    },
    /// A force lets captives go: it has no grain for them.
    CaptivesFreed {
        /// The force.
        force: Entity,
        /// How many.
        count: u32,
    },
    /// A force reaches a place.
    Arrived {
        /// The force.
        force: Entity,
        /// The place.
        place: Entity,
        /// Men on arrival.
        men: u32,
        /// Horses on arrival.
        horses: u32,
        /// Grain carried on arrival.
        grain: Kg,
    },
    /// A force turns for home.
    TurnedHome {
        /// The force.
        force: Entity,
        /// Where it turns.
        from: Entity,
        /// Why.
        because: Because,
    },
    /// A state received an envoy as its guests (and agreed to an alliance, or not).
    EnvoyReceived {
        /// The embassy.
        force: Entity,
        /// The state.
        state: Entity,
        /// Whether it agreed to an alliance.
        alliance: bool,
    },
    /// A state shut its gates on an envoy.
    EnvoyRefused {
        /// The embassy.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// A party was seized (on a power's road, or detained by its host) and is held in the city of
    /// `by`.
    Seized {
        /// The party.
        force: Entity,
        /// Who holds it.
        by: Entity,
        /// Men killed as it was taken.
        killed: u32,
    },
    /// A held party slipped away.
    Escaped {
        /// The party.
        force: Entity,
        /// Who held it.
        from: Entity,
        /// Men who got away.
        men: u32,
    },
    /// A state raised a contingent for the side (a scenario's `Levy`).
    Levied {
        /// The state.
        state: Entity,
        /// The contingent, a force of its own.
        force: Entity,
        /// Its men.
        men: u32,
    },
    /// A force came into the field by a scenario's `Contingent`.
    ContingentArrived {
        /// The force.
        force: Entity,
        /// Where it comes in.
        at: Entity,
        /// Its men.
        men: u32,
    },
    /// A state asked for a contingent would not raise one (it does not feed the side).
    LevyRefused {
        /// The state.
        state: Entity,
    },
    /// A scenario event closed (or opened) the road between two places.
    RouteChanged {
        /// One end.
        from: Entity,
        /// The other.
        to: Entity,
        /// Closed (else opened).
        closed: bool,
    },
    /// Storming parties burned a city's palisade.
    PalisadeBurned {
        /// The force.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// A fallen city's ruler was killed, or taken alive.
    LeaderFell {
        /// The state.
        state: Entity,
        /// Killed (else taken alive).
        killed: bool,
    },
    /// A force stays where it is to the end, as a garrison.
    Holding {
        /// The force.
        force: Entity,
        /// Where it holds.
        at: Entity,
    },
    /// A force sends a detachment on its own way.
    Detached {
        /// The force it leaves.
        from: Entity,
        /// The detachment.
        force: Entity,
        /// Its men.
        men: u32,
        /// Its animals.
        animals: u32,
    },
    /// A force merges into another.
    Joined {
        /// The force that merges.
        force: Entity,
        /// The force it merges into.
        into: Entity,
        /// Men it brings.
        men: u32,
        /// Animals it brings.
        animals: u32,
    },
    /// A force waiting to join finds the other gone.
    NoOneToJoin {
        /// The force.
        force: Entity,
    },
    /// A force waiting to join gives up: the other has turned for home.
    GaveUpWaiting {
        /// The force that waited.
        force: Entity,
        /// The force it waited for.
        on: Entity,
    },
    /// Animals slaughtered for meat.
    Slaughtered {
        /// The force.
        force: Entity,
        /// Which kind.
        kind: AnimalKind,
        /// How many.
        count: u32,
        /// By order (else because the grain ran short).
        ordered: bool,
    },
    /// Men lost today, by cause (combat losses are in the battles).
    MenLost {
        /// The force.
        force: Entity,
        /// How many, by cause.
        lost: MenLosses,
        /// Men before the day's losses.
        before: u32,
        /// Officers withhold part of the ration.
        corruption: bool,
    },
    /// Animals of one kind lost today, by cause.
    AnimalsLost {
        /// The force.
        force: Entity,
        /// Which kind.
        kind: AnimalKind,
        /// How many, by cause.
        lost: AnimalLosses,
    },
    /// A force's grain or water has fallen below a few days.
    RanShort {
        /// The force.
        force: Entity,
    },
    /// A force under the player stands idle with no orders.
    AwaitingOrders {
        /// The force.
        force: Entity,
    },
    /// A force had no silk or gold left to give.
    NothingToGive {
        /// The force.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// A force gave a state silk and gold.
    GiftGiven {
        /// The force.
        force: Entity,
        /// The state.
        state: Entity,
        /// Worth, in cash.
        cash: f64,
        /// The state's attitude afterwards.
        attitude: f64,
    },
    /// A force seized a state's grain.
    GrainSeized {
        /// The force.
        force: Entity,
        /// The state.
        state: Entity,
        /// Grain taken.
        grain: Kg,
        /// The state had submitted: word of a broken promise spreads.
        broken_promise: bool,
    },
    /// A force came to seize a state's grain, and the town held its walls: it must be beaten or
    /// besieged first.
    WallsHold {
        /// The force.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// A state answered a request.
    Answered {
        /// The state.
        state: Entity,
        /// The force that asked.
        force: Entity,
        /// Submit, sell or refuse.
        answer: Answer,
        /// Grain it has to spare.
        spare_grain: Kg,
    },
    /// A state sent a prince to court as hostage.
    HostageSent {
        /// The state.
        state: Entity,
    },
    /// A state that only sold refused a force's demand for a hostage and shut its gates.
    HostageRefused {
        /// The force that demanded one.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// A force put a friendly king on a state's throne.
    KingInstalled {
        /// The force.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// A battle.
    Battle(Battle),
    /// A siege begins.
    SiegeBegun {
        /// The besieger.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// Engineers diverted the stream a besieged city drinks from.
    StreamDiverted {
        /// The besieger.
        force: Entity,
        /// The state.
        state: Entity,
    },
    /// A siege ended.
    SiegeEnded {
        /// The besieger.
        force: Entity,
        /// The state.
        state: Entity,
        /// Days it lasted.
        days: u32,
        /// Whether the city's water had been cut.
        water_diverted: bool,
        /// How and why it ended.
        end: SiegeEnd,
    },
    /// A besieged city's terms were accepted.
    TermsAccepted {
        /// The besieger.
        force: Entity,
        /// The state.
        state: Entity,
        /// Horses handed over.
        horses: u32,
        /// Superior horses handed over.
        superior: u32,
        /// Grain handed over.
        grain: Kg,
    },
    /// A besieged city's terms were refused.
    TermsRefused {
        /// The besieger.
        force: Entity,
        /// The state.
        state: Entity,
        /// Horses the defenders killed.
        horses_killed: u32,
    },
    /// A city was taken by force.
    CityTaken {
        /// The force.
        force: Entity,
        /// The state.
        state: Entity,
        /// Sacked for refusing the army.
        sacked: bool,
        /// Grain carried off from the city's stores.
        grain: Kg,
    },
    /// Han prestige changed.
    PrestigeChanged {
        /// By how much.
        by: f64,
        /// Its value now.
        now: f64,
    },
    /// A message of the scenario's events.
    ScenarioMessage(EffectRef),
    /// Reinforcements of a scenario event joined a force.
    Reinforced {
        /// The force.
        force: Entity,
        /// The effect.
        effect: EffectRef,
    },
    /// Allies of a scenario event joined a force.
    AlliesJoined {
        /// The force.
        force: Entity,
        /// The effect.
        effect: EffectRef,
    },
    /// A relief army of a scenario event sets out.
    ReliefComing(EffectRef),
    /// A relief army came and found no siege.
    ReliefFoundNoSiege(EffectRef),
    /// A relief army came, found the besieger strong and did not attack.
    ReliefHeldBack {
        /// The relief army.
        relief: EffectRef,
        /// The besieger.
        force: Entity,
    },
    /// A state's leader is wounded (in a fight at his city, or by a scenario event).
    LeaderWounded {
        /// The state.
        state: Entity,
    },
    /// A scenario event sends a force by the shortest road to a place (its queued orders set
    /// aside).
    ForceSent {
        /// The force.
        force: Entity,
        /// Where to.
        to: Entity,
    },
    /// An enemy force of a scenario event takes the field.
    EnemyInField {
        /// Its effect.
        enemy: EffectRef,
        /// Where.
        at: Entity,
        /// Its men.
        men: u32,
    },
    /// An enemy force came up with a force, found it too strong to attack, and shadows it.
    EnemyShadows {
        /// The enemy.
        enemy: EffectRef,
        /// The force.
        force: Entity,
    },
    /// An enemy force came to relieve a city, found no siege, and went in to hold its walls.
    EnemyEntersCity {
        /// The enemy.
        enemy: EffectRef,
        /// The state.
        state: Entity,
        /// Its men.
        men: u32,
    },
    /// An enemy force left the field.
    EnemyGone {
        /// The enemy.
        enemy: EffectRef,
        /// Its men left.
        men: u32,
        /// Why.
        end: EnemyEnd,
    },
    /// An order was given and taken.
    OrderGiven {
        /// To whom.
        target: Target,
        /// The order (boxed: the largest of the facts, and a rare one, kept out of the way of the
        /// day's many small ones).
        order: Box<Order>,
    },
    /// An order was refused.
    OrderRefused {
        /// To whom.
        target: Target,
        /// The order (boxed, as above).
        order: Box<Order>,
        /// Why.
        reason: Refusal,
    },
    /// A goal of the campaign was met (its index in the objective's goals, `capture` first).
    GoalMet {
        /// The goal's index.
        goal: usize,
    },
    /// The campaign ended.
    CampaignEnded(Outcome),
}

/// An event and the day it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Logged {
    /// The day.
    pub day: u32,
    /// The event.
    pub event: SimEvent,
}

/// Every event of the campaign, in order: the chronicle, as facts.
#[derive(Resource, Debug, Clone, Default)]
pub struct Chronicle(pub Vec<Logged>);

impl Chronicle {
    /// The events from index `from` on.
    pub fn since(&self, from: usize) -> &[Logged] {
        &self.0[from.min(self.0.len())..]
    }
}

/// Gathers the events written since the last gathering into the chronicle, under today's date.
pub fn gather_events(
    mut messages: ResMut<Messages<SimEvent>>,
    calendar: Res<Calendar>,
    mut chronicle: ResMut<Chronicle>,
) {
    gather(&mut messages, &calendar, &mut chronicle);
}

/// Moves the events written since the last gathering into the chronicle, under `calendar`'s day.
pub(super) fn gather(
    messages: &mut Messages<SimEvent>,
    calendar: &Calendar,
    chronicle: &mut Chronicle,
) {
    let day = calendar.day;
    chronicle
        .0
        .extend(messages.drain().map(|event| Logged { day, event }));
}
