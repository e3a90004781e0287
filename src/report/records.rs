//! The report's records, read off the chronicle's events: what each state answered or suffered,
//! and how each siege ended.

use bevy::prelude::*;
use serde::Serialize;

use crate::sim::log::Answer;
use crate::sim::log::{Battle, BattleKind, Logged, SiegeEnd, SiegeResult, SimEvent};
use crate::sim::state::OasisState;

/// What a state answered or suffered, as the report names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum StateAnswer {
    /// It was given silk and gold.
    #[serde(rename = "received gifts")]
    ReceivedGifts,
    /// Its grain was seized.
    #[serde(rename = "grain seized")]
    GrainSeized,
    /// It submitted.
    #[serde(rename = "submitted")]
    Submitted,
    /// It sent a prince to court.
    #[serde(rename = "sent a hostage")]
    SentHostage,
    /// It sells grain.
    #[serde(rename = "sells")]
    Sells,
    /// It shut its gates.
    #[serde(rename = "refused")]
    Refused,
    /// It fell on the column that asked.
    #[serde(rename = "attacked")]
    Attacked,
    /// It attacked, was beaten, and submitted.
    #[serde(rename = "beaten in the field, submitted")]
    BeatenAndSubmitted,
    /// It beat a Han force.
    #[serde(rename = "defeated the army")]
    DefeatedTheHan,
    /// Its city held out until the besieger gave up.
    #[serde(rename = "held out")]
    HeldOut,
    /// It accepted terms.
    #[serde(rename = "accepted terms")]
    AcceptedTerms,
    /// Its terms were refused.
    #[serde(rename = "terms refused")]
    TermsRefused,
    /// It was sacked.
    #[serde(rename = "sacked")]
    Sacked,
    /// It was conquered.
    #[serde(rename = "conquered")]
    Conquered,
    /// Its army was beaten in the open.
    #[serde(rename = "beaten in the field")]
    BeatenInTheField,
}

impl StateAnswer {
    /// The words, as the report has them.
    pub fn words(self) -> &'static str {
        match self {
            StateAnswer::ReceivedGifts => "received gifts",
            StateAnswer::GrainSeized => "grain seized",
            StateAnswer::Submitted => "submitted",
            StateAnswer::SentHostage => "sent a hostage",
            StateAnswer::Sells => "sells",
            StateAnswer::Refused => "refused",
            StateAnswer::Attacked => "attacked",
            StateAnswer::BeatenAndSubmitted => "beaten in the field, submitted",
            StateAnswer::DefeatedTheHan => "defeated the army",
            StateAnswer::HeldOut => "held out",
            StateAnswer::AcceptedTerms => "accepted terms",
            StateAnswer::TermsRefused => "terms refused",
            StateAnswer::Sacked => "sacked",
            StateAnswer::Conquered => "conquered",
            StateAnswer::BeatenInTheField => "beaten in the field",
        }
    }

    /// Whether it answers a request (rather than a gift, a fight or a fate).
    pub fn is_answer(self) -> bool {
        matches!(
            self,
            StateAnswer::Submitted
                | StateAnswer::Sells
                | StateAnswer::Refused
                | StateAnswer::Attacked
        )
    }
}

/// A state's answer or fate, for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateEvent {
    /// The state's id.
    pub id: String,
    /// The state's name.
    pub name: String,
    /// What happened.
    pub answer: StateAnswer,
    /// The day.
    pub day: u32,
}

/// A siege, for the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SiegeRecord {
    /// The state's id.
    pub target: String,
    /// The state's name.
    pub name: String,
    /// Days it lasted.
    pub days: u32,
    /// Whether the city's water was cut.
    pub water_diverted: bool,
    /// How it ended.
    pub result: SiegeResult,
}

/// What the state (if any) answered or suffered in `event`, in order.
pub fn state_answers(event: &SimEvent) -> Vec<(Entity, StateAnswer)> {
    use StateAnswer as A;
    match *event {
        SimEvent::GiftGiven { state, .. } => vec![(state, A::ReceivedGifts)],
        SimEvent::GrainSeized { state, .. } => vec![(state, A::GrainSeized)],
        SimEvent::Answered { state, answer, .. } => {
            let a = match answer {
                Answer::Submit => A::Submitted,
                Answer::Sell => A::Sells,
                Answer::Refuse | Answer::Attack => A::Refused,
            };
            vec![(state, a)]
        }
        SimEvent::HostageSent { state } => vec![(state, A::SentHostage)],
        SimEvent::Battle(Battle {
            kind,
            state: Some(state),
            won,
            ..
        }) => match (kind, won) {
            (BattleKind::StateAttack, true) => {
                vec![(state, A::Attacked), (state, A::BeatenAndSubmitted)]
            }
            (BattleKind::StateAttack, false) => {
                vec![(state, A::Attacked), (state, A::DefeatedTheHan)]
            }
            (BattleKind::Storm, false) | (BattleKind::Field, false) => {
                vec![(state, A::DefeatedTheHan)]
            }
            (BattleKind::Field, true) => vec![(state, A::BeatenInTheField)],
            _ => Vec::new(),
        },
        SimEvent::SiegeEnded {
            state,
            end: SiegeEnd::Starved | SiegeEnd::HeldOut,
            ..
        } => vec![(state, A::HeldOut)],
        SimEvent::TermsAccepted { state, .. } => vec![(state, A::AcceptedTerms)],
        SimEvent::TermsRefused { state, .. } => vec![(state, A::TermsRefused)],
        SimEvent::CityTaken { state, sacked, .. } => {
            vec![(state, if sacked { A::Sacked } else { A::Conquered })]
        }
        _ => Vec::new(),
    }
}

/// Every state's answers and fates, in order.
pub fn states(world: &World, log: &[Logged]) -> Vec<StateEvent> {
    log.iter()
        .flat_map(|l| {
            state_answers(&l.event)
                .into_iter()
                .filter_map(move |(state, answer)| {
                    let s = world.get::<OasisState>(state)?;
                    Some(StateEvent {
                        id: s.id.clone(),
                        name: s.name.clone(),
                        answer,
                        day: l.day,
                    })
                })
        })
        .collect()
}

/// Enemy men killed, and taken alive, in every fight of the campaign.
pub fn enemy_losses(log: &[Logged]) -> (u32, u32) {
    log.iter()
        .filter_map(|l| match &l.event {
            SimEvent::Battle(b) => Some((b.enemy_killed, b.enemy_captured)),
            _ => None,
        })
        .fold((0u32, 0u32), |(k, c), (bk, bc)| {
            (k.saturating_add(bk), c.saturating_add(bc))
        })
}

/// Every siege, in the order they ended.
pub fn sieges(world: &World, log: &[Logged]) -> Vec<SiegeRecord> {
    log.iter()
        .filter_map(|l| match l.event {
            SimEvent::SiegeEnded {
                state,
                days,
                water_diverted,
                end,
                ..
            } => {
                let s = world.get::<OasisState>(state)?;
                Some(SiegeRecord {
                    target: s.id.clone(),
                    name: s.name.clone(),
                    days,
                    water_diverted,
                    result: end.result(),
                })
            }
            _ => None,
        })
        .collect()
}
