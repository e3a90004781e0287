//! Checks a scenario beyond its syntax: references between entries, ranges, and feasibility,
//! each problem pointing at the file, line and column with what would be valid.

use std::collections::BTreeSet;

use super::load::{Problem, SourceFile};
use super::types::{
    CampaignFile, DetachSize, Effect, EventDef, FeatureKind, MapFile, PlanStep, Rules, Terrain,
    Trigger, Water,
};

/// The closest known name to `wrong`, if any is close enough to be a likely typo.
pub fn did_you_mean<'a>(wrong: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::levenshtein(wrong, k), k))
        .filter(|(d, k)| *d <= 2.max(k.len() / 3))
        .min()
        .map(|(_, k)| k)
}

/// A finite number above zero.
fn positive(x: f64) -> bool {
    x.is_finite() && x > 0.0
}

fn unknown(kind: &str, wrong: &str, known: &BTreeSet<&str>) -> String {
    match did_you_mean(wrong, known.iter().copied()) {
        Some(k) => format!("no {kind} '{wrong}'; did you mean '{k}'?"),
        None => {
            let list: Vec<&str> = known.iter().copied().take(12).collect();
            format!("no {kind} '{wrong}'; known: {}", list.join(", "))
        }
    }
}

fn check_share(
    src: &SourceFile,
    out: &mut Vec<Problem>,
    field: &str,
    value: f64,
    lo: f64,
    hi: f64,
) {
    if !(lo..=hi).contains(&value) || !value.is_finite() {
        let name = field.rsplit('.').next().unwrap_or(field);
        out.push(src.problem_at(
            &format!("{name}:"),
            field,
            format!("{value} is out of range; give a number from {lo} to {hi}"),
        ));
    }
}

/// Checks a map: unique ids, routes and states that refer to real places, sane numbers.
pub fn map(src: &SourceFile, map: &MapFile) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, f) in map.features.iter().enumerate() {
        let least = match f.kind {
            FeatureKind::River | FeatureKind::Mountains => 2,
            FeatureKind::Lake | FeatureKind::Desert => 3,
        };
        if f.points.len() < least {
            out.push(src.problem_at(
                &format!("\"{}\"", f.name),
                &format!("features[{i}].points"),
                format!(
                    "a {:?} needs at least {least} (lat, lon) points ({} given)",
                    f.kind,
                    f.points.len()
                ),
            ));
        }
        if f.points
            .iter()
            .any(|(lat, lon)| !(-90.0..=90.0).contains(lat) || !(-180.0..=180.0).contains(lon))
        {
            out.push(src.problem_at(
                &format!("\"{}\"", f.name),
                &format!("features[{i}].points"),
                "each point is (lat, lon), lat from -90 to 90 and lon from -180 to 180",
            ));
        }
    }
    let mut places = BTreeSet::new();
    for (i, p) in map.places.iter().enumerate() {
        if !places.insert(p.id.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", p.id),
                &format!("places[{i}].id"),
                format!(
                    "the id '{}' is used twice; give each place its own id",
                    p.id
                ),
            ));
        }
        if !(-90.0..=90.0).contains(&p.lat) || !(-180.0..=180.0).contains(&p.lon) {
            out.push(src.problem_at(
                &format!("\"{}\"", p.id),
                &format!("places[{i}]"),
                "lat must be from -90 to 90 and lon from -180 to 180",
            ));
        }
        if p.grazing_t < 0.0 {
            out.push(src.problem_at(
                &format!("\"{}\"", p.id),
                &format!("places[{i}].grazing_t"),
                "grazing cannot be negative",
            ));
        }
    }
    let li_km = map.li_km;
    if !positive(li_km) {
        out.push(src.problem_at(
            "li_km",
            "li_km",
            "give the length of a li in km, such as 0.4158",
        ));
    }
    for (i, r) in map.routes.iter().enumerate() {
        for (end, id) in [("from", &r.from), ("to", &r.to)] {
            if !places.contains(id.as_str()) {
                out.push(src.problem_at(
                    &format!("\"{id}\""),
                    &format!("routes[{i}].{end}"),
                    unknown("place", id, &places),
                ));
            }
        }
        let km = r.length.km(li_km);
        if !positive(km) {
            out.push(src.problem_at(
                &format!("\"{}\"", r.to),
                &format!("routes[{i}].length"),
                "a route must be longer than 0",
            ));
        }
        if r.waterless_days < 0.0 {
            out.push(src.problem_at(
                "waterless_days",
                &format!("routes[{i}].waterless_days"),
                "cannot be negative",
            ));
        }
        if r.water == Water::None && r.waterless_days == 0.0 {
            out.push(src.problem_at(
                &format!("\"{}\"", r.to),
                &format!("routes[{i}].water"),
                "a route with water None must give its waterless_days",
            ));
        }
    }
    let mut states = BTreeSet::new();
    for (i, s) in map.states.iter().enumerate() {
        if !states.insert(s.id.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", s.id),
                &format!("states[{i}].id"),
                format!("the id '{}' is used twice", s.id),
            ));
        }
        if !places.contains(s.place.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", s.place),
                &format!("states[{i}].place"),
                unknown("place", &s.place, &places),
            ));
        }
        check_share(
            src,
            &mut out,
            &format!("states[{i}].attitude"),
            s.attitude,
            -1.0,
            1.0,
        );
        check_share(
            src,
            &mut out,
            &format!("states[{i}].xiongnu_influence"),
            s.xiongnu_influence,
            0.0,
            1.0,
        );
        check_share(
            src,
            &mut out,
            &format!("states[{i}].cavalry_share"),
            s.cavalry_share,
            0.0,
            1.0,
        );
        if let Some(over) = &s.vassal_of {
            let ids: BTreeSet<&str> = map.states.iter().map(|s| s.id.as_str()).collect();
            if !ids.contains(over.as_str()) || over == &s.id {
                out.push(src.problem_at(
                    &format!("Some(\"{over}\")"),
                    &format!("states[{i}].vassal_of"),
                    unknown("state", over, &ids),
                ));
            }
        }
        if s.soldiers == 0 && s.garrison.unwrap_or(0) == 0 {
            out.push(src.problem_at(
                &format!("\"{}\"", s.id),
                &format!("states[{i}].soldiers"),
                "a state needs soldiers or a garrison of at least 1",
            ));
        }
    }
    out
}

const TERRAINS: [Terrain; 7] = [
    Terrain::Oasis,
    Terrain::RiverValley,
    Terrain::Steppe,
    Terrain::Gobi,
    Terrain::Desert,
    Terrain::Mountains,
    Terrain::Pass,
];
const WATERS: [Water; 5] = [
    Water::None,
    Water::Brackish,
    Water::Wells,
    Water::Springs,
    Water::River,
];

/// Checks the rules: every terrain and water source has a rule, shares are shares.
pub fn rules(src: &SourceFile, rules: &Rules) -> Vec<Problem> {
    let mut out = Vec::new();
    for t in TERRAINS {
        if !rules.terrain.iter().any(|r| r.terrain == t) {
            out.push(src.problem_at("terrain:", "terrain", format!("no rule for terrain {t:?}; add ( terrain: {t:?}, speed: …, grazing_t: …, exposure: …, animal_exposure: … )")));
        }
    }
    for w in WATERS {
        if !rules.water.iter().any(|r| r.water == w) {
            out.push(src.problem_at(
                "water:",
                "water",
                format!(
                    "no rule for water {w:?}; add ( water: {w:?}, litres_per_day: …, disease: … )"
                ),
            ));
        }
    }
    let a = &rules.attrition;
    for (name, v) in [
        ("nourishment_memory", a.nourishment_memory),
        ("hunger_threshold", a.hunger_threshold),
        ("hunger_rate", a.hunger_rate),
        ("animal_hunger_rate", a.animal_hunger_rate),
        ("thirst_rate", a.thirst_rate),
        ("disease", a.disease),
        ("desertion", a.desertion),
    ] {
        check_share(src, &mut out, &format!("attrition.{name}"), v, 0.0, 1.0);
    }
    let s = &rules.siege;
    for (name, v) in [
        ("horses_taken", s.horses_taken),
        ("sally_chance", s.sally_chance),
        ("sally_share", s.sally_share),
        ("sally_exposed", s.sally_exposed),
        ("assault_share", s.assault_share),
        ("terms.horses", s.terms.horses),
        ("terms.superior_horses", s.terms.superior_horses),
        ("terms.grain", s.terms.grain),
        (
            "terms.horses_killed_if_refused",
            s.terms.horses_killed_if_refused,
        ),
    ] {
        check_share(src, &mut out, &format!("siege.{name}"), v, 0.0, 1.0);
    }
    let b = &rules.battle;
    for (name, v) in [
        ("loser_losses", b.loser_losses),
        ("winner_losses", b.winner_losses),
        ("max_losses", b.max_losses),
        ("defeat_morale", b.defeat_morale),
    ] {
        check_share(src, &mut out, &format!("battle.{name}"), v, 0.0, 1.0);
    }
    if !positive(b.cavalry_strength) || !positive(b.steepness) {
        out.push(src.problem_at(
            "battle:",
            "battle",
            "steepness and cavalry_strength must be more than 0",
        ));
    }
    let g = &rules.diplomacy.granary_by_season;
    for (name, v) in [
        ("spring", g.spring),
        ("summer", g.summer),
        ("autumn", g.autumn),
        ("winter", g.winter),
    ] {
        check_share(
            src,
            &mut out,
            &format!("diplomacy.granary_by_season.{name}"),
            v,
            0.0,
            1.0,
        );
    }
    for (name, v) in [
        ("meat_spoilage", rules.meat_spoilage),
        ("carcass_meat", rules.carcass_meat),
    ] {
        check_share(src, &mut out, name, v, 0.0, 1.0);
    }
    let speeds = [
        rules.man_march_km,
        rules.march_km.horses,
        rules.march_km.oxen,
        rules.march_km.donkeys,
        rules.march_km.camels,
        rules.standard_march_km,
    ];
    if speeds.iter().any(|v| !positive(*v)) {
        out.push(src.problem_at(
            "march_km",
            "march_km",
            "every march must be more than 0 km a day",
        ));
    }
    out
}

/// Checks a campaign against its map and rules: places and states exist, the plan follows routes,
/// and each force can carry what it sets out with.
pub fn campaign(src: &SourceFile, c: &CampaignFile, map: &MapFile, rules: &Rules) -> Vec<Problem> {
    let mut out = Vec::new();
    let places: BTreeSet<&str> = map.places.iter().map(|p| p.id.as_str()).collect();
    let states: BTreeSet<&str> = map.states.iter().map(|s| s.id.as_str()).collect();
    let place_ref = |out: &mut Vec<Problem>, field: &str, id: &str| {
        if !places.contains(id) {
            out.push(src.problem_at(&format!("\"{id}\""), field, unknown("place", id, &places)));
            false
        } else {
            true
        }
    };
    if !(1..=12).contains(&c.start.month) || !(1..=30).contains(&c.start.day) {
        out.push(src.problem_at("start:", "start", "month must be 1 to 12 and day 1 to 30"));
    }
    check_share(src, &mut out, "prestige", c.prestige, -1.0, 1.0);
    if !states.contains(c.objective.capture.as_str()) {
        out.push(src.problem_at(
            &format!("\"{}\"", c.objective.capture),
            "objective.capture",
            unknown("state", &c.objective.capture, &states),
        ));
    }
    place_ref(&mut out, "objective.home", &c.objective.home);
    check_share(
        src,
        &mut out,
        "retreat.below_share",
        c.retreat.below_share,
        0.0,
        1.0,
    );
    for (i, o) in c.states.iter().enumerate() {
        if !states.contains(o.state.as_str()) {
            out.push(src.problem_at(
                &format!("\"{}\"", o.state),
                &format!("states[{i}].state"),
                unknown("state", &o.state, &states),
            ));
        }
    }
    if c.forces.is_empty() {
        out.push(src.problem_at("forces:", "forces", "a campaign needs at least one force"));
    }
    for (i, f) in c.forces.iter().enumerate() {
        place_ref(&mut out, &format!("forces[{i}].at"), &f.at);
        check_share(
            src,
            &mut out,
            &format!("forces[{i}].morale"),
            f.morale,
            0.0,
            1.0,
        );
        check_share(
            src,
            &mut out,
            &format!("forces[{i}].corruption"),
            f.corruption,
            0.0,
            1.0,
        );
        if f.animals.horses < f.men.cavalry {
            out.push(src.problem_at(
                "horses:",
                &format!("forces[{i}].animals.horses"),
                format!(
                    "{} horses cannot mount {} cavalry; give at least {} horses",
                    f.animals.horses, f.men.cavalry, f.men.cavalry
                ),
            ));
        }
        let capacity_t = crate::sim::rules::capacity_kg(rules, &f.men, &f.animals) / 1000.0;
        let carried_t = f.stores.grain_t + f.stores.fodder_t + f.stores.water_m3;
        if carried_t > capacity_t + 1e-9 {
            out.push(src.problem_at(
                "stores:",
                &format!("forces[{i}].stores"),
                format!(
                    "the force sets out with {carried_t:.0} t of stores but its men and animals can carry {capacity_t:.0} t; carry less or bring more pack animals"
                ),
            ));
        }
    }
    // The plan must follow the map: each march along a route from where the force then is,
    // and each request, attack or siege where a state stands; detachments' plans likewise, from
    // where they split off.
    let Some(force) = c.forces.first() else {
        return out;
    };
    let mut names: Vec<&str> = c.forces.iter().map(|f| f.name.as_str()).collect();
    collect_detachments(&c.plan, &mut names);
    let mut walk = PlanWalk {
        src,
        map,
        places: &places,
        names: &names,
        search_from: src.text.find("plan:").unwrap_or(0),
        out: &mut out,
    };
    walk.plan(&c.plan, &force.at, "plan");
    if let Some(h) = &c.history
        && !["victory", "retreat", "destroyed"].contains(&h.outcome.as_str())
    {
        out.push(src.problem_at(
            "history:",
            "history.outcome",
            format!(
                "'{}' is no outcome; use \"victory\", \"retreat\" or \"destroyed\"",
                h.outcome
            ),
        ));
    }
    for (i, e) in c.events.iter().enumerate() {
        check_event(src, &mut out, i, e, &places, &states);
    }
    out
}

/// Every detachment's name in a plan, nested ones too.
fn collect_detachments<'a>(plan: &'a [PlanStep], names: &mut Vec<&'a str>) {
    for step in plan {
        if let PlanStep::Detach { name, plan, .. } = step {
            names.push(name);
            collect_detachments(plan, names);
        }
    }
}

/// Walks a plan step by step, tracking where the force is, and reports steps that can't be done.
struct PlanWalk<'a, 'o> {
    src: &'a SourceFile,
    map: &'a MapFile,
    places: &'a BTreeSet<&'a str>,
    names: &'a [&'a str],
    search_from: usize,
    out: &'o mut Vec<Problem>,
}

impl PlanWalk<'_, '_> {
    fn plan(&mut self, plan: &[PlanStep], start: &str, field: &str) {
        let mut at = start.to_string();
        for (i, step) in plan.iter().enumerate() {
            let needle = match step {
                PlanStep::March(to) => format!("March(\"{to}\")"),
                PlanStep::Rest(_) => "Rest(".to_string(),
                PlanStep::Request => "Request".to_string(),
                PlanStep::Gift(_) => "Gift(".to_string(),
                PlanStep::Requisition => "Requisition".to_string(),
                PlanStep::Battle => "Battle".to_string(),
                PlanStep::Attack => "Attack".to_string(),
                PlanStep::Besiege { .. } => "Besiege(".to_string(),
                PlanStep::Detach { name, .. } => format!("\"{name}\""),
                PlanStep::Join(name) => format!("Join(\"{name}\")"),
                PlanStep::WaitFor { force, .. } => format!("\"{force}\""),
                PlanStep::Return => "Return".to_string(),
            };
            let (line, col) = self.src.locate(&needle, self.search_from);
            if let Some(offset) =
                self.src.text[self.search_from.min(self.src.text.len())..].find(&needle)
            {
                self.search_from += offset + needle.len();
            }
            let field = format!("{field}[{i}]");
            let problem = |message: String| Problem {
                path: self.src.path.clone(),
                line,
                col,
                field: field.clone(),
                message,
            };
            match step {
                PlanStep::March(to) => {
                    if !self.places.contains(to.as_str()) {
                        self.out.push(problem(unknown("place", to, self.places)));
                        continue;
                    }
                    let linked =
                        self.map.routes.iter().any(|r| {
                            (r.from == at && r.to == *to) || (r.to == at && r.from == *to)
                        });
                    if !linked {
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
                        self.out.push(problem(format!(
                            "no route from '{at}' to '{to}'; from '{at}' routes lead to: {}",
                            neighbours.join(", ")
                        )));
                    }
                    at = to.clone();
                }
                PlanStep::Request
                | PlanStep::Gift(_)
                | PlanStep::Requisition
                | PlanStep::Battle
                | PlanStep::Attack
                | PlanStep::Besiege { .. } => {
                    if !self.map.states.iter().any(|s| s.place == at) {
                        self.out.push(problem(format!(
                            "no state has its capital at '{at}', so there is no one to ask, give to, fight or besiege"
                        )));
                    }
                }
                PlanStep::Detach { name, size, plan } => {
                    let bad_size = match size {
                        DetachSize::Share(share) => !(*share > 0.0 && *share < 1.0),
                        DetachSize::Men(men) => *men == 0,
                    };
                    if bad_size {
                        self.out.push(problem(format!(
                            "detachment '{name}': its size must be Share(x) with x between 0 and 1, or Men(n) with n above 0"
                        )));
                    }
                    if self.names.iter().filter(|n| **n == name.as_str()).count() > 1 {
                        self.out.push(problem(format!(
                            "two forces are called '{name}'; give each detachment its own name"
                        )));
                    }
                    let inner = format!("{field}.plan");
                    self.plan(plan, &at, &inner);
                }
                PlanStep::Join(name) | PlanStep::WaitFor { force: name, .. } => {
                    if !self.names.contains(&name.as_str()) {
                        let known: BTreeSet<&str> = self.names.iter().copied().collect();
                        self.out.push(problem(unknown("force", name, &known)));
                    }
                }
                PlanStep::Rest(_) | PlanStep::Return => {}
            }
        }
    }
}

/// Checks an event's references.
fn check_event(
    src: &SourceFile,
    out: &mut Vec<Problem>,
    i: usize,
    e: &EventDef,
    places: &BTreeSet<&str>,
    states: &BTreeSet<&str>,
) {
    let field = format!("events[{i}]");
    let state_ref = |out: &mut Vec<Problem>, id: &str| {
        if !states.contains(id) {
            out.push(src.problem_at(&format!("\"{id}\""), &field, unknown("state", id, states)));
        }
    };
    match &e.when {
        Trigger::Arrive(place) => {
            if !places.contains(place.as_str()) {
                out.push(src.problem_at(
                    &format!("\"{place}\""),
                    &field,
                    unknown("place", place, places),
                ));
            }
        }
        Trigger::SiegeDays(state, _) | Trigger::Falls(state) | Trigger::Answers(state) => {
            state_ref(out, state)
        }
        Trigger::Day(_) => {}
    }
    for effect in &e.then {
        match effect {
            Effect::Attitude(state, _) | Effect::Relief { state, .. } => state_ref(out, state),
            Effect::Ally { commitment, .. } => {
                if !(0.0..=1.0).contains(commitment) {
                    out.push(src.problem_at(
                        "commitment",
                        &field,
                        format!("commitment is {commitment}; it must be between 0 and 1"),
                    ));
                }
            }
            Effect::Message(_) | Effect::Prestige(_) | Effect::Reinforce { .. } => {}
        }
    }
}
