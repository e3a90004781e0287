//! The chronicle's lines for the campaign's aims and what befalls its envoys: goals met, forces
//! holding their posts, embassies received or refused, parties seized and escaping, roads closed
//! by events, palisades burned and rulers fallen.

use bevy::prelude::*;

use super::Names;
use crate::sim::log::SimEvent;

/// The line for one of these events (`None` for any other).
pub(super) fn line(names: &Names, event: &SimEvent) -> Option<String> {
    use SimEvent as E;
    let f = |e: Entity| names.force(e);
    let s = |e: Entity| names.state(e);
    Some(match event {
        E::EnvoyReceived {
            force,
            state,
            alliance: true,
        } => format!(
            "{} receives {} as its guests and agrees to an alliance",
            s(*state),
            f(*force)
        ),
        E::EnvoyReceived { force, state, .. } => format!(
            "{} receives {} as its guests, but will not make an alliance",
            s(*state),
            f(*force)
        ),
        E::EnvoyRefused { force, state } => {
            format!("{} shuts its gates on {}", s(*state), f(*force))
        }
        E::Seized { force, by, killed } => format!(
            "{} is seized by {} and held in its city{}",
            f(*force),
            s(*by),
            if *killed == 1 {
                "; one is killed".to_string()
            } else if *killed > 1 {
                format!("; {killed} are killed")
            } else {
                String::new()
            }
        ),
        E::Escaped { force, from, men } => format!(
            "{} slips away from {} with {men} {}; the rest stay captive",
            f(*force),
            s(*from),
            if *men == 1 { "man" } else { "men" }
        ),
        E::RouteChanged { from, to, closed } => format!(
            "The road from {} to {} is {}",
            names.place(*from),
            names.place(*to),
            if *closed { "closed" } else { "open again" }
        ),
        E::PalisadeBurned { force, state } => format!(
            "{} sets the palisade of {} alight, and it burns",
            f(*force),
            s(*state)
        ),
        E::LeaderFell { state, killed } => {
            let ruler = names.leader(*state);
            if *killed {
                format!("{ruler} is killed as {} falls", s(*state))
            } else {
                format!("{ruler} is taken alive as {} falls", s(*state))
            }
        }
        E::GoalMet { goal } => format!("A goal is met: {}", names.goal(*goal)),
        E::Holding { force, at } => format!(
            "{} holds {} to the end of the campaign",
            f(*force),
            names.place(*at)
        ),
        E::Levied { state, force, men } => format!(
            "{} raises {men} men for the {}: {} sets out",
            s(*state),
            names.world().side,
            f(*force)
        ),
        E::ContingentArrived { force, at, men } => format!(
            "{} comes into the field at {} with {men} men",
            f(*force),
            names.place(*at)
        ),
        E::LevyRefused { state } => format!("{} will raise no men", s(*state)),
        _ => return None,
    })
}
